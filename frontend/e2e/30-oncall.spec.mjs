// On-call in the real app (issue 3), through the UI: a rotation of four made
// in the rotation editor, a holiday calendar imported from a file with a
// preview, a vacation that hands a week to the next person (seen in the
// timeline), overrides added, listed and one deleted, the .ics downloaded and
// read by ical.js, a subscription feed fetched with a plain HTTP client, and a
// calendar URL (a small server this spec starts) subscribed, fetched,
// previewed and applied.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import ICAL from 'ical.js'

const T = { timeout: 15_000 }

// Dates relative to today, so the journey means the same whenever it runs.
const DAY = 86_400_000
const ymd = (d) => d.toISOString().slice(0, 10)
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()))
const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY) // this week's Monday
const nextMonday = new Date(monday.getTime() + 7 * DAY)
const nextSunday = new Date(monday.getTime() + 13 * DAY)
const tomorrow = new Date(today.getTime() + DAY)
const dayAfter = new Date(today.getTime() + 2 * DAY)
const xmas = `${today.getUTCFullYear() + 1}1225`
const HOLIDAYS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'X-WR-CALNAME:Holidays in Germany', 'X-WR-TIMEZONE:Europe/Berlin',
  'BEGIN:VEVENT', `DTSTART;VALUE=DATE:${xmas}`, `DTEND;VALUE=DATE:${xmas.slice(0, 4)}1226`, 'UID:xmas@e2e', 'SUMMARY:Christmas Day', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n')
// What the spec's own calendar server publishes: a holiday ten days from now.
const webDay = new Date(today.getTime() + 10 * DAY)
const WEB_HOLIDAYS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Wheelhouse e2e//EN', 'X-WR-CALNAME:Company days',
  'BEGIN:VEVENT', `DTSTART;VALUE=DATE:${ymd(webDay).replaceAll('-', '')}`, 'UID:company-day@e2e', 'DTSTAMP:20260101T000000Z',
  'SUMMARY:Company Founding Day', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n')

/** A calendar server on 127.0.0.1 with an ETag, like a real one. */
function startCalendarServer() {
  const requests = []
  const etag = '"company-days-1"'
  const srv = http.createServer((req, res) => {
    requests.push({ url: req.url, ifNoneMatch: req.headers['if-none-match'] ?? '' })
    if (req.url !== '/company.ics') {
      res.writeHead(404).end('not found')
      return
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end()
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8', ETag: etag }).end(WEB_HOLIDAYS)
  })
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve({ srv, requests, url: `http://127.0.0.1:${srv.address().port}/company.ics` })))
}

/** The VEVENTs of an .ics text, read by ical.js (Thunderbird's parser). */
function events(ics) {
  const cal = new ICAL.Component(ICAL.parse(ics))
  return cal.getAllSubcomponents('vevent').map((v) => ({
    uid: v.getFirstPropertyValue('uid'),
    summary: v.getFirstPropertyValue('summary'),
    start: v.getFirstPropertyValue('dtstart'),
    end: v.getFirstPropertyValue('dtend'),
    status: v.getFirstPropertyValue('status'),
  }))
}

async function nav(page, name) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor(T)
}

// Switching tabs must not move the tab bar (it jumped on and off Schedule).
let tabBar = null
async function tab(page, name) {
  const views = page.getByRole('navigation', { name: 'On-call views' })
  await views.getByRole('link', { name }).click()
  await page.waitForTimeout(150)
  const box = await views.evaluate((n) => {
    const r = n.getBoundingClientRect()
    return [Math.round(r.x), Math.round(r.y), Math.round(r.width)].join(',')
  })
  if (tabBar === null) tabBar = box
  assert.equal(box, tabBar, `the On-call tab bar moved when opening ${name}`)
}

const section = (page, heading) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading, exact: true }) })

export async function run({ page, shot, log, waitForBindings, api }) {
  const cal = await startCalendarServer()
  try {
    // Setup: four people (the roster has its own journey).
    const names = ['Ana Lind', 'Bo Berg', 'Cy Moreau', 'Di Okafor']
    const ids = []
    for (const n of names) ids.push((await api('PeopleAPI.CreatePerson', { name: n, timezone: 'Europe/Berlin', skills: [] })).id)
    // The team the rotation belongs to (its page shows who is on call).
    const team = await api('PeopleAPI.SaveTeam', '', { name: 'Card payments', description: '', memberIds: ids })
    await page.reload({ waitUntil: 'load' })
    await waitForBindings()
    await nav(page, 'On-call')

    // ---- The rotation, in the rotation editor: four people in order.
    await page.getByRole('button', { name: /^(New rotation|Create your first rotation)$/ }).first().click()
    const ed = page.getByRole('dialog')
    await ed.waitFor(T)
    await ed.getByLabel('Name', { exact: true }).fill('Payments primary')
    const tz = ed.getByLabel('Time zone', { exact: true })
    await tz.fill('Europe/Berlin')
    await tz.press('Tab')
    for (const n of names) await ed.getByLabel('Participants (in rotation order)').selectOption({ label: n })
    const order = await ed.getByRole('list', { name: 'Participants' }).getByRole('listitem').allTextContents()
    assert.deepEqual(order.map((t) => names.find((n) => t.includes(n))), names, 'participants in turn order')
    await ed.getByLabel('Handoff time').fill('10:00')
    await ed.getByLabel('Start date').fill(ymd(monday))
    await ed.getByLabel('Required coverage').selectOption('24x7')
    await ed.getByLabel('Team', { exact: true }).selectOption({ label: 'Card payments' })
    // The live preview shows the next shifts.
    await ed.getByRole('region', { name: /Next shifts/ }).getByText('Bo Berg').first().waitFor(T)
    await shot('rotation-editor')
    await ed.getByRole('button', { name: 'Create rotation' }).click()
    await ed.waitFor({ state: 'detached', ...T })
    await page.getByRole('button', { name: 'Edit Payments primary' }).waitFor(T)
    const rot = (await api('OnCallAPI.Rotations')).find((r) => r.name === 'Payments primary')
    assert.equal(rot.participants.length, 4)
    assert.equal(rot.teamId, team.id, 'the rotation belongs to the team chosen in the editor')
    log(`rotation ${rot.id}`)

    // ---- The team's page shows its on-call: a name (or nobody, before the
    // first Monday 10:00 handoff), never "No rotation"; the editor lists the rotation.
    await nav(page, 'Teams')
    const teamRow = page.getByRole('row').filter({ hasText: 'Card payments' })
    await teamRow.getByText(/^(Ana Lind|Bo Berg|Cy Moreau|Di Okafor|Nobody now)$/).first().waitFor(T)
    assert.equal(await teamRow.getByText('No rotation').count(), 0, 'the team has a rotation')
    await teamRow.getByRole('link', { name: 'Card payments' }).click()
    const teamDlg = page.getByRole('dialog')
    await teamDlg.getByRole('region', { name: 'On call' }).getByText('Payments primary').waitFor(T)
    await shot('team-on-call')
    await teamDlg.getByRole('button', { name: 'Cancel' }).click()
    await teamDlg.waitFor({ state: 'detached', ...T })
    await nav(page, 'On-call')

    // ---- Holidays from a file, through the file input: preview first, then apply.
    await tab(page, 'Calendars')
    const imp = section(page, 'Import a calendar file')
    await imp.waitFor(T)
    await imp.getByLabel('Import as').selectOption('holidays')
    await imp.getByLabel('Region', { exact: true }).selectOption({ label: 'A new region…' })
    await imp.getByLabel('New region’s name').fill('Germany')
    await imp.getByLabel('Calendar file').setInputFiles({ name: 'germany.ics', mimeType: 'text/calendar', buffer: Buffer.from(HOLIDAYS) })
    await imp.getByRole('button', { name: 'Preview' }).click()
    const pv = imp.getByRole('region', { name: 'Import preview' })
    await pv.getByText('1 new').waitFor(T)
    await pv.getByText('Christmas Day').waitFor(T)
    assert.equal((await api('OnCallAPI.Regions')).find((r) => r.name === 'Germany')?.holidays?.length ?? 0, 0, 'the preview wrote nothing')
    await shot('holiday-file-preview')
    await pv.getByRole('button', { name: 'Apply' }).click()
    await pv.waitFor({ state: 'detached', ...T })
    await page.getByText('Imported: 1 new, 0 updated, 0 removed.').first().waitFor(T)
    assert.equal((await api('OnCallAPI.Regions')).find((r) => r.name === 'Germany').holidays.length, 1)

    // ---- A vacation, through the time-off dialog: Bo is away all next week.
    await tab(page, 'Time off')
    await page.getByRole('button', { name: 'Add time off' }).first().click()
    const to = page.getByRole('dialog')
    await to.waitFor(T)
    await to.getByLabel('Person', { exact: true }).selectOption({ label: 'Bo Berg' })
    await to.getByLabel('Kind', { exact: true }).selectOption('vacation')
    await to.getByLabel('First day').fill(ymd(nextMonday))
    await to.getByLabel('Last day').fill(ymd(nextSunday))
    await to.getByLabel('Note', { exact: true }).fill('Hiking in the Alps')
    await to.getByRole('button', { name: 'Add time off' }).click()
    // With a warning about the schedule the dialog stays open for reading.
    const done = to.getByRole('button', { name: 'Done' })
    await Promise.race([to.waitFor({ state: 'detached', ...T }), done.waitFor(T)])
    if (await done.isVisible().catch(() => false)) {
      await shot('vacation-warnings')
      await done.click()
    }
    await to.waitFor({ state: 'detached', ...T })
    await page.getByText('Added Bo Berg’s time off.').first().waitFor(T)

    // ---- The replacement in the timeline: Di takes Bo's week (fair cover, decision
    // 0013, passes over Cy, who holds the turn after, while someone else is free).
    await tab(page, 'Schedule')
    await page.getByRole('radio', { name: 'Week', exact: true }).click()
    await page.getByRole('button', { name: 'Next week' }).click()
    const replaced = page.getByRole('button', { name: /^Di Okafor,.*covering for Bo Berg \(vacation\)/ }).first()
    await replaced.waitFor(T)
    assert.equal(await replaced.getAttribute('data-reason'), 'replacement')
    // The private note stays private.
    assert.equal(await page.getByText('Hiking in the Alps').count(), 0, 'the time-off note is not on the schedule')
    await shot('schedule-next-week-replacement')
    await page.getByRole('main').getByRole('button', { name: 'Today', exact: true }).click()

    // ---- Overrides through the dialog: Di covers tomorrow afternoon; Cy the morning after.
    const overridesList = () => section(page, 'Overrides and swaps')
    await overridesList().getByText('No overrides or swaps').waitFor(T)
    const addOverride = async (who, from, until, note) => {
      await page.getByRole('button', { name: 'Override…' }).first().click()
      const dlg = page.getByRole('dialog')
      await dlg.waitFor(T)
      await dlg.getByLabel('Rotation', { exact: true }).selectOption({ label: 'Payments primary' })
      await dlg.getByLabel('Who covers').selectOption({ label: who })
      await dlg.getByLabel('From', { exact: true }).fill(from)
      await dlg.getByLabel('Until', { exact: true }).fill(until)
      if (note) await dlg.getByLabel('Note', { exact: true }).fill(note)
      await dlg.getByRole('button', { name: 'Save override' }).click()
      await dlg.waitFor({ state: 'detached', ...T })
    }
    await addOverride('Di Okafor', `${ymd(tomorrow)}T12:00`, `${ymd(tomorrow)}T18:00`, 'Di offered')
    await addOverride('Cy Moreau', `${ymd(dayAfter)}T08:00`, `${ymd(dayAfter)}T10:00`, '')
    const upcoming = overridesList().getByRole('list', { name: 'Upcoming overrides and swaps' })
    await upcoming.getByText('Di Okafor').waitFor(T)
    await upcoming.getByText('Cy Moreau').waitFor(T)
    assert.equal(await upcoming.getByRole('listitem').count(), 2)
    await upcoming.getByText('Di offered').waitFor(T)
    // The overrides are in the schedule too.
    assert.ok((await api('OnCallAPI.Shifts', rot.id, { from: tomorrow.toISOString(), to: new Date(dayAfter.getTime() + DAY).toISOString() }))
      .some((s) => s.reason === 'override'), 'the schedule has the overrides')
    await overridesList().scrollIntoViewIfNeeded()
    await shot('overrides-listed')
    // Delete Cy's (asks first).
    await upcoming.getByRole('listitem').filter({ hasText: 'Cy Moreau' }).getByRole('button', { name: /^Delete the Cy Moreau covering/ }).click()
    const confirm = page.getByRole('alertdialog')
    await confirm.getByText(/Cy Moreau no longer covers Payments primary/).waitFor(T)
    await shot('override-delete-confirm')
    await confirm.getByRole('button', { name: 'Delete override' }).click()
    await confirm.waitFor({ state: 'detached', ...T })
    await upcoming.getByText('Cy Moreau').waitFor({ state: 'detached', ...T })
    assert.equal(await upcoming.getByRole('listitem').count(), 1)
    const left = await api('OnCallAPI.Overrides', rot.id)
    assert.deepEqual(left.map((o) => o.note ?? ''), ['Di offered'], 'only the deleted override is gone')

    // ---- A swap, from a shift's detail: Cy's own turn in two weeks with the first other turn.
    await page.getByRole('button', { name: 'Next week' }).click()
    await page.getByRole('button', { name: 'Next week' }).click()
    await page.getByRole('button', { name: /^Cy Moreau,/ }).last().click()
    await page.getByRole('dialog').getByRole('button', { name: 'Swap…' }).click()
    const sw = page.getByRole('dialog', { name: 'Swap turns' })
    await sw.getByLabel('Swaps with').selectOption({ index: 1 })
    await sw.getByRole('button', { name: 'Swap', exact: true }).click()
    await sw.waitFor({ state: 'detached', ...T })
    const swapItem = upcoming.getByRole('listitem').filter({ hasText: 'Swap' })
    await swapItem.getByText('⇄').waitFor(T)
    assert.equal((await api('OnCallAPI.SwapViews', rot.id)).length, 1)
    await page.getByRole('main').getByRole('button', { name: 'Today', exact: true }).click()
    await overridesList().scrollIntoViewIfNeeded()
    await shot('swap-listed')

    // ---- Export the .ics (download) and read it with ical.js.
    await tab(page, 'Calendars')
    const exp = section(page, 'Export .ics')
    await exp.getByLabel('Calendar of').selectOption({ label: 'Payments primary' })
    await exp.getByLabel('Days ahead').fill('60')
    await exp.getByRole('button', { name: 'Show the file' }).click()
    const link = exp.getByRole('link', { name: /^Download .*\.ics$/ })
    await link.waitFor(T)
    const [download] = await Promise.all([page.waitForEvent('download', T), link.click()])
    const file = await download.path()
    const exported = fs.readFileSync(file, 'utf8')
    assert.equal(download.suggestedFilename(), 'On call - Payments primary.ics')
    const exEvents = events(exported)
    log(`export: ${exEvents.length} events, ${exported.length} bytes (${download.suggestedFilename()})`)
    assert.ok(exEvents.length >= 8, 'the export holds the shifts')
    assert.equal(new Set(exEvents.map((e) => e.uid)).size, exEvents.length, 'UIDs are unique')
    assert.ok(exEvents.every((e) => e.start.isDate === false && e.start.zone === ICAL.Timezone.utcTimezone), 'UTC instants')
    assert.ok(exEvents.some((e) => /Cy Moreau/.test(e.summary)), 'the replacement is in the export')
    assert.ok(exEvents.some((e) => /Di Okafor/.test(e.summary)), 'the override is in the export')
    await shot('export')

    // ---- A subscription feed, made in the UI, fetched with a plain HTTP client.
    const feeds = section(page, 'Feeds for calendar apps')
    await feeds.getByLabel('Calendar of').selectOption({ label: 'Payments primary' })
    await feeds.getByLabel('Name (optional)').fill('My phone')
    await feeds.getByRole('button', { name: 'Create feed' }).click()
    const feedUrl = await feeds.getByLabel('Feed address (shown once)').inputValue({ timeout: 15_000 })
    assert.match(feedUrl, /^http:\/\/127\.0\.0\.1:\d+\/feeds\/[A-Za-z0-9_-]{43}\.ics$/)
    const res = await fetch(feedUrl)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') || '', /text\/calendar/)
    const feedEvents = events(await res.text())
    log(`feed: ${feedEvents.length} events`)
    assert.ok(feedEvents.length >= 4, 'the feed lists the shifts')
    assert.ok(feedEvents.some((e) => /Cy Moreau/.test(e.summary)), 'the replacement is in the feed')
    assert.equal((await fetch(feedUrl.replace(/feeds\/.*/, 'feeds/nope.ics'))).status, 404)
    await feeds.getByText('My phone').waitFor(T)

    // ---- The team's final schedule (who a page reaches first) as a feed: events named by the team.
    await feeds.getByLabel('Calendar of').selectOption({ label: 'Card payments — final schedule' })
    await feeds.getByLabel('Name (optional)').fill('Card payments pager')
    // A reminder before each shift: a week and a minute is refused next to the field, 20 minutes goes into the address.
    await feeds.getByLabel('Reminder (minutes before)').fill('10081')
    await feeds.getByRole('button', { name: 'Create feed' }).click()
    await feeds.locator('#sub-alarm-error').waitFor(T)
    assert.match(await feeds.locator('#sub-alarm-error').innerText(), /between 0 minutes and a week/)
    await feeds.getByLabel('Reminder (minutes before)').fill('20')
    await feeds.getByRole('button', { name: 'Create feed' }).click()
    await feeds.getByText('Card payments pager').waitFor(T)
    const schedUrl = await feeds.getByLabel('Feed address (shown once)').inputValue({ timeout: 15_000 })
    assert.notEqual(schedUrl, feedUrl, 'a new address for the schedule feed')
    assert.match(schedUrl, /\.ics\?alarm=20$/)
    const schedText = await (await fetch(schedUrl)).text()
    assert.match(schedText, /BEGIN:VALARM\r\nACTION:DISPLAY\r\n/)
    assert.match(schedText, /TRIGGER:-PT20M/)
    const schedEvents = events(schedText)
    log(`schedule feed: ${schedEvents.length} events`)
    assert.ok(schedEvents.length >= 4, 'the schedule feed lists the final schedule')
    assert.ok(schedEvents.every((e) => / · Card payments$/.test(e.summary) && e.uid.startsWith('f')), 'final-schedule events, named by the team')
    assert.ok(schedEvents.some((e) => /Cy Moreau/.test(e.summary)), 'the replacement is in the final schedule')
    await feeds.getByText('Card payments (final schedule)').first().waitFor(T)
    // The scope is shared: the export shows the schedule now, and the file shown before is gone.
    assert.equal(await exp.getByLabel('Calendar of').inputValue(), `schedule:${team.id}`)
    assert.equal(await exp.getByRole('link', { name: /^Download / }).count(), 0, 'a new scope clears the file shown')
    await exp.getByRole('button', { name: 'Show the file' }).click()
    await exp.getByRole('link', { name: /^Download .*final schedule.*\.ics$/ }).waitFor(T)
    assert.match(await exp.getByLabel('Or copy the calendar').inputValue(), /UID:f/)
    await shot('schedule-feed')

    // ---- A calendar URL: subscribe, fetch now, preview, apply.
    const subs = section(page, 'Subscribe to a calendar URL')
    await subs.scrollIntoViewIfNeeded()
    await subs.getByRole('button', { name: 'Subscribe' }).click()
    await subs.getByText('Enter the calendar’s address (https://…).').waitFor(T) // a message next to the field
    await subs.getByLabel('Calendar address').fill(cal.url)
    await subs.getByLabel('Import as').selectOption('holidays')
    await subs.getByLabel('Region', { exact: true }).selectOption({ label: 'Germany' })
    await subs.getByLabel('Refresh').selectOption('weekly')
    await subs.getByLabel('Name (optional)').fill('Company days')
    await subs.getByRole('button', { name: 'Subscribe' }).click()
    const item = subs.getByRole('list', { name: 'Calendar subscriptions' }).getByRole('listitem').filter({ hasText: 'Company days' })
    await item.getByText('Never fetched').waitFor(T)
    assert.equal(cal.requests.length, 0, 'subscribing fetches nothing')
    await item.getByRole('button', { name: 'Fetch Company days now' }).click()
    const dlg = page.getByRole('dialog')
    const sp = dlg.getByRole('region', { name: 'Subscription preview' })
    await sp.getByText('1 new').waitFor(T)
    await sp.getByText('Company Founding Day').waitFor(T)
    assert.equal(cal.requests.length, 1)
    await shot('subscription-preview')
    await sp.getByRole('button', { name: 'Apply' }).click()
    await dlg.waitFor({ state: 'detached', ...T })
    await page.getByText('Imported “Company days”: 1 new, 0 updated, 0 removed.').first().waitFor(T)
    await item.getByText(/Last fetched/).waitFor(T)
    await shot('subscription-applied')
    // Fetch again: a conditional request, nothing new.
    await item.getByRole('button', { name: 'Fetch Company days now' }).click()
    await page.getByText('“Company days” is up to date (not modified since the last fetch).').first().waitFor(T)
    assert.equal(cal.requests.at(-1).ifNoneMatch, '"company-days-1"', 'the second fetch is conditional')
    // The holiday is in the region, in the app.
    await tab(page, 'Time off')
    const regions = section(page, 'Holiday regions')
    await regions.getByText(/2 holidays: next Company Founding Day/).waitFor(T)
    await shot('holiday-from-url')
    // Offline: the server goes away, Fetch now says so, nothing changes.
    await new Promise((r) => cal.srv.close(r))
    await tab(page, 'Calendars')
    await item.getByRole('button', { name: 'Fetch Company days now' }).click()
    await item.getByRole('note').getByText(/Last fetch failed/).waitFor(T)
    await item.getByRole('note').getByText(/the connection was refused/).waitFor(T)
    assert.equal((await api('OnCallAPI.Regions')).find((r) => r.name === 'Germany').holidays.length, 2, 'a failed fetch changes nothing')
    await item.scrollIntoViewIfNeeded()
    await shot('subscription-offline')
    // Edit: only fetch on demand from now on; the target is shown locked.
    await item.getByRole('button', { name: 'Edit Company days' }).click()
    const editForm = page.getByRole('form', { name: 'Edit the calendar subscription' })
    assert.ok(await editForm.getByLabel('Import as').isDisabled(), 'the target cannot change')
    await editForm.getByLabel('Refresh').selectOption('manual')
    await shot('subscription-edit')
    await editForm.getByRole('button', { name: 'Save changes' }).click()
    await page.getByText('Saved “Company days”.').first().waitFor(T)
    await item.getByText('Manual', { exact: true }).waitFor(T)
    assert.equal((await api('CalendarAPI.Subscriptions')).find((x) => x.name === 'Company days').refresh, 'manual')
  } finally {
    cal.srv.close()
  }
}
