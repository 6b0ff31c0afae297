// The incident journey of issue 4, in the real app: open an incident, assign a
// commander, move it through identified, monitoring and resolved, write and
// complete the review, add two follow-ups (due in 2 and in 5 days), move the
// app's clock 3 days ahead with Settings' "Advance clock", then find the
// reminder for the first follow-up in the notification centre AND on the
// desktop: dunst (started by scripts/e2e.sh on this process's D-Bus session)
// must have shown a notification whose summary names the follow-up.
// The app runs with WHEELHOUSE_TEST_CLOCK=1 (run.mjs).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'

const T = { timeout: 15_000 }

const TITLE = 'Card payments fail at checkout'
const FU1 = 'Alert on payment queue depth'
const FU2 = 'Load-test the card gateway'

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
}

function dunstctl(...args) {
  return execFileSync('dunstctl', args, { encoding: 'utf8', timeout: 10_000, env: process.env }).trim()
}

/** Summaries of every notification dunst has shown (history, on screen, waiting). */
function dunstSummaries() {
  const out = []
  const hist = JSON.parse(dunstctl('history'))
  for (const group of hist.data ?? []) for (const n of group) out.push(String(n.summary?.data ?? ''))
  return out
}

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`)
}

export async function run({ page, shot, log, waitForBindings }) {
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'DBUS_SESSION_BUS_ADDRESS is not set: run through scripts/e2e.sh')
  await page.emulateMedia({ reducedMotion: 'reduce' }) // screenshots without half-finished pop-ins

  // ---- Setup through the API: two people, a team and a service.
  const ids = await page.evaluate(async () => {
    const P = window.go.app.PeopleAPI
    const person = (name) => ({ name, email: '', role: 'Engineer', level: '', timezone: 'Europe/Berlin', startDate: '',
      managerId: '', skills: [], aspiration: 'undecided', notes: '' })
    const ada = await P.CreatePerson(person('Ada Okafor'))
    const lin = await P.CreatePerson(person('Lin Park'))
    const team = await P.SaveTeam('', { name: 'Checkout', description: '', memberIds: [ada.id, lin.id] })
    await P.SaveService('', { name: 'card-gateway', description: '', criticality: 'customer_24x7', teamId: team.id,
      primaryId: ada.id, secondaryId: lin.id })
    return { ada: ada.id, lin: lin.id }
  })
  log(`people: ${JSON.stringify(ids)}`)
  await page.reload({ waitUntil: 'load' })
  await waitForBindings()

  const clock = await page.evaluate(() => window.go.app.ReminderAPI.Clock())
  assert.equal(clock.testClock, true, 'the app runs with WHEELHOUSE_TEST_CLOCK=1')

  // ---- Settings: no quiet hours, so the reminder reaches the desktop whenever the test runs.
  await nav(page, 'Settings')
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(T)
  const rem = page.getByRole('region', { name: 'Reminders & notifications' })
  await rem.getByText(/Desktop notifications (work|are off)/).waitFor(T)
  await rem.getByLabel('Hold reminders back during quiet hours').uncheck()
  await rem.getByLabel('Also hold them all weekend').uncheck()
  await rem.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByText('Saved the reminder settings.').waitFor(T)
  await rem.getByRole('button', { name: 'Advance clock' }).waitFor(T)
  await shot('settings-reminders')

  // ---- A new incident, in the UI.
  await nav(page, 'Incidents')
  await page.getByRole('heading', { level: 1, name: /Incidents/ }).waitFor(T)
  await page.getByText('No incidents yet').waitFor(T)
  await shot('incidents-empty')
  await page.getByRole('button', { name: 'New incident' }).first().click()
  let dlg = page.getByRole('dialog', { name: 'New incident' })
  await dlg.waitFor(T)
  // Validation next to the field: a title is required.
  await dlg.getByRole('button', { name: 'Create incident' }).click()
  const titleErr = dlg.locator('#incident-title-error')
  await titleErr.waitFor(T)
  assert.equal(await dlg.getByLabel('Title', { exact: true }).getAttribute('aria-describedby'), 'incident-title-error')
  await dlg.getByLabel('Title', { exact: true }).fill(TITLE)
  await dlg.getByLabel('Severity', { exact: true }).selectOption({ label: 'SEV2' })
  await dlg.getByLabel('Summary', { exact: true }).fill('Card payments time out at the gateway; PayPal works.')
  await dlg.getByLabel('Customer impact', { exact: true }).fill('About 30% of checkouts fail with a card.')
  await dlg.getByRole('checkbox', { name: 'card-gateway' }).check()
  await dlg.getByLabel('Tags', { exact: true }).fill('payments, gateway')
  await shot('new-incident')
  await dlg.getByRole('button', { name: 'Create incident' }).click()
  await dlg.waitFor({ state: 'detached', ...T })
  await page.getByRole('heading', { level: 1, name: new RegExp(TITLE) }).waitFor(T)
  const step = (name) => page.getByRole('list', { name: 'Status workflow' }).locator('[aria-current="step"]', { hasText: name })
  await step('Investigating').waitFor(T)

  // ---- Assign a commander.
  const roles = page.getByRole('region', { name: 'Roles' })
  await roles.getByLabel('Commander', { exact: true }).selectOption({ label: 'Ada Okafor' })
  await roles.getByLabel('Scribe', { exact: true }).selectOption({ label: 'Lin Park' })
  await roles.getByRole('button', { name: 'Save roles' }).click()
  const timeline = page.getByRole('region', { name: /Timeline/ })
  await timeline.getByText('Ada Okafor is commander').waitFor(T)
  await timeline.getByLabel('Add a note').fill('Gateway latency p99 at 12 s since 14:02; rolled back the 13:55 deploy.')
  await timeline.getByRole('button', { name: 'Add note' }).click()
  await timeline.getByText(/rolled back the 13:55 deploy/).waitFor(T)
  await shot('incident-investigating')

  // Key times written down after the fact (Update sends the whole incident; unset times stay unset).
  const times = page.getByRole('region', { name: 'Key times' })
  await times.getByRole('button', { name: 'Edit key times' }).click()
  const started = await times.getByLabel('Started', { exact: true }).inputValue()
  await times.getByLabel('Detected', { exact: true }).fill(started)
  await times.getByLabel('Acknowledged', { exact: true }).fill(started)
  await shot('key-times-edit')
  await times.getByRole('button', { name: 'Save times' }).click()
  await page.getByText('Saved the key times.').waitFor(T)
  await times.getByText(/^(0 min|< 1 min)$/).waitFor(T) // time to acknowledge
  const stored = await page.evaluate((id) => window.go.app.IncidentAPI.Get(id), page.url().split('/').pop())
  assert.ok(stored.incident.acknowledgedAt && !stored.incident.mitigatedAt, 'acknowledged set, mitigation still unset')

  // ---- Through the workflow: only the allowed next moves are offered.
  const moves = page.getByRole('group', { name: 'Next steps' })
  const offered = async () => (await moves.getByRole('button').allInnerTexts()).map((s) => s.trim())
  assert.deepEqual(await offered(), ['Mark identified', 'Mark monitoring', 'Resolve'])
  await moves.getByRole('button', { name: 'Mark identified' }).click()
  await step('Identified').waitFor(T)
  assert.deepEqual(await offered(), ['Mark monitoring', 'Resolve'])
  await moves.getByRole('button', { name: 'Mark monitoring' }).click()
  await step('Monitoring').waitFor(T)
  await moves.getByRole('button', { name: 'Resolve' }).click()
  await step('Resolved').waitFor(T)
  assert.deepEqual(await offered(), ['Start review', 'Reopen'], 'closing needs a settled review first')
  await shot('incident-resolved')

  // ---- The review: fill it in and mark it completed.
  await page.getByRole('tab', { name: 'Review' }).click()
  const review = page.getByRole('region', { name: /Post-incident review/ })
  await review.getByLabel('Summary', { exact: true }).fill('A gateway deploy doubled connection setup time; card payments timed out for 40 minutes.')
  await review.getByLabel('Impact', { exact: true }).fill('About 1,900 failed card checkouts; no double charges.')
  await review.getByLabel('Root cause', { exact: true }).fill('The deploy turned off TLS session reuse towards the acquirer.')
  await review.getByLabel('Contributing factor 1', { exact: true }).fill('No alert on payment queue depth')
  await review.getByRole('button', { name: 'Add factor' }).click()
  await review.getByLabel('Contributing factor 2', { exact: true }).fill('Canary too small to see the latency')
  await review.getByLabel('What went well', { exact: true }).fill('Rollback took 4 minutes.')
  await review.getByLabel('What went poorly', { exact: true }).fill('Detection took 25 minutes.')
  await review.getByLabel('Lessons', { exact: true }).fill('Alert on symptoms customers feel.')
  await review.getByRole('button', { name: 'Mark completed' }).click()
  await page.getByText('Review completed.').waitFor(T)
  await review.getByText('Completed', { exact: true }).waitFor(T)
  const prefilled = await review.getByLabel('Timeline', { exact: true }).inputValue()
  assert.ok(prefilled.length > 0, 'the review timeline was prefilled from the incident timeline')
  assert.deepEqual(await offered(), ['Close incident', 'Reopen'])
  await shot('review-completed')

  // Export Markdown: the text to copy and a download named after the incident.
  await review.getByRole('button', { name: 'Export Markdown' }).click()
  dlg = page.getByRole('dialog', { name: 'Export Markdown' })
  await dlg.waitFor(T)
  const md = dlg.getByLabel('Markdown', { exact: true })
  await page.waitForFunction(() => (document.querySelector('#markdown-text')?.value ?? '').length > 0, null, T)
  assert.match(await md.inputValue(), /Card payments fail at checkout/)
  assert.match(await md.inputValue(), /TLS session reuse/)
  const download = dlg.getByRole('link', { name: `Download ${TITLE}.md` })
  assert.equal(await download.getAttribute('download'), `${TITLE}.md`)
  await shot('export-markdown')
  await dlg.getByRole('button', { name: 'Done' }).click()
  await dlg.waitFor({ state: 'detached', ...T })

  // The stakeholder update draft.
  await page.getByRole('button', { name: 'Stakeholder update' }).click()
  dlg = page.getByRole('dialog', { name: 'Stakeholder update' })
  await dlg.waitFor(T)
  await page.waitForFunction(() => (document.querySelector('#stakeholder-text')?.value ?? '').length > 0, null, T)
  await dlg.getByRole('button', { name: 'Copy' }).waitFor(T)
  await shot('stakeholder-update')
  await dlg.getByRole('button', { name: 'Done' }).click()
  await dlg.waitFor({ state: 'detached', ...T })

  // ---- Two follow-ups, due in 2 and in 5 days (the app's today).
  const view = await page.evaluate(() =>
    window.go.app.FollowUpAPI.FollowUps({ filter: { sourceId: '' }, soonDays: 0, closedLimit: 0 }))
  const today = view.today
  log(`app today: ${today}`)
  await page.getByRole('tab', { name: /Follow-ups/ }).click()
  for (const [title, days, owner, prio] of [[FU1, 2, 'Ada Okafor', 'high'], [FU2, 5, 'Lin Park', 'medium']]) {
    await page.getByRole('button', { name: 'Add follow-up' }).click()
    dlg = page.getByRole('dialog', { name: 'Add follow-up' })
    await dlg.waitFor(T)
    await dlg.getByLabel('Title', { exact: true }).fill(title)
    await dlg.getByLabel('Owner', { exact: true }).selectOption({ label: owner })
    await dlg.getByLabel('Due date', { exact: true }).fill(addDays(today, days))
    await dlg.getByLabel('Priority', { exact: true }).selectOption(prio)
    if (days === 2) await shot('add-follow-up')
    await dlg.getByRole('button', { name: 'Add follow-up' }).click()
    await dlg.waitFor({ state: 'detached', ...T })
    await page.getByRole('table', { name: 'Follow-ups of this incident' }).getByText(title).waitFor(T)
  }
  await shot('incident-follow-ups')

  await nav(page, 'Follow-ups')
  const dueSoon = page.getByRole('region', { name: /Due soon/ })
  await dueSoon.getByText(FU1).waitFor(T)
  await dueSoon.getByText(FU2).waitFor(T)
  await shot('follow-ups-due-soon')

  // ---- Three days later.
  const before = dunstSummaries().filter((s) => s.includes(FU1)).length
  assert.equal(before, 0, 'no notification about the follow-up yet')
  await nav(page, 'Settings')
  await rem.getByLabel('Minutes', { exact: true }).fill('4320')
  await rem.getByRole('button', { name: 'Advance clock' }).click()
  await page.getByText(/The app’s clock is now/).waitFor(T)
  const after = await page.evaluate(() => window.go.app.ReminderAPI.Clock())
  assert.equal(after.offsetMinutes, 4320)
  await shot('clock-advanced')

  // The notification centre lists the reminder for the first follow-up only.
  const bell = page.getByRole('button', { name: 'Notifications', exact: true })
  await bell.click()
  const centre = page.getByRole('dialog', { name: 'Notifications' })
  await centre.waitFor(T)
  const item = centre.getByRole('listitem').filter({ hasText: `Overdue follow-up: ${FU1}` })
  await item.waitFor(T)
  await item.getByText(/Delivered (\d{2}:\d{2}|\d{1,2}:\d{2} [AP]M)/) /* the clock as this computer writes it */.waitFor(T)
  assert.equal(await centre.getByText(FU2).count(), 0, 'the follow-up due in 5 days is not overdue after 3')
  await shot('notification-centre')

  // ...and dunst showed it on the desktop.
  let shown = []
  for (let i = 0; i < 30; i++) {
    shown = dunstSummaries().filter((s) => s.includes(FU1))
    if (shown.length) break
    await page.waitForTimeout(500)
  }
  log(`dunst shows: ${JSON.stringify(shown)}`)
  assert.ok(shown.length > 0, `dunst has no notification naming "${FU1}" (seen: ${JSON.stringify(dunstSummaries())})`)
  assert.ok(shown.some((s) => s === `Overdue follow-up: ${FU1}`))

  // "Open" goes to the follow-up; it is overdue now.
  await item.getByRole('button', { name: 'Open' }).click()
  await centre.waitFor({ state: 'detached', ...T })
  const overdue = page.getByRole('region', { name: /^Overdue/ })
  await overdue.getByText(FU1).waitFor(T)
  await overdue.getByText('1 day overdue').waitFor(T)
  await shot('follow-ups-overdue')

  // Mark it done from the row, keyboard only; Undo is offered.
  const status = overdue.getByRole('button', { name: new RegExp(`^Status of ${FU1}`) })
  await status.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('menuitemradio', { name: 'Done' }).waitFor(T)
  await page.keyboard.press('ArrowDown') // Open -> In progress
  await page.keyboard.press('ArrowDown') // -> Done
  await page.keyboard.press('Enter')
  await page.getByText(`Marked “${FU1}” done.`).waitFor(T)
  await page.getByRole('button', { name: 'Undo' }).waitFor(T)
  await shot('follow-up-done-undo')

  // The metrics know the incident.
  await nav(page, 'Incidents')
  await page.getByRole('link', { name: 'Metrics' }).click()
  await page.getByRole('region', { name: 'Key figures' }).waitFor(T)
  await shot('metrics')

  // 1024x700, dark: nothing scrolls the whole window sideways.
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' })
  await noSidewaysScroll(page, 'Metrics at 1024x700')
  await shot('1024x700-dark-metrics')
  await page.getByRole('link', { name: 'List' }).click()
  await page.getByRole('link', { name: TITLE }).waitFor(T)
  await noSidewaysScroll(page, 'Incidents at 1024x700')
  await shot('1024x700-dark-incidents')
  await page.getByRole('link', { name: TITLE }).click()
  await page.getByRole('tab', { name: 'Response' }).click()
  await page.getByRole('region', { name: 'Roles' }).waitFor(T)
  await noSidewaysScroll(page, 'Incident page at 1024x700')
  await shot('1024x700-dark-incident')
  await nav(page, 'Follow-ups')
  await page.getByRole('heading', { level: 1, name: /Follow-ups/ }).waitFor(T)
  await noSidewaysScroll(page, 'Follow-ups at 1024x700')
  // The narrower sidebar: no label cut short, with the pointer or the focus on
  // its item ("Follow-ups" was cut to "Follow-…" beside its Alt+6 hint).
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('nav .nav-label')]
      .filter((l) => l.scrollWidth > l.clientWidth + 1)
      .map((l) => l.textContent),
  )
  assert.deepEqual(cut, [], `sidebar labels cut short at 1024x700: ${cut.join(', ')}`)
  await shot('1024x700-dark-follow-ups')
  await bell.click()
  await centre.waitFor(T)
  await centre.getByText('You’re all caught up').waitFor(T)
  await shot('1024x700-dark-notifications')
  await page.keyboard.press('Escape')
  await centre.waitFor({ state: 'detached', ...T })
}
