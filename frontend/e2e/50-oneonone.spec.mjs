// The 1:1 journey of issue 5 in the real app: a report with a manager and an
// on-call rotation (set up through the API), then through the UI: schedule a
// biweekly cadence (a bad duration is refused next to its field), start a 1:1
// on a chosen date two weeks ago with two topics, tick one done, agree two
// follow-ups (one theirs, one mine), try to leave with unsaved changes (asked),
// write a feedback draft (an empty one is refused next to Behaviour), mark the
// 1:1 held, start today's 1:1 and find the unfinished topic carried with its
// badge, read the prep brief (follow-ups, the draft, on-call load since the
// last 1:1), write private notes, export the brief as Markdown without and
// with them, download the series as .ics, and see team health and the
// overview card. Screenshots at 1280x800 and 1024x700, light and dark.
import assert from 'node:assert/strict'
import fs from 'node:fs'

const T = { timeout: 15_000 }
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}
/** As the app shows a date next to "carried from": "10 Nov" (with the year when it is another year). */
function dayMonth(date, today) {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${MONTHS[m - 1]}${today.slice(0, 4) === date.slice(0, 4) ? '' : ` ${y}`}`
}
/** "Tue 10 Nov 2026", as the meeting list shows a date. */
function longDate(date) {
  const [y, m, d] = date.split('-').map(Number)
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${wd} ${d} ${MONTHS[m - 1]} ${y}`
}

const REPORT = 'Dana Reyes'
const TOPIC_OPEN = 'Promotion case for staff engineer'
const TOPIC_DONE = 'On-call load after the outage'
const FU_THEIRS = 'Write up the promotion case'
const FU_MINE = 'Share the promotion rubric'
const FEEDBACK = 'Merged the schema change without a rollback plan'
const PRIVATE = 'Worried about burnout: ask about leave before the review'

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
}

async function tab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click()
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor(T)
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`)
}

async function markdownOf(page) {
  const dlg = page.getByRole('dialog', { name: 'Export the prep brief' })
  await dlg.waitFor(T)
  const area = dlg.getByLabel('Markdown')
  await page.waitForFunction(() => (document.querySelector('#brief-markdown')?.value ?? '').length > 0, null, T)
  return { dlg, text: await area.inputValue() }
}

export async function run({ page, shot: rawShot, log, waitForBindings, api }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  // Screenshots without the pile of toasts from the steps just before.
  const shot = async (name) => {
    await page.evaluate(() => document.querySelectorAll('.toast-close').forEach((b) => b.click()))
    return rawShot(name)
  }

  // ---- Setup through the API: a manager, the report and a colleague; a weekly
  // rotation of the report and the colleague that started four weeks ago.
  const person = (name, managerId = '') => ({ name, email: '', role: 'Engineer', level: 'L4', timezone: 'Europe/Berlin',
    startDate: '', managerId, skills: [], aspiration: 'undecided', notes: '' })
  const mara = await api('PeopleAPI.CreatePerson', { ...person('Mara Quint'), role: 'Engineering Manager' })
  const dana = await api('PeopleAPI.CreatePerson', person(REPORT, mara.id))
  const eli = await api('PeopleAPI.CreatePerson', person('Eli Moss', mara.id))
  // "Today" is the app's (the test clock may have moved in an earlier spec).
  const today = (await api('OneOnOneAPI.Person', dana.id)).today
  const first = addDays(today, -14) // the first 1:1, on a chosen date
  const rot = await api('OnCallAPI.SaveRotation', {
    name: 'Platform primary', timezone: 'Europe/Berlin', participants: [dana.id, eli.id], layer: 1,
    shiftLength: { n: 1, unit: 'weeks' }, handoffTime: '09:00', startDate: addDays(today, -28), requiredCoverage: '24x7',
  })
  log(`today ${today}, first 1:1 ${first}, rotation ${rot.id}`)

  await page.reload({ waitUntil: 'load' })
  await waitForBindings()

  // Dates in ISO (the defaults below are compared with it), chosen as a user
  // would: Settings > Appearance > Dates.
  await nav(page, 'Settings')
  await page.getByRole('radio', { name: /^ISO/ }).check()

  // ---- The report's page, 1:1s tab: no cadence yet.
  await nav(page, 'People')
  await page.getByRole('link', { name: REPORT, exact: true }).click()
  await page.getByRole('tablist').waitFor(T)
  await tab(page, '1:1s')
  await page.getByRole('heading', { name: 'No 1:1 held yet' }).waitFor(T)

  // ---- Cadence: every two weeks from four weeks ago; a 5-minute 1:1 is refused next to Duration.
  await page.getByRole('button', { name: 'Set a cadence' }).click()
  await page.getByLabel('How often').selectOption('biweekly')
  await page.getByLabel('Weekday').selectOption({ label: 'Tuesday' })
  await page.getByLabel('Time', { exact: true }).fill('09:30')
  await page.getByLabel('Duration (minutes)').fill('5')
  await page.getByLabel('First 1:1').fill(addDays(today, -28))
  await page.getByRole('button', { name: 'Save cadence' }).click()
  const durErr = page.locator('#cad-duration-error')
  await durErr.waitFor(T)
  assert.match(await durErr.innerText(), /between 15 and 180 minutes/)
  assert.equal(await page.getByLabel('Duration (minutes)').getAttribute('aria-invalid'), 'true')
  assert.equal(await page.getByLabel('Duration (minutes)').getAttribute('aria-describedby'), 'cad-duration-error')
  await shot('cadence-field-error')
  await page.getByLabel('Duration (minutes)').fill('30')
  await page.getByRole('button', { name: 'Save cadence' }).click()
  const status = page.getByTestId('cadence-status')
  await status.waitFor(T)
  assert.match(await status.innerText(), /No 1:1 with Dana Reyes yet; the first was due .* \(cadence 14\)/)
  assert.match((await status.getAttribute('class')) ?? '', /\boverdue\b/, 'an overdue cadence is shown as a warning')
  await shot('cadence-overdue')

  // ---- The .ics series: in a plain browser it downloads from the page.
  const [download] = await Promise.all([
    page.waitForEvent('download', T),
    page.getByRole('button', { name: 'Export to calendar (.ics)' }).click(),
  ])
  const ics = fs.readFileSync(await download.path(), 'utf8')
  assert.match(download.suggestedFilename(), /Dana Reyes\.ics$/)
  assert.match(ics, /BEGIN:VCALENDAR/)
  assert.match(ics, /RRULE:FREQ=WEEKLY;INTERVAL=2/)
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `an .ics line of ${Buffer.byteLength(line)} octets`)

  // ---- A time the clocks change around (Sunday 02:30 in Berlin): a warning
  // under the fields while editing, gone again for an ordinary time. The
  // manager's zone is Berlin for this step only.
  const settings = await api('ReminderAPI.Settings')
  await api('ReminderAPI.SaveSettings', { ...settings, timezone: 'Europe/Berlin' })
  await page.getByRole('button', { name: 'Edit cadence' }).click()
  await page.getByLabel('Weekday').selectOption({ label: 'Sunday' })
  await page.getByLabel('Time', { exact: true }).fill('02:30')
  const dst = page.getByTestId('cadence-dst-warning')
  await dst.waitFor(T)
  // Forward (March) or back (October) first: the series meets every two weeks
  // from its first 1:1, so which Sunday comes first depends on the run's date.
  assert.match(await dst.innerText(), /^On \w{3} \d{1,2} \w{3} 20\d\d the clocks in Europe\/Berlin go (forward|back) at this 1:1's time.*fixed times/s)
  await shot('cadence-dst-warning')
  await page.getByLabel('Time', { exact: true }).fill('09:30')
  await dst.waitFor({ state: 'detached', ...T })
  await page.getByRole('button', { name: 'Cancel' }).click()
  await api('ReminderAPI.SaveSettings', settings)

  // ---- Start the first 1:1 on a chosen date, two topics.
  await page.getByLabel('Date of the 1:1').fill(first)
  await page.getByRole('button', { name: 'Start 1:1' }).click()
  await page.getByRole('heading', { name: `1:1 with ${REPORT} · ${longDate(first)}` }).waitFor(T)
  const newTopic = page.getByLabel('New topic')
  // What the manager types is theirs by default; this one came from Dana.
  assert.equal(await page.getByLabel('Raised by', { exact: true }).inputValue(), 'me', 'a new topic is the manager’s by default')
  await page.getByLabel('Raised by', { exact: true }).selectOption('them')
  await newTopic.fill(TOPIC_OPEN)
  await newTopic.press('Enter')
  await page.getByLabel('Raised by', { exact: true }).selectOption('me')
  await newTopic.fill(TOPIC_DONE)
  await newTopic.press('Enter')
  await page.getByRole('checkbox', { name: `Done: ${TOPIC_DONE}` }).check()
  await page.getByRole('radio', { name: /^Mood 4 of 5/ }).check({ force: true })
  await page.getByLabel('Shared notes').fill('Agreed to draft the promotion case together.')

  // Leaving with unsaved changes asks first; "Cancel" keeps editing.
  await page.getByRole('tab', { name: 'Feedback', exact: true }).click()
  const discard = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' })
  await discard.waitFor(T)
  await shot('unsaved-changes-asked')
  await discard.getByRole('button', { name: 'Cancel' }).click()
  await discard.waitFor({ state: 'detached', ...T })
  assert.equal(await page.getByRole('tab', { name: '1:1s', exact: true }).getAttribute('aria-selected'), 'true')
  assert.equal(await page.getByRole('textbox', { name: 'Topic 1', exact: true }).inputValue(), TOPIC_OPEN, 'the topics are still there')

  // Follow-ups agreed: one theirs, one mine (due yesterday: overdue in the brief).
  await page.getByLabel('New follow-up').fill(FU_THEIRS)
  await page.getByLabel('Due', { exact: true }).fill(addDays(today, 5))
  await page.getByRole('button', { name: 'Add follow-up' }).click()
  await page.getByRole('link', { name: FU_THEIRS }).waitFor(T)
  await page.getByLabel('New follow-up').fill(FU_MINE)
  await page.getByRole('radio', { name: /^Me/ }).check()
  await page.getByLabel('Due', { exact: true }).fill(addDays(today, -1))
  await page.getByRole('button', { name: 'Add follow-up' }).click()
  await page.getByRole('link', { name: FU_MINE }).waitFor(T)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByText('Saved the 1:1.').waitFor(T)
  await shot('meeting-first')

  // ---- A feedback draft (an empty one is refused next to Behaviour).
  await tab(page, 'Feedback')
  await page.getByRole('button', { name: 'Write feedback' }).click()
  const fb = page.getByRole('dialog', { name: 'Write feedback' })
  await fb.waitFor(T)
  await fb.getByRole('button', { name: 'Save draft' }).click()
  const behErr = fb.locator('#fb-behaviour-error')
  await behErr.waitFor(T)
  assert.match(await behErr.innerText(), /Describe the behaviour/)
  await shot('feedback-field-error')
  await fb.getByText('Constructive', { exact: true }).click()
  await fb.getByLabel('Situation').fill('In Thursday’s deploy of the billing schema')
  await fb.getByLabel('Behaviour').fill(FEEDBACK)
  await fb.getByLabel('Impact').fill('Checkout was down for 20 minutes while we rolled forward by hand.')
  await fb.getByRole('button', { name: 'Save draft' }).click()
  await fb.waitFor({ state: 'detached', ...T })
  await page.getByText(FEEDBACK).waitFor(T)
  await page.getByText('Draft · written today').waitFor(T)
  await shot('feedback')

  // ---- Back to the 1:1: mark it held.
  await tab(page, '1:1s')
  await page.getByRole('button', { name: longDate(first) }).click()
  await page.getByRole('button', { name: 'Mark as held' }).click()
  await page.getByText(`1:1 with ${REPORT} marked as held.`).waitFor(T)
  // A 1:1 with follow-ups cannot be deleted: the app says why.
  await page.getByRole('button', { name: 'Delete…' }).click()
  const del = page.getByRole('alertdialog', { name: 'Delete this 1:1?' })
  await del.getByRole('button', { name: 'Delete', exact: true }).click()
  await del.getByText('This 1:1 has 2 follow-ups; delete them first.').waitFor(T)
  await del.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('button', { name: 'All 1:1s' }).click()

  // ---- The next 1:1, today: the unfinished topic is carried, with its badge.
  await page.getByLabel('Date of the 1:1').fill(today)
  await page.getByRole('button', { name: 'Start 1:1' }).click()
  await page.getByRole('heading', { name: `1:1 with ${REPORT} · ${longDate(today)}` }).waitFor(T)
  assert.equal(await page.getByRole('textbox', { name: 'Topic 1', exact: true }).inputValue(), TOPIC_OPEN)
  assert.equal(await page.getByRole('textbox', { name: 'Topic 2', exact: true }).count(), 0, 'the finished topic is not carried')
  await page.getByText(`carried from ${dayMonth(first, today)}`, { exact: true }).waitFor(T)
  await shot('meeting-next-carried')
  await page.getByRole('button', { name: 'All 1:1s' }).click()
  const rows = page.locator('table tbody tr')
  assert.equal(await rows.count(), 2)
  assert.match(await rows.first().innerText(), new RegExp(longDate(today)), 'newest first')
  assert.match(await rows.first().innerText(), /1 carried/)
  await shot('oneonones-list')

  // ---- The prep brief: follow-ups, the draft, the on-call load since the last 1:1.
  await tab(page, 'Prep brief')
  const brief = page.getByRole('tabpanel')
  await brief.getByRole('heading', { name: `Prep for your 1:1 with ${REPORT}` }).waitFor(T)
  await brief.getByRole('link', { name: FU_THEIRS }).waitFor(T)
  await brief.getByRole('link', { name: FU_MINE }).waitFor(T)
  await brief.locator('.fu.late', { hasText: FU_MINE }).getByText('Overdue').waitFor(T)
  // the draft is listed, but its words (and moods) are private until asked for
  await brief.locator('.drafts').getByText(/its words are private/).waitFor(T)
  assert.equal(await brief.getByText(FEEDBACK).count(), 0, 'the draft text stays out of a brief without private data')
  await brief.getByText(/Check-ins are private/).waitFor(T)
  await brief.getByText(TOPIC_OPEN).first().waitFor(T)
  const oncall = brief.getByRole('region', { name: new RegExp(`^On call since ${dayMonth(first, today)}`) })
  const stat = async (name) => Number((await oncall.locator('dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd').innerText()).split(' ')[0])
  const shifts = await stat('Shifts')
  const hours = await stat('Hours')
  log(`on call since the last 1:1: ${shifts} shifts, ${hours} h, ${await stat('Night h')} night h`)
  assert.ok(shifts > 0 && hours > 0, 'the on-call load since the last 1:1 is counted')
  await shot('brief')
  await page.locator('.page-body').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await shot('brief-bottom')

  // ---- Private notes in the held 1:1.
  await tab(page, '1:1s')
  await page.getByRole('button', { name: longDate(first) }).click()
  await page.getByLabel('Private notes').fill(PRIVATE)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByText('Saved the 1:1.').waitFor(T)
  await shot('meeting-private-notes')
  await page.getByRole('button', { name: 'All 1:1s' }).click()

  // ---- Export the brief: without private notes, then with them.
  await tab(page, 'Prep brief')
  await page.getByRole('button', { name: 'Export Markdown' }).click()
  let md = await markdownOf(page)
  assert.match(md.text, new RegExp(FU_THEIRS))
  assert.match(md.text, new RegExp(FU_MINE))
  assert.match(md.text, /Private notes are not included/)
  assert.ok(!md.text.includes(PRIVATE), 'private notes are left out of the export')
  assert.ok(!md.text.includes('burnout'), 'no trace of the private notes')
  await shot('export-without-private')
  await md.dlg.getByRole('button', { name: 'Done' }).click()

  await page.getByRole('checkbox', { name: 'Include private notes' }).check()
  await page.getByText('exports will contain them').waitFor(T)
  await page.getByText(PRIVATE).waitFor(T) // the brief shows them now
  await page.getByRole('tabpanel').locator('.drafts').getByText(FEEDBACK).waitFor(T) // and the draft's words
  await page.getByRole('button', { name: 'Export Markdown' }).click()
  md = await markdownOf(page)
  assert.ok(md.text.includes(PRIVATE), 'asked for, the private notes are in the export')
  assert.match(md.text, /Private notes \(included on request\)/)
  await md.dlg.getByText('contains your private notes').waitFor(T)
  await shot('export-with-private')
  await md.dlg.getByRole('button', { name: 'Done' }).click()
  await shot('brief-with-private')

  // ---- Deliver the draft: the balance counts it.
  await tab(page, 'Feedback')
  await page.getByRole('button', { name: 'Deliver…' }).click()
  const dv = page.getByRole('dialog', { name: 'Deliver feedback' })
  assert.equal(await dv.getByLabel('Delivered on').inputValue(), today, 'delivered today by default')
  await dv.getByLabel('How').selectOption('one_on_one')
  await dv.getByRole('button', { name: 'Mark as delivered' }).click()
  await dv.waitFor({ state: 'detached', ...T })
  await page.getByText(/^Delivered .*, in a 1:1$/).waitFor(T)
  const balance = page.getByRole('region', { name: /^Balance/ })
  assert.equal(await balance.locator('dt', { hasText: 'Constructive' }).locator('xpath=following-sibling::dd').innerText(), '1')
  await shot('feedback-delivered')

  // ---- Team health and the overview card.
  await nav(page, '1:1s & health')
  await page.getByRole('heading', { level: 1, name: '1:1s & team health' }).waitFor(T)
  await page.getByRole('region', { name: /1:1 cadence/ }).getByRole('link', { name: REPORT }).waitFor(T)
  await page.getByRole('region', { name: /Team health/ }).getByRole('link', { name: REPORT }).waitFor(T)
  await shot('health')
  // Mentoring, the screen's second tab: pairs and suggestions.
  await page.getByRole('link', { name: 'Mentoring' }).click()
  await page.getByRole('heading', { level: 1, name: /^Mentoring/ }).waitFor(T)
  await page.getByRole('button', { name: 'New pair' }).waitFor(T)
  await shot('mentoring')
  await page.getByRole('link', { name: '1:1s & health' }).last().click()
  await page.getByRole('heading', { level: 1, name: '1:1s & team health' }).waitFor(T)
  await page.getByRole('region', { name: /1:1 cadence/ }).getByRole('link', { name: REPORT }).click()
  await page.getByRole('tab', { name: '1:1s', exact: true, selected: true }).waitFor(T)

  await nav(page, 'Overview')
  await page.getByTestId('oneonones-overdue').waitFor(T)
  await shot('overview')

  // ---- Settings: when feedback drafts go stale (1-90 days).
  await nav(page, 'Settings')
  const stale = page.getByLabel('Drafts go stale after (days)')
  await stale.fill('0')
  await page.getByRole('region', { name: 'Feedback' }).getByRole('button', { name: 'Save' }).click()
  await page.locator('#stale-days-error').waitFor(T)
  assert.equal(await stale.getAttribute('aria-invalid'), 'true')
  await stale.fill('10')
  await page.getByRole('region', { name: 'Feedback' }).getByRole('button', { name: 'Save' }).click()
  await page.getByText('Feedback drafts now go stale after 10 days.').waitFor(T)
  assert.equal((await api('OneOnOneAPI.FeedbackSettings')).staleDays, 10)

  // ---- The Growth tab mounts the development plan and mentoring panels.
  await nav(page, 'People')
  await page.getByRole('link', { name: REPORT, exact: true }).click()
  await tab(page, 'Growth')
  await page.getByRole('tabpanel').locator('.panel').first().waitFor(T)
  await shot('growth-tab')

  // ---- Small window, dark theme: the busiest views, nothing scrolls sideways.
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' })
  await nav(page, 'People')
  await page.getByRole('link', { name: REPORT, exact: true }).click()
  await tab(page, '1:1s')
  await noSidewaysScroll(page, '1:1s tab')
  await shot('1024x700-dark-oneonones')
  await page.getByRole('button', { name: longDate(today) }).click()
  await page.getByRole('textbox', { name: 'Topic 1', exact: true }).waitFor(T)
  await noSidewaysScroll(page, 'meeting editor')
  await shot('1024x700-dark-meeting')
  await page.getByRole('button', { name: 'All 1:1s' }).click()
  await tab(page, 'Feedback')
  await noSidewaysScroll(page, 'feedback tab')
  await shot('1024x700-dark-feedback')
  await tab(page, 'Prep brief')
  await page.getByRole('button', { name: 'Export Markdown' }).waitFor(T)
  await noSidewaysScroll(page, 'prep brief')
  await shot('1024x700-dark-brief')
  await nav(page, '1:1s & health')
  await page.getByRole('region', { name: /Team health/ }).getByRole('link', { name: REPORT }).waitFor(T)
  await noSidewaysScroll(page, 'team health')
  await shot('1024x700-dark-health')
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' })
  await nav(page, 'People')
  await page.getByRole('link', { name: REPORT, exact: true }).click()
  await tab(page, 'Prep brief')
  await page.getByRole('button', { name: 'Export Markdown' }).waitFor(T)
  await shot('1024x700-light-brief')
}
