// On-call in the real app (issue 3, partly): a rotation of four, a holiday
// calendar imported with a preview, a vacation that hands a week to the next
// person, an override; the schedule shows the replacement; the subscription
// feed served by the app on 127.0.0.1 answers a plain HTTP client.
import assert from 'node:assert/strict'

const T = { timeout: 15_000 }

// Dates relative to today, so the journey means the same whenever it runs.
const DAY = 86_400_000
const ymd = (d) => d.toISOString().slice(0, 10)
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()))
const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY) // this week's Monday
const nextMonday = new Date(monday.getTime() + 7 * DAY)
const nextSunday = new Date(monday.getTime() + 13 * DAY)
const wednesday = new Date(monday.getTime() + 2 * DAY)
const xmas = `${today.getUTCFullYear() + 1}1225`
const HOLIDAYS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'X-WR-CALNAME:Holidays in Germany', 'X-WR-TIMEZONE:Europe/Berlin',
  'BEGIN:VEVENT', `DTSTART;VALUE=DATE:${xmas}`, `DTEND;VALUE=DATE:${xmas.slice(0, 4)}1226`, 'UID:xmas@e2e', 'SUMMARY:Christmas Day', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n')

export async function run({ page, shot, log, waitForBindings }) {
  const api = (path, ...args) => page.evaluate(([p, a]) => {
    const [area, fn] = p.split('.')
    return window.go.app[area][fn](...a)
  }, [path, args])

  const names = ['Ana Lind', 'Bo Berg', 'Cy Moreau', 'Di Okafor']
  const ids = []
  for (const n of names) ids.push((await api('PeopleAPI.CreatePerson', { name: n, timezone: 'Europe/Berlin', skills: [] })).id)

  const rot = await api('OnCallAPI.SaveRotation', {
    name: 'Payments primary', timezone: 'Europe/Berlin', participants: ids, layer: 1,
    shiftLength: { n: 1, unit: 'weeks' }, handoffTime: '10:00', startDate: ymd(monday), requiredCoverage: '24x7',
  })
  log(`rotation ${rot.id}`)

  // Holidays: preview first (nothing written), then apply.
  const pv = await api('CalendarAPI.PreviewImport', HOLIDAYS, 'germany.ics', { kind: 'holidays', regionName: 'Germany' })
  assert.equal(pv.preview.new, 1, 'one new holiday in the preview')
  const applied = await api('CalendarAPI.ApplyImport', pv.token)
  assert.equal(applied.added, 1)

  // Bo's vacation covers his whole turn next week: Cy takes it.
  const off = await api('OnCallAPI.SaveTimeOff', { personId: ids[1], kind: 'vacation', startDate: ymd(nextMonday), endDate: ymd(nextSunday), source: 'manual' })
  log(`time off warnings: ${JSON.stringify(off.warnings)}`)
  // Di covers an afternoon of Ana's week.
  await api('OnCallAPI.SaveOverride', { rotationId: rot.id, personId: ids[3], start: `${ymd(wednesday)}T12:00:00Z`, end: `${ymd(wednesday)}T18:00:00Z` })

  // The setup went through the API behind the UI's back: load the app afresh.
  await page.reload({ waitUntil: 'load' })
  await waitForBindings()
  await page.getByRole('navigation').getByRole('button', { name: 'On-call', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: /On-call/ }).waitFor(T)
  // Next week holds the replacement.
  await page.getByRole('button', { name: 'Week', exact: true }).click()
  await page.getByRole('button', { name: 'Next week' }).click()
  const replaced = page.getByRole('button', { name: /^Cy Moreau,.*covering for Bo Berg \(vacation\)/ }).first()
  await replaced.waitFor(T)
  await shot('schedule-next-week-replacement')

  // The same through the app's subscription feed, with a plain HTTP client.
  const feed = await api('CalendarAPI.CreateFeed', { kind: 'rotation', id: rot.id }, '')
  assert.match(feed.url, /^http:\/\/127\.0\.0\.1:\d+\/feeds\/[A-Za-z0-9_-]{43}\.ics$/)
  const res = await fetch(feed.url)
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type') || '', /text\/calendar/)
  const ics = await res.text()
  const events = ics.split('BEGIN:VEVENT').length - 1
  log(`feed: ${events} events, ${ics.length} bytes`)
  assert.ok(events >= 4, 'the feed lists the shifts')
  assert.match(ics.replace(/\r\n[ \t]/g, ''), /SUMMARY:[^\r\n]*Cy Moreau/, 'the replacement is in the feed')
  assert.equal((await fetch(feed.url.replace(/feeds\/.*/, 'feeds/nope.ics'))).status, 404)

  await page.getByRole('link', { name: /Calendars/ }).click()
  await page.getByText(feed.feed.name).first().waitFor(T)
  await shot('calendars')
}
