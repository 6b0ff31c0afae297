// After each shift (issue 11 part 6) in the real app, on the demo workspace:
// the On-call Handoffs tab lists the turn that ended last week as "Not
// recorded"; the handoff dialog refuses a save without a burden rating (the
// message next to the rating), then records burden 4 with sleep interrupted
// and notes, and the row says so. Then anonymous survey answers: a forms
// tool's CSV with an e-mail column is chosen through the file input, its
// columns are guessed (the e-mail column ignored, never stored), the preview
// shows the aggregates, the import adds them to "Burden by rotation", and the
// same file again is refused. Back to my workspace at the end.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'

const T = { timeout: 20_000 }

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor(T)
}

export async function run({ page, shot, log, api }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })

  // ---- The demo, On-call, Handoffs.
  await nav(page, 'Settings')
  await page.getByRole('button', { name: 'Open demo workspace' }).click()
  await page.getByRole('region', { name: 'Demo workspace' }).waitFor(T)
  const turns = await api('HandoffAPI.Recent', 0)
  const ended = turns.find((t) => t.ended && !t.record)
  assert.ok(ended, `the demo has a turn that ended without a handoff: ${JSON.stringify(turns)}`)
  log(`turn to record: ${ended.person}, ${ended.rotation}, ${ended.start} – ${ended.end}`)

  await nav(page, 'On-call')
  await page.getByRole('navigation', { name: 'On-call views' }).getByRole('link', { name: 'Handoffs' }).click()
  const list = page.getByRole('region', { name: 'Handoffs' })
  await list.getByRole('table').waitFor(T)
  const row = list.locator(`tr[data-turn="${ended.rotation}|${ended.person}"]`).first()
  await row.getByText('Not recorded').waitFor(T)
  assert.match(await list.locator('.count').first().innerText(), /to record/)
  await shot('handoffs-list')

  // ---- Record: no rating first, then the real thing.
  await row.getByRole('button', { name: `Record the handoff of ${ended.person}, ${ended.rotation}` }).click()
  const dialog = page.getByRole('dialog', { name: `Handoff: ${ended.person}` })
  await dialog.waitFor(T)
  await dialog.getByLabel('Open issues').fill('Kafka consumer lag alert fired nightly; Bo looks at it Monday')
  await dialog.getByRole('button', { name: 'Record handoff' }).click()
  await dialog.getByText(`Ask ${ended.person} how heavy the turn was`).waitFor(T)
  await shot('handoff-dialog-no-rating')
  await dialog.getByRole('radio', { name: '4' }).click()
  await dialog.getByText('Heavy', { exact: true }).waitFor(T)
  await dialog.getByLabel('Their sleep was interrupted').check()
  await dialog.getByLabel('Runbook gaps').fill('No runbook for the payment webhook retries')
  await dialog.getByLabel('How it went').fill('Two pages at 3 am, otherwise fine')
  await shot('handoff-dialog-filled')
  await dialog.getByRole('button', { name: 'Record handoff' }).click()
  await dialog.waitFor({ state: 'detached', ...T })
  await row.getByText('Burden 4/5 · heavy').waitFor(T)
  await row.getByText('Sleep interrupted').waitFor(T)
  assert.match(await row.innerText(), /Kafka consumer lag/)
  const after = (await api('HandoffAPI.Recent', 0)).find((t) => t.rotationId === ended.rotationId && t.start === ended.start)
  assert.equal(after.record?.rating, 4)
  assert.equal(after.record?.sleepInterrupted, true)
  assert.equal(after.record?.personId, ended.personId)
  await page.getByRole('region', { name: 'Burden by rotation' }).getByText('turns recorded').waitFor(T)
  await shot('handoffs-recorded')

  // ---- Survey answers from a CSV, with a person column the import never keeps.
  const day = (ms) => new Date(ms).toISOString().slice(0, 10)
  const t0 = Date.parse(ended.start)
  const csv = [
    'Timestamp,Email Address,Which rotation were you on?,How heavy was the shift (1-5)?,Was your sleep interrupted?,Anything else?',
    `${day(t0 + 86_400_000)} 10:01:02,ana@example.com,${ended.rotation},4,Yes,"Too many disk alerts, again"`,
    `${day(t0 + 2 * 86_400_000)} 11:00:00,bo@example.com,${ended.rotation},2,No,`,
    `${day(t0 + 2 * 86_400_000)} 12:00:00,cy@example.com,Nope,5,Yes,`,
    '',
  ].join('\n')
  const answer = process.env.WHEELHOUSE_TEST_OPEN_FILE
  assert.ok(answer, 'run.mjs sets WHEELHOUSE_TEST_OPEN_FILE')
  const file = path.join(path.dirname(answer), 'oncall-survey.csv')
  fs.writeFileSync(file, csv)
  fs.writeFileSync(answer, file)
  await list.getByRole('button', { name: 'Import survey answers…' }).click()
  const imp = page.getByRole('dialog', { name: 'Import survey answers' })
  await imp.waitFor(T)
  await imp.getByRole('button', { name: 'Choose file…' }).click()
  await imp.getByText('oncall-survey.csv', { exact: true }).waitFor(T)
  await imp.getByText('2 answers counted, 1 skipped').waitFor(T)
  assert.match(await imp.innerText(), /Ignored, never stored: Email Address/)
  assert.equal(await imp.getByLabel('Email Address').inputValue(), '')
  assert.equal(await imp.getByLabel('Which rotation were you on?').inputValue(), 'rotation')
  await shot('survey-preview')
  // A person column cannot be mapped: the preview says why and the import is off.
  await imp.getByLabel('Email Address').selectOption('comment')
  await imp.getByText('stay anonymous', { exact: false }).waitFor(T)
  assert.ok(await imp.getByRole('button', { name: /^Import/ }).isDisabled(), 'import enabled with a person column mapped')
  await imp.getByLabel('Email Address').selectOption('')
  await imp.getByText('2 answers counted, 1 skipped').waitFor(T)
  await imp.getByRole('button', { name: 'Import 2 answers' }).click()
  await imp.waitFor({ state: 'detached', ...T })
  const burden = page.getByRole('region', { name: 'Burden by rotation' })
  await burden.getByText('1 comment').waitFor(T)
  log(`burden: ${(await burden.innerText()).replace(/\s+/g, ' ')}`)
  await burden.getByText('1 comment').click() // the comments open
  await burden.getByText('Too many disk alerts, again').waitFor(T)
  await shot('handoffs-survey')
  const health = await api('HandoffAPI.Health', 0)
  const h = health.find((x) => x.rotationId === ended.rotationId)
  assert.equal(h.survey.reduce((n, a) => n + a.answers, 0), 2)
  assert.ok(!JSON.stringify(health).includes('example.com'), 'an e-mail reached the survey aggregates')

  // The same file again: the preview says so and Import stays off.
  const again = path.join(path.dirname(answer), 'again.csv')
  fs.writeFileSync(again, csv)
  fs.writeFileSync(answer, again)
  await list.getByRole('button', { name: 'Import survey answers…' }).click()
  await imp.waitFor(T)
  await imp.getByRole('button', { name: 'Choose file…' }).click()
  await imp.getByText('This file was imported on', { exact: false }).waitFor(T)
  assert.ok(await imp.getByRole('button', { name: /^Import/ }).isDisabled())
  await imp.getByRole('button', { name: 'Cancel' }).click()
  await imp.waitFor({ state: 'detached', ...T })
  fs.rmSync(answer, { force: true })

  // ---- Back to my workspace for the journeys after this one.
  await page.getByRole('region', { name: 'Demo workspace' }).getByRole('button', { name: 'Back to my workspace' }).click()
  await page.getByRole('region', { name: 'Demo workspace' }).waitFor({ state: 'detached', ...T })
}
