// Paging history in the real app (issue 11 part 4), through the UI: the
// On-call area's Pages tab says nothing is imported yet; a PagerDuty export
// (fixtures/pagerduty-incidents.csv) is chosen (the open dialog answers the
// path the spec writes, WHEELHOUSE_TEST_OPEN_FILE, see run.mjs), its unknown
// "Handled By" column is mapped to "Acknowledged by", the name no one here
// has ("R. Menon") is mapped to Ravi Menon, the counts are checked and the
// file applied; choosing it again applies the remembered mapping and finds
// nothing new.
//
// Then on-call health (issue 11 part 5) continues from the import: the On-call
// Health tab flags Ravi Menon's two sleep-hour pages with the reason, and his
// prep brief (opened from the flag) suggests talking about them.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const T = { timeout: 15_000 }
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
export const FIXTURE = path.join(fixtures, 'pagerduty-incidents.csv')
const BAD_FIXTURE = path.join(fixtures, 'pagerduty-bad.csv')

async function nav(page, name) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor(T)
}

/** What the open dialog answers next (see run.mjs). */
function answerOpenDialog(file) {
  const answer = process.env.WHEELHOUSE_TEST_OPEN_FILE
  assert.ok(answer, 'run.mjs sets WHEELHOUSE_TEST_OPEN_FILE')
  fs.writeFileSync(answer, file)
}

/** The text of a <select>'s chosen option. */
const selected = (select) => select.evaluate((n) => n.selectedOptions[0]?.textContent.trim() ?? '')

/** The preview's counts, by name. */
async function counts(page) {
  const stats = page.getByRole('region', { name: /^Import / }).locator('dl')
  const out = {}
  for (const k of ['rows', 'added', 'updated', 'unchanged', 'skipped']) out[k] = Number(await stats.locator(`[data-count="${k}"]`).textContent())
  return out
}

/** Waits until the preview's counts are want (it re-previews after each change). */
async function waitCounts(page, want) {
  const deadline = Date.now() + T.timeout
  let got
  for (;;) {
    got = await counts(page).catch(() => null)
    if (got && Object.entries(want).every(([k, v]) => got[k] === v)) return got
    if (Date.now() > deadline) assert.fail(`preview counts ${JSON.stringify(got)}, want ${JSON.stringify(want)}`)
    await page.waitForTimeout(150)
  }
}

export async function run({ page, shot, log, waitForBindings, api }) {

  // Setup: the two responders of the export (the roster has its own journey).
  const pia = await api('PeopleAPI.CreatePerson', { name: 'Pia Lund', timezone: 'Europe/Oslo', skills: [] })
  const ravi = await api('PeopleAPI.CreatePerson', { name: 'Ravi Menon', timezone: 'Asia/Kolkata', skills: [] })
  const before = await api('PagesAPI.Summary')
  await page.reload({ waitUntil: 'load' })
  await waitForBindings()
  await nav(page, 'On-call')
  await page.getByRole('navigation', { name: 'On-call views' }).getByRole('link', { name: 'Pages' }).click()
  const history = page.getByRole('region', { name: 'Paging history' })
  await history.waitFor(T)

  // ---- Nothing imported yet: the empty state says so and offers the import.
  if (before.pages === 0) {
    await history.getByRole('heading', { name: 'No pages imported yet' }).waitFor(T)
    await shot('empty')
  } else {
    log(`${before.pages} pages were imported by an earlier spec: no empty state to see`)
  }

  // ---- Choose the file: the preview reads it.
  answerOpenDialog(FIXTURE)
  await history.getByRole('button', { name: 'Import pages…' }).click()
  const imp = page.getByRole('region', { name: 'Import pagerduty-incidents.csv' })
  await imp.waitFor(T)
  await waitCounts(page, { rows: 6, added: 6, updated: 0, unchanged: 0, skipped: 0 })
  assert.equal(await selected(imp.getByLabel('Exported by')), 'Detect (PagerDuty)', 'the source is detected')
  const columns = imp.getByRole('table', { name: 'Columns' })
  const handled = columns.getByLabel('Read Handled By as')
  assert.equal(await handled.inputValue(), '', 'Handled By is not read until mapped')
  assert.match(await columns.getByRole('row').filter({ hasText: 'Handled By' }).innerText(), /Pia Lund/, 'a sample of the column')
  assert.equal(await selected(columns.getByLabel('Read created_at as')), 'Detected: Created at')
  assert.equal(await selected(handled), 'Not read')
  assert.equal(await imp.getByRole('table', { name: 'People' }).count(), 0, 'no acknowledging names before the column is read')
  await shot('preview-unmapped')

  // ---- Map the column: the names in it appear, one matches nobody.
  await handled.selectOption({ label: 'Acknowledged by' })
  const people = imp.getByRole('table', { name: 'People' })
  await people.waitFor(T)
  const menonRow = people.getByRole('row').filter({ hasText: 'R. Menon' })
  await menonRow.waitFor(T)
  assert.match(await menonRow.innerText(), /\b2\b/, 'R. Menon acknowledged 2 pages')
  assert.equal(await people.getByRole('cell', { name: 'Pia Lund', exact: true }).count(), 0, 'Pia Lund matches by name')
  await imp.getByText(/1 acknowledging name matches nobody here/).waitFor(T)
  await shot('column-mapped')

  // ---- Map the name to a person.
  await people.getByLabel('Person for R. Menon').selectOption({ label: 'Ravi Menon' })
  await imp.getByText('Names of the file mapped to people.').waitFor(T)
  await imp.getByText(/Responders: 5 by who acknowledged/).waitFor(T)
  await waitCounts(page, { rows: 6, added: 6 })
  await people.scrollIntoViewIfNeeded()
  await shot('name-mapped')

  // ---- Apply: the result, the history.
  const apply = imp.getByRole('button', { name: 'Import 6 pages' })
  assert.equal(await apply.isEnabled(), true, 'a valid preview can be applied')
  await apply.click()
  const result = page.getByRole('status', { name: 'Import result' })
  await result.waitFor(T)
  assert.match(await result.innerText(), /Imported 6 new and 0 updated pages; 0 unchanged, 0 skipped/)
  await history.getByText(`${before.pages + 6} pages`).waitFor(T)
  const imports = history.getByRole('table', { name: 'Imports' })
  assert.match(await imports.getByRole('row').nth(1).innerText(), /pagerduty-incidents\.csv\s+PagerDuty/)
  const after = await api('PagesAPI.Summary')
  assert.equal(after.pages, before.pages + 6)
  assert.equal(after.imports[0].added, 6)
  await shot('applied')

  // ---- Import it again: the remembered mapping is applied, nothing is new.
  answerOpenDialog(FIXTURE)
  await history.getByRole('button', { name: 'Import pages…' }).click()
  await imp.waitFor(T)
  await imp.getByText(/Used the mapping remembered from your import of/).waitFor(T)
  await waitCounts(page, { rows: 6, added: 0, updated: 0, unchanged: 6 })
  assert.equal(await columns.getByLabel('Read Handled By as').inputValue(), 'ack_user', 'the remembered column mapping')
  assert.equal(await people.getByLabel('Person for R. Menon').inputValue(), ravi.id, 'the remembered name mapping')
  await imp.getByRole('heading', { name: 'Nothing new' }).waitFor(T)
  assert.equal(await imp.getByRole('button', { name: /^Import \d+ page/ }).isDisabled(), true, 'nothing to apply')
  await shot('reimport-nothing-new')
  await imp.getByRole('button', { name: 'Cancel' }).click()
  await imp.waitFor({ state: 'detached', ...T })
  assert.equal((await api('PagesAPI.Summary')).pages, before.pages + 6, 're-importing changed nothing')

  // ---- A file with bad rows: listed with their line numbers, nothing to apply.
  answerOpenDialog(BAD_FIXTURE)
  await history.getByRole('button', { name: 'Import pages…' }).click()
  const badImp = page.getByRole('region', { name: 'Import pagerduty-bad.csv' })
  await badImp.waitFor(T)
  await waitCounts(page, { rows: 3, added: 1, skipped: 2 })
  const bad = badImp.getByRole('list', { name: 'Rows that cannot be imported' })
  await bad.waitFor(T)
  const lines = await bad.getByRole('listitem').allInnerTexts()
  assert.equal(lines.length, 2)
  assert.match(lines[0], /^Line 3\s+Created at\s+.*last tuesday/)
  assert.match(lines[1], /^Line 4\s+Page id\s+the page has no id/)
  assert.equal(await badImp.getByRole('button', { name: /^Import \d+ page/ }).isDisabled(), true, 'a file with bad rows is not applied')
  await bad.scrollIntoViewIfNeeded()
  await shot('bad-rows')
  await badImp.getByRole('button', { name: 'Cancel' }).click()
  await badImp.waitFor({ state: 'detached', ...T })
  assert.equal((await api('PagesAPI.Summary')).pages, before.pages + 6, 'nothing of the bad file was imported')

  // ---- A big export: its preview shows how far it has read the file.
  const big = path.join(path.dirname(process.env.WHEELHOUSE_TEST_OPEN_FILE), 'big-export.csv')
  const rows = ['id,incident_number,title,created_at,status,service_name']
  for (let i = 0; i < 150_000; i++) rows.push(`BIG${i},${i},Load ${i % 97},2026-10-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z,resolved,checkout-api`)
  fs.writeFileSync(big, rows.join('\n') + '\n')
  answerOpenDialog(big)
  await history.getByRole('button', { name: 'Import pages…' }).click()
  const bigImp = page.getByRole('region', { name: 'Import big-export.csv' })
  const bar = bigImp.getByRole('progressbar', { name: 'Preview progress' })
  await bar.waitFor(T)
  await shot('big-preview-progress')
  await waitCounts(page, { rows: 150_000, added: 150_000 })
  await bigImp.getByRole('button', { name: 'Cancel' }).click()
  await bigImp.waitFor({ state: 'detached', ...T })
  log(`pages imported: Pia ${pia.id}, Ravi ${ravi.id}`)

  // ---- On-call health (issue 11 part 5): Ravi (Kolkata) was paged at 05:11
  // and 07:40 his time, both in sleep hours (22:00–08:00) of ISO week 2026-W45;
  // his last 1:1 was on 1 Nov, so his prep brief counts both.
  const m = await api('OneOnOneAPI.StartMeeting', ravi.id, '2026-11-01')
  await api('OneOnOneAPI.SaveMeeting', { ...m, status: 'held' })
  await page.getByRole('navigation', { name: 'On-call views' }).getByRole('link', { name: 'Health' }).click()
  const window6m = page.getByRole('radiogroup', { name: 'Window' }).getByRole('radio', { name: 'Last 6 months' })
  await window6m.click()
  const flags = page.getByRole('region', { name: 'Flags' })
  await flags.getByRole('link', { name: 'Ravi Menon' }).waitFor(T)
  await flags.getByText('2 pages in sleep hours (22:00–08:00 Asia/Kolkata) in week 2026-W45.').waitFor(T)
  assert.equal(await flags.getByRole('link', { name: 'Pia Lund' }).count(), 0, 'Pia was paged in business and off hours only')
  const byPerson = page.getByRole('region', { name: 'People' })
  const raviRow = byPerson.getByRole('row').filter({ hasText: 'Ravi Menon' })
  assert.match(await raviRow.innerText(), /Sleep-hour pages/)
  // Six months of weeks and the flags fit a 1280 px window: the table does not scroll sideways.
  const overflow = await page.evaluate(() => {
    const t = [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent?.trim().startsWith('People'))?.querySelector('table')
    const wrap = t?.parentElement
    return wrap ? wrap.scrollWidth - wrap.clientWidth : -1
  })
  assert.ok(overflow === 0, `the people table scrolls sideways by ${overflow} px at 1280 px`)
  await shot('health')
  // Grouped by rotation or team: the pages count only where a rotation held them.
  await page.getByRole('radiogroup', { name: 'Group by' }).getByRole('radio', { name: 'Teams' }).click()
  await page.getByRole('region', { name: 'Teams' }).waitFor(T)
  await page.getByRole('radiogroup', { name: 'Group by' }).getByRole('radio', { name: 'People' }).click()
  await byPerson.waitFor(T)
  // The flag opens his prep brief, which suggests talking about those nights.
  await flags.getByRole('link', { name: 'Ravi Menon' }).click()
  await page.getByText(/2 sleep-hour pages since your last 1:1/).first().waitFor(T)
  await shot('brief-sleep-pages')

  // ---- Fairness shows the pages beside the hours: Ravi holds the week of
  // 2 Nov in a rotation made now, so his two night pages count there too.
  await api('OnCallAPI.SaveRotation', {
    name: 'Checkout pager', timezone: 'Asia/Kolkata', participants: [ravi.id, pia.id], shiftLength: { n: 1, unit: 'weeks' },
    handoffTime: '00:00', startDate: '2026-11-02', requiredCoverage: '24x7', layer: 1,
  })
  await nav(page, 'On-call')
  await page.getByRole('navigation', { name: 'On-call views' }).getByRole('link', { name: 'Fairness' }).click()
  const load = page.getByRole('region', { name: 'Load per person' })
  await load.getByRole('columnheader', { name: 'Per day' }).waitFor(T)
  const raviFair = load.getByRole('row').filter({ hasText: 'Ravi Menon' })
  await raviFair.getByTitle('2 in sleep hours (22:00–08:00 their time)').waitFor(T)
  await page.getByText('Ravi Menon: 2 pages in sleep hours (22:00–08:00 Asia/Kolkata), in 1 week.').waitFor(T)
  await shot('fairness-pages')
}
