// Today, the first screen (issue 9, part 3), in the real app: a manager's day
// set up through the API (a schedule with someone in Tokyo on call, a
// one-person rotation with a gap while they are away, an active SEV1 and an
// incident whose review is overdue, follow-ups overdue and due this week, a
// 1:1 overdue and one due today, time off and a public holiday), then the UI:
// the app opens on Today, every section shows what was set up with its count,
// each item is one click from its place (on-call, incident, follow-up, the
// person's 1:1s, the brief), Alt+1 comes back, a follow-up closed elsewhere
// leaves Today without a reload (reminders:changed), and #/overview still
// opens the Overview. Screenshots at 1280x800 and, dark, at 1024x700.
//
// Earlier specs share the data folder (and may have moved the app's clock):
// this one names its own records and reads "today" from the app.
import assert from 'node:assert/strict'

const T = { timeout: 15_000 }

const ABE = 'Abe Ishikawa'
const TOVE = 'Tove Lund'
const RUI = 'Rui Costa'
const SEV1 = 'Checkout rejects every card'
const OLD = 'Search index rebuild stalled'
const LATE = 'Rotate the gateway API keys'
const SOON = 'Write the capacity plan'
const HOLIDAY = 'Culture Day (e2e)'

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`)
}

const hash = (page) => page.evaluate(() => location.hash)

export async function run({ page, shot, log, waitForBindings, api }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })

  // ---- Setup through the API. "Today" and "now" are the app's.
  const before = await api('TodayAPI.Today')
  const today = before.today
  const now = Date.parse(before.now)
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
  log(`app today ${today} in ${before.zone}`)

  const person = (name, timezone) => ({ name, email: '', role: 'Engineer', level: '', timezone, startDate: '', managerId: '',
    skills: [], aspiration: 'undecided', notes: '' })
  const abe = await api('PeopleAPI.CreatePerson', person(ABE, 'Europe/Berlin'))
  const tove = await api('PeopleAPI.CreatePerson', person(TOVE, 'Asia/Tokyo'))
  const rui = await api('PeopleAPI.CreatePerson', person(RUI, 'America/New_York'))

  // On call: the Checkout schedule (Tove's week, then Rui's) and Edge support
  // (Abe alone, daily, 24x7), which has nobody while Abe is away in two days.
  await api('OnCallAPI.SaveRotation', { name: 'Checkout primary', scheduleName: 'Checkout', layer: 1, timezone: 'Europe/Berlin',
    participants: [tove.id, rui.id], shiftLength: { n: 1, unit: 'weeks' }, handoffTime: '09:00', startDate: addDays(today, -3),
    requiredCoverage: '24x7' })
  await api('OnCallAPI.SaveRotation', { name: 'Edge support', layer: 1, timezone: 'Europe/Berlin', participants: [abe.id],
    shiftLength: { n: 1, unit: 'days' }, handoffTime: '09:00', startDate: addDays(today, -3), requiredCoverage: '24x7' })
  await api('OnCallAPI.SaveTimeOff', { personId: abe.id, kind: 'vacation', startDate: addDays(today, 2), endDate: addDays(today, 2) })
  // Whole days in Rui's zone (New York): from the day before the app's today, so he
  // is away now at any hour (from 00:00 to 05:00 UTC New York is still on the day before).
  await api('OnCallAPI.SaveTimeOff', { personId: rui.id, kind: 'sick', startDate: addDays(today, -1), endDate: addDays(today, 1) })
  await api('OnCallAPI.SaveRegion', { name: 'Tokyo office', memberIds: [tove.id], holidays: [{ date: addDays(today, 5), name: HOLIDAY }] })

  // Incidents: a SEV1 going on (Abe commands), one resolved two weeks ago whose
  // review is overdue (Abe commanded that too: two in 30 days flags him).
  const sev1 = await api('IncidentAPI.Create', { title: SEV1, severity: 1, status: 'investigating', startedAt: iso(now - 3_600_000),
    commanderId: abe.id })
  const old = await api('IncidentAPI.Create', { title: OLD, severity: 3, status: 'resolved', startedAt: iso(now - 14 * 86_400_000),
    resolvedAt: iso(now - 14 * 86_400_000 + 7_200_000), commanderId: abe.id })
  const sev1Id = sev1.incident?.id ?? sev1.id
  const oldId = old.incident?.id ?? old.id

  // Follow-ups: one three weeks late (first in line whatever earlier specs left), one due in three days.
  const late = await api('FollowUpAPI.Create', { title: LATE, ownerId: rui.id, dueDate: addDays(today, -21), priority: 'high',
    status: 'open', source: {} })
  const soon = await api('FollowUpAPI.Create', { title: SOON, ownerId: tove.id, dueDate: addDays(today, 3), priority: 'medium',
    status: 'open', source: {} })

  // 1:1s: none held with Abe since his cadence started 60 days ago; Tove's first is today.
  await api('OneOnOneAPI.SaveSeries', { personId: abe.id, cadence: 'weekly', weekday: 1, time: '10:00', durationMinutes: 30,
    startDate: addDays(today, -60) })
  await api('OneOnOneAPI.SaveSeries', { personId: tove.id, cadence: 'biweekly', weekday: 1, time: '10:00', durationMinutes: 30,
    startDate: today })

  // The day as the API sees it: everything above is there.
  const day = await api('TodayAPI.Today')
  const names = (l, f) => l.map(f)
  assert.ok(day.oncall.schedules.some((s) => s.name === 'Checkout' && s.layers[0].now?.name === TOVE), 'Tove is on call for Checkout')
  assert.ok(day.gaps.items.some((g) => g.schedule === 'Edge support' && g.unstaffed), 'Edge support has a gap while Abe is away')
  assert.ok(names(day.incidents.items, (x) => x.id).includes(sev1Id), 'the SEV1 is active')
  assert.ok(names(day.reviews.items, (x) => x.incidentId).includes(oldId), 'the old review is overdue')
  assert.ok(names(day.followUps.overdue, (x) => x.id).includes(late.id) && names(day.followUps.dueSoon, (x) => x.id).includes(soon.id))
  assert.ok(day.oneOnOnes.items.some((c) => c.personId === abe.id && c.overdue), 'the 1:1 with Abe is overdue')
  assert.ok(day.oneOnOnes.items.some((c) => c.personId === tove.id && c.nextDue === today), 'the 1:1 with Tove is due today')
  assert.ok(day.health.items.some((p) => p.personId === abe.id), 'team health flags Abe')
  assert.ok(day.timeOff.items.some((a) => a.personId === rui.id && a.now), 'Rui is away now')
  assert.ok(day.timeOff.items.some((a) => a.holiday === HOLIDAY), 'the public holiday is listed')
  for (const s of ['oncall', 'incidents', 'followUps', 'oneOnOnes', 'reviews', 'health', 'timeOff', 'gaps']) {
    assert.equal(day[s].state, 'items', `${s} has items`)
  }

  // ---- The app opens on Today (the page was loaded at the bare address).
  assert.ok(!(await hash(page)) || (await hash(page)) === '#/', `the spec starts at the bare address, not ${await hash(page)}`)
  await page.reload({ waitUntil: 'load' })
  await waitForBindings()
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor(T)
  await page.waitForFunction(() => document.title === 'Today — Wheelhouse', null, T)
  const region = (name) => page.getByRole('region', { name, exact: true })
  const oncall = region('On call')
  await oncall.getByRole('link', { name: 'Checkout', exact: true }).waitFor(T)
  await oncall.getByText(TOVE, { exact: true }).first().waitFor(T)
  await oncall.getByText(/for them, Asia\/Tokyo/).first().waitFor(T)
  await region('Active incidents').getByRole('link', { name: SEV1 }).waitFor(T)
  await region('Reviews overdue').getByRole('link', { name: OLD }).waitFor(T)
  await region('Follow-ups').getByRole('link', { name: LATE }).waitFor(T)
  await region('Follow-ups').getByRole('link', { name: SOON }).waitFor(T)
  await region('1:1s due').getByRole('link', { name: ABE }).waitFor(T)
  await region('1:1s due').getByRole('link', { name: TOVE }).waitFor(T)
  await region('1:1s due').getByText('Due today', { exact: true }).waitFor(T)
  await region('People to check on').getByRole('link', { name: ABE }).waitFor(T)
  await region('Time off').getByRole('link', { name: RUI }).waitFor(T)
  await region('Time off').getByText('Away now').first().waitFor(T)
  await region('Coverage gaps').getByRole('link', { name: 'Edge support' }).waitFor(T)
  // Counts in the headers agree with the API.
  const fuCount = day.followUps.overdue.length + day.followUps.dueSoon.length
  await region('Follow-ups').getByLabel(`${fuCount} ${fuCount === 1 ? 'item' : 'items'}`).waitFor(T)
  await noSidewaysScroll(page, 'Today at 1280x800')
  await shot('today')

  // ---- One click from each item to its place, and Alt+1 back.
  const expectations = [
    ['Active incidents', SEV1, `#/incidents/${sev1Id}`, { level: 1, name: new RegExp(SEV1) }],
    ['Reviews overdue', OLD, `#/incidents/${oldId}`, { level: 1, name: new RegExp(OLD) }],
    ['Follow-ups', LATE, `#/followups/${late.id}`, { level: 1, name: /Follow-ups/ }],
    ['1:1s due', ABE, `#/people/${abe.id}/oneonones`, { level: 1, name: new RegExp(ABE) }],
    ['People to check on', ABE, `#/people/${abe.id}/brief`, { level: 1, name: new RegExp(ABE) }],
    ['On call', 'Checkout', '#/oncall', { level: 1, name: /On-call/ }],
    ['Time off', RUI, '#/oncall/timeoff', { level: 1, name: /On-call/ }],
  ]
  for (const [where, name, href, heading] of expectations) {
    await region(where).getByRole('link', { name, exact: true }).click()
    await page.getByRole('heading', heading).waitFor(T)
    assert.equal(await hash(page), href, `${where}: ${name} opens ${href}`)
    await page.keyboard.press('Alt+1')
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor(T)
  }
  assert.equal(await hash(page), '#/today')

  // ---- A follow-up closed elsewhere leaves Today without a reload: the
  // write re-evaluates reminders and reminders:changed reads the day again.
  await api('FollowUpAPI.SetStatus', late.id, 'done', '')
  await region('Follow-ups').getByRole('link', { name: LATE }).waitFor({ state: 'detached', ...T })
  await region('Follow-ups').getByRole('link', { name: SOON }).waitFor(T)

  // ---- The Overview keeps its address and its place in the sidebar (no shortcut).
  const overviewBtn = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Overview', exact: true })
  assert.equal(await overviewBtn.getAttribute('aria-keyshortcuts'), null)
  await nav(page, 'Overview')
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(T)
  assert.equal(await hash(page), '#/overview')
  await nav(page, 'Today')
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor(T)

  // ---- 1024x700, dark: the panels reflow, nothing scrolls sideways.
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' })
  await region('On call').getByRole('link', { name: 'Checkout', exact: true }).waitFor(T)
  await noSidewaysScroll(page, 'Today at 1024x700')
  await shot('today-1024x700-dark')
  await region('Time off').scrollIntoViewIfNeeded()
  await shot('today-1024x700-dark-lower')
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' })
}
