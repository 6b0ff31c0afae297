// A person's vacations read from a CalDAV calendar (issue 13 §1, decision
// 0031), in the real app against a real Radicale this spec starts (the one
// of 39-publish): On-call → Calendars → Subscribe to a calendar URL, "Read
// from: A CalDAV calendar". A wrong password is refused next to its field
// (the subscription is read at once); the right one opens the preview of
// the two vacations on the server; applied, they are the person's time off.
// One moved on the server: Fetch now updates exactly that one; one deleted
// there: Fetch now removes it. The password is never in the list's data.
// Through an HTTPS proxy with a self-signed certificate: refused next to the
// trusted-certificate field, trusted from the list after a confirmation
// showing the fingerprint, then read.
import assert from 'node:assert/strict'
import { PASS, USER, startRadicale, startTLSProxy } from './39-publish.spec.mjs'

const T = { timeout: 15_000 }
const DAY = 86_400_000
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()))
const day = (n) => new Date(today.getTime() + n * DAY).toISOString().slice(0, 10)
const compact = (s) => s.replaceAll('-', '')
const auth = 'Basic ' + Buffer.from(`${USER}:${PASS}`).toString('base64')

const section = (page, heading) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading, exact: true }) })

async function dav(method, url, body, headers = {}) {
  const res = await fetch(url, { method, headers: { Authorization: auth, ...headers }, body })
  assert.ok(res.status >= 200 && res.status < 300, `${method} ${url}: ${res.status}`)
}

/** An all-day vacation from the first to the last day (inclusive). */
const vacation = (uid, first, last, summary) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//e2e//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z',
    `DTSTART;VALUE=DATE:${compact(first)}`, `DTEND;VALUE=DATE:${compact(day(Math.round((Date.parse(last) - today.getTime()) / DAY) + 1))}`,
    `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n')

export async function run({ page, shot, log, waitForBindings, api }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const srv = await startRadicale(log)
  try {
    const coll = `${srv.base}/${USER}/vacations/`
    await dav('MKCALENDAR', coll, '<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Vacations</D:displayname></D:prop></D:set></C:mkcalendar>',
      { 'Content-Type': 'application/xml' })
    const ics = { 'Content-Type': 'text/calendar; charset=utf-8' }
    await dav('PUT', coll + 'beach.ics', vacation('beach@e2e', day(20), day(27), 'Beach week'), ics)
    await dav('PUT', coll + 'hike.ics', vacation('hike@e2e', day(60), day(62), 'Hiking'), ics)

    const vera = await api('PeopleAPI.CreatePerson', { name: 'Vera Vacation', timezone: 'Europe/Berlin', skills: [] })
    await page.reload({ waitUntil: 'load' })
    await waitForBindings()
    await page.getByRole('navigation').getByRole('button', { name: 'On-call', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: /On-call/ }).waitFor(T)
    await page.getByRole('navigation', { name: 'On-call views' }).getByRole('link', { name: 'Calendars' }).click()
    const subs = section(page, 'Subscribe to a calendar URL')
    await subs.waitFor(T)
    await subs.scrollIntoViewIfNeeded()

    // ---- the CalDAV form, a wrong password: next to its field
    await subs.getByLabel('Read from').selectOption('caldav')
    await subs.getByLabel('Calendar or server address').fill(coll)
    await subs.getByLabel('User').fill(USER)
    await subs.getByLabel('Password or app token').fill('not the password')
    await subs.getByLabel('Import as').selectOption('timeoff')
    await subs.getByLabel('Person').selectOption(vera.id)
    await subs.getByLabel('Name (optional)').fill('Vera’s vacations')
    const where = (await subs.locator('#csub-password-hint').innerText()).trim()
    log(`password hint: ${where}`)
    assert.match(where, /Kept (in the OS keyring|inside this workspace)/)
    await subs.getByRole('button', { name: 'Subscribe' }).click()
    await subs.getByText(/refused the user name or password \(401 Unauthorized\)/).first().waitFor(T)
    assert.equal(await subs.getByLabel('Password or app token').getAttribute('aria-invalid'), 'true', 'the password field is marked')
    await shot('wrong-password')

    // ---- the right password: read at once, the preview of the two vacations
    await subs.getByLabel('Password or app token').fill(PASS)
    await subs.getByRole('button', { name: 'Save and read' }).click()
    const dlg = page.getByRole('dialog')
    const sp = dlg.getByRole('region', { name: 'Subscription preview' })
    await sp.getByText('2 new').waitFor(T)
    await sp.getByText('Beach week').waitFor(T)
    await sp.getByText('Hiking').waitFor(T)
    await shot('preview')
    await sp.getByRole('button', { name: 'Apply' }).click()
    await dlg.waitFor({ state: 'detached', ...T })
    await page.getByText('Imported “Vera’s vacations”: 2 new, 0 updated, 0 removed.').first().waitFor(T)
    const timeOff = async () => Object.fromEntries((await api('OnCallAPI.TimeOff', vera.id, { from: '', to: '' })).map((t) => [t.calendarUid, `${t.startDate}..${t.endDate} ${t.note}`]))
    const listed = (await api('CalendarAPI.Subscriptions')).find((s) => s.name === 'Vera’s vacations')
    assert.equal(listed.source, 'caldav')
    assert.ok(['keyring', 'workspace'].includes(listed.passwordIn), `password kept: ${listed.passwordIn}`)
    assert.ok(!JSON.stringify(listed).includes(PASS), 'the list never carries the password')
    assert.deepEqual(await timeOff(), { 'beach@e2e': `${day(20)}..${day(27)} Beach week`, 'hike@e2e': `${day(60)}..${day(62)} Hiking` })
    const item = subs.getByRole('list', { name: 'Calendar subscriptions' }).getByRole('listitem').filter({ hasText: 'Vera’s vacations' })
    await item.getByText('CalDAV', { exact: true }).waitFor(T)
    await item.scrollIntoViewIfNeeded()
    await shot('applied')

    // ---- moved on the server: exactly that one is updated
    await dav('PUT', coll + 'beach.ics', vacation('beach@e2e', day(21), day(28), 'Beach week'), ics)
    await item.getByRole('button', { name: 'Fetch Vera’s vacations now' }).click()
    await page.getByText('Fetched “Vera’s vacations”: 0 new, 1 updated, 0 removed.').first().waitFor(T)
    assert.deepEqual(await timeOff(), { 'beach@e2e': `${day(21)}..${day(28)} Beach week`, 'hike@e2e': `${day(60)}..${day(62)} Hiking` })
    // ---- deleted on the server: removed here
    await dav('DELETE', coll + 'hike.ics')
    await item.getByRole('button', { name: 'Fetch Vera’s vacations now' }).click()
    await page.getByText('Fetched “Vera’s vacations”: 0 new, 0 updated, 1 removed.').first().waitFor(T)
    assert.deepEqual(await timeOff(), { 'beach@e2e': `${day(21)}..${day(28)} Beach week` })
    await shot('refreshed')

    // ---- a self-signed certificate: refused next to its field, trusted from the list
    const tls = await startTLSProxy(srv.port, srv.dir)
    try {
      await subs.getByLabel('Read from').selectOption('caldav')
      await subs.getByLabel('Calendar or server address').fill(`${tls.url}/${USER}/vacations/`)
      await subs.getByLabel('User').fill(USER)
      await subs.getByLabel('Password or app token').fill(PASS)
      await subs.getByLabel('Import as').selectOption('timeoff')
      await subs.getByLabel('Person').selectOption(vera.id)
      await subs.getByLabel('Name (optional)').fill('Over TLS')
      await subs.getByRole('button', { name: 'Subscribe' }).click()
      await subs.getByText(/is not signed by an authority this computer trusts \(self-signed\?\)/).first().waitFor(T)
      assert.equal(await subs.getByLabel('Trusted certificate (optional)').getAttribute('aria-invalid'), 'true', 'the certificate field is marked')
      await shot('untrusted')
      const tItem = subs.getByRole('list', { name: 'Calendar subscriptions' }).getByRole('listitem').filter({ hasText: 'Over TLS' })
      await tItem.getByRole('button', { name: 'Trust the certificate of Over TLS' }).click()
      const trust = page.getByRole('alertdialog', { name: 'Trust this certificate?' })
      await trust.getByText(tls.fingerprint).waitFor(T)
      await shot('trust-dialog')
      await trust.getByRole('button', { name: 'Trust and fetch' }).click()
      const tp = page.getByRole('dialog').getByRole('region', { name: 'Subscription preview' })
      await tp.getByText('1 new').waitFor(T) // the beach week, read through the pinned certificate
      await tp.getByText('Beach week').waitFor(T)
      await shot('trusted-preview')
      await tp.getByRole('button', { name: 'Cancel' }).click()
      const pinned = (await api('CalendarAPI.Subscriptions')).find((s) => s.name === 'Over TLS')
      assert.equal(pinned.trustSha256.replaceAll(':', '').toUpperCase(), tls.fingerprint.replaceAll(':', '').toUpperCase(), 'exactly that certificate is pinned')
    } finally {
      tls.close()
    }
  } finally {
    srv.stop()
  }
}
