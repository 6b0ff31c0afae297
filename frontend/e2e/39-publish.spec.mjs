// Publishing on-call calendars to a CalDAV server (issue 13), in the real app
// against a real Radicale this spec starts (htpasswd with bcrypt, a temp
// storage folder): On-call → Calendars → Publish to a calendar server. The
// empty state explains it; a wrong address is refused next to its field; a
// publication is added, published now (status "published … · 0 changes
// waiting", the created count), and the server holds exactly those events
// (REPORT over plain HTTP, and the files in Radicale's storage). Someone
// edits one event on the server and the rotation changes here: the
// debounced publish after the edit (30 s) reports a conflict, kept "theirs"
// from the list. Removing asks first and leaves the server's events alone.
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const T = { timeout: 15_000 }
export const USER = 'alice'
export const PASS = 's3cret pass'

const DAY = 86_400_000
const ymd = (d) => d.toISOString().slice(0, 10)
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()))
const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY)

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

/** Debian's radicale on a free port with bcrypt htpasswd auth for alice. */
export async function startRadicale(log) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wh-radicale-'))
  const port = await freePort()
  execFileSync('htpasswd', ['-B', '-c', '-b', path.join(dir, 'users'), USER, PASS], { stdio: 'ignore' })
  const cfg = [
    '[server]', `hosts = 127.0.0.1:${port}`,
    '[auth]', 'type = htpasswd', `htpasswd_filename = ${path.join(dir, 'users')}`, 'htpasswd_encryption = bcrypt', 'delay = 0',
    '[storage]', `filesystem_folder = ${path.join(dir, 'collections')}`,
    '[rights]', 'type = owner_only',
    '[logging]', 'level = warning', '',
  ].join('\n')
  fs.writeFileSync(path.join(dir, 'config'), cfg)
  const out = fs.openSync(path.join(dir, 'radicale.log'), 'a')
  const proc = spawn('radicale', ['--config', path.join(dir, 'config')], { stdio: ['ignore', out, out] })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    const up = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true) })
      c.on('error', () => resolve(false))
    })
    if (up) break
    if (i > 200 || proc.exitCode !== null) throw new Error(`radicale did not start: ${fs.readFileSync(path.join(dir, 'radicale.log'), 'utf8')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  log(`radicale ${radicaleVersion()} on ${base}, storage ${dir}`)
  return {
    base, dir, port,
    stop() {
      proc.kill('SIGTERM')
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** An HTTPS proxy to Radicale with a self-signed certificate (openssl), and that certificate's SHA-256. */
export async function startTLSProxy(port, dir) {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', path.join(dir, 'tls.key'), '-out', path.join(dir, 'tls.crt')], { stdio: 'ignore' })
  const cert = fs.readFileSync(path.join(dir, 'tls.crt'))
  const srv = https.createServer({ key: fs.readFileSync(path.join(dir, 'tls.key')), cert }, (req, res) => {
    const up = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers)
      r.pipe(res)
    })
    up.on('error', () => res.writeHead(502).end())
    req.pipe(up)
  })
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve))
  return { url: `https://127.0.0.1:${srv.address().port}`, fingerprint: new X509Certificate(cert).fingerprint256, close: () => srv.close() }
}

function radicaleVersion() {
  try { return execFileSync('radicale', ['--version']).toString().trim() } catch { return '?' }
}

const auth = 'Basic ' + Buffer.from(`${USER}:${PASS}`).toString('base64')

/** What the server holds: a REPORT calendar-query over plain HTTP; href, etag and the calendar text of each. */
async function held(url) {
  const body = '<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">' +
    '<D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>'
  const res = await fetch(url, { method: 'REPORT', headers: { Authorization: auth, Depth: '1', 'Content-Type': 'application/xml' }, body })
  assert.equal(res.status, 207, `REPORT ${url}`)
  const xml = await res.text()
  const out = []
  for (const m of xml.matchAll(/<(?:\w+:)?response>([\s\S]*?)<\/(?:\w+:)?response>/g)) {
    const href = /<(?:\w+:)?href>([^<]+)</.exec(m[1])?.[1] ?? ''
    const data = /<(?:\w+:)?calendar-data[^>]*>([\s\S]*?)<\/(?:\w+:)?calendar-data>/.exec(m[1])?.[1] ?? ''
    const etag = /<(?:\w+:)?getetag>([^<]+)</.exec(m[1])?.[1]?.replaceAll('&quot;', '"') ?? ''
    if (data.includes('BEGIN:VEVENT')) out.push({ href, etag, ics: data.replaceAll('&#13;', '\r').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>') })
  }
  return out
}

async function nav(page, name) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor(T)
}

const status = async (item) => (await item.getByTestId('pub-status').innerText()).replace(/\s+/g, ' ').trim()

export async function run({ page, shot, log, waitForBindings, api }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const srv = await startRadicale(log)
  try {
    // a rotation of three (other journeys may have made others: this one is ours)
    const ids = []
    for (const n of ['Pia Publish', 'Quinn Publish', 'Rae Publish']) ids.push((await api('PeopleAPI.CreatePerson', { name: n, timezone: 'Europe/Berlin', skills: [] })).id)
    let rot = await api('OnCallAPI.SaveRotation', {
      name: 'Pager rota', timezone: 'Europe/Berlin', participants: ids, shiftLength: { n: 1, unit: 'weeks' },
      handoffTime: '10:00', startDate: ymd(monday), requiredCoverage: '24x7', layer: 1,
    })
    // these writes start the app's publish-after-an-edit delay (30 s): let it
    // pass before the publication exists, so "changes waiting" is ours to see
    const setupAt = Date.now()
    const before = await api('PublishAPI.List')
    await page.reload({ waitUntil: 'load' })
    await waitForBindings()
    await nav(page, 'On-call')
    await page.getByRole('navigation', { name: 'On-call views' }).getByRole('link', { name: 'Calendars' }).click()
    const panel = page.getByRole('region', { name: 'Publish to a calendar server' })
    await panel.waitFor(T)
    await panel.scrollIntoViewIfNeeded()
    if (before.length === 0) {
      await panel.getByText('Nothing is published to a calendar server').waitFor(T)
      await shot('empty')
    }

    // ---- add: a wrong address is refused next to its field, nothing is saved
    await panel.getByRole('button', { name: 'Add a publication' }).first().click()
    const dlg = page.getByRole('dialog', { name: 'Publish to a calendar server' })
    await dlg.waitFor(T)
    await dlg.getByLabel('Name', { exact: true }).fill('Pager calendar')
    await dlg.getByLabel('What to publish').selectOption({ label: 'Pager rota' })
    await dlg.getByLabel('Calendar or server address').fill('ftp://calendar.example.com/x')
    await dlg.getByRole('button', { name: 'Add publication' }).click()
    await dlg.getByText('Give the http or https URL of a calendar (or of the server, to find your calendars).').waitFor(T)
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pub-url', 'the field in error has the focus')
    const where = (await dlg.locator('#pub-password-hint').innerText()).trim()
    log(`password hint: ${where}`)
    assert.match(where, /^Kept (in the OS keyring|inside this workspace)/)
    await shot('form-error')
    assert.equal((await api('PublishAPI.List')).length, before.length, 'a refused publication is not saved')

    const coll = `${srv.base}/${USER}/pager/`
    await dlg.getByLabel('Calendar or server address').fill(coll)
    await dlg.getByLabel('User').fill(USER)
    await dlg.getByLabel('Password or app token').fill(PASS)
    await dlg.getByLabel('Alarm (minutes before each shift)').fill('30')
    await shot('form')
    const wait = setupAt + 32_000 - Date.now()
    if (wait > 0) await page.waitForTimeout(wait)
    await dlg.getByRole('button', { name: 'Add publication' }).click()
    await dlg.waitFor({ state: 'detached', ...T })
    const item = panel.getByRole('listitem', { name: 'Pager calendar' })
    await item.waitFor(T)
    const waiting = await status(item)
    log(`before publishing: ${waiting}`)
    assert.match(waiting, /^Never published · [1-9]\d* changes waiting$/)

    // ---- publish now
    await item.getByRole('button', { name: 'Publish Pager calendar now' }).click()
    const toast = page.getByText(/^Published “Pager calendar”: \d+ created/)
    await toast.waitFor({ timeout: 60_000 })
    const created = Number(/: (\d+) created/.exec(await toast.innerText())[1])
    await item.getByText(/^Published just now$/).waitFor(T)
    const after = await status(item)
    const last = (await item.getByTestId('pub-last').innerText()).replace(/\s+/g, ' ')
    log(`after publishing: ${after} | ${last}`)
    assert.match(after, /^Published just now · 0 changes waiting$/)
    assert.match(last, new RegExp(`: ${created} created, 0 updated, 0 deleted, 0 unchanged`))
    assert.ok(created > 0 && Number(/^Never published · (\d+)/.exec(waiting)[1]) === created, 'every waiting change was a creation')
    await shot('published')

    // ---- the server holds exactly those events (REPORT, and Radicale's files)
    const events = await held(coll)
    assert.equal(events.length, created, 'REPORT: one event per created shift')
    for (const e of events) {
      assert.match(e.ics, /SUMMARY:[^\r\n]*Pager rota/)
      assert.match(e.ics, /TRIGGER:-PT30M/, 'the alarm 30 minutes before')
    }
    const files = fs.readdirSync(path.join(srv.dir, 'collections', 'collection-root', USER, 'pager')).filter((f) => f.endsWith('.ics'))
    assert.equal(files.length, created, 'one file per event in the storage folder')
    log(`the server holds ${events.length} events (${files.length} files)`)

    // ---- someone edits one event on the server; the rotation changes here:
    // the publish after the edit (debounced 30 s) finds the conflict
    const victim = events[events.length - 1]
    const url = new URL(victim.href, srv.base).toString()
    const put = await fetch(url, {
      method: 'PUT', headers: { Authorization: auth, 'Content-Type': 'text/calendar; charset=utf-8', 'If-Match': victim.etag },
      body: victim.ics.replace(/SUMMARY:/, 'SUMMARY:EDITED '),
    })
    assert.ok(put.status === 204 || put.status === 201, `server-side edit: ${put.status}`)
    rot = await api('OnCallAPI.SaveRotation', { ...rot, name: 'Pager rota (renamed)' })
    log('renamed the rotation; waiting for the publish after the edit')
    await item.getByText('1 conflict', { exact: true }).waitFor({ timeout: 90_000 })
    await item.getByText(/^Published (just now|1 min ago)$/).waitFor(T)
    const conflicts = item.getByRole('list', { name: 'Conflicts of Pager calendar' })
    const theirs = (await conflicts.innerText()).replace(/\s+/g, ' ')
    log(`conflict: ${theirs}`)
    assert.match(theirs, /Server: EDITED/)
    await conflicts.scrollIntoViewIfNeeded()
    await shot('conflict')
    await conflicts.getByRole('button', { name: 'Keep theirs' }).click()
    await page.getByText('Kept the server’s copy of the shift.').waitFor(T)
    await conflicts.waitFor({ state: 'detached', ...T })
    assert.match(await status(item), /· 0 changes waiting$/)
    const now = await held(coll)
    assert.equal(now.length, created, 'no duplicates after the republish')
    assert.equal(now.filter((e) => /SUMMARY:EDITED/.test(e.ics)).length, 1, 'their copy is kept')
    assert.equal(now.filter((e) => /SUMMARY:[^\r\n]*\(renamed\)/.test(e.ics)).length, created - 1, 'the rest follows the rename')

    // ---- edit keeps the password; remove asks first and leaves the server alone
    await item.getByRole('button', { name: 'Edit Pager calendar' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit “Pager calendar”' })
    await edit.waitFor(T)
    await edit.getByLabel('Alarm (minutes before each shift)').fill('45')
    await edit.getByRole('button', { name: 'Save' }).click()
    await edit.waitFor({ state: 'detached', ...T })
    await item.getByText('Alarm 45 min before').waitFor(T)
    await item.getByRole('button', { name: 'Remove Pager calendar' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Remove “Pager calendar”?' })
    await confirm.waitFor(T)
    await shot('remove-confirm')
    await confirm.getByRole('button', { name: 'Remove' }).click()
    await item.waitFor({ state: 'detached', ...T })
    assert.equal((await held(coll)).length, created, 'what it published stays on the server')
    await shot('removed')

    // ---- a server with a self-signed certificate: refused with its
    // fingerprint, trusted explicitly from the list, then published
    const tls = await startTLSProxy(srv.port, srv.dir)
    try {
      await panel.getByRole('button', { name: 'Add a publication' }).first().click()
      const add = page.getByRole('dialog', { name: 'Publish to a calendar server' })
      await add.waitFor(T)
      await add.getByLabel('Name', { exact: true }).fill('Over TLS')
      await add.getByLabel('What to publish').selectOption(`rotation:${rot.id}`) // renamed behind the page's back: the option still says 'Pager rota'
      await add.getByLabel('Calendar or server address').fill(`${tls.url}/${USER}/tls/`)
      await add.getByLabel('User').fill(USER)
      await add.getByLabel('Password or app token').fill(PASS)
      await add.getByRole('button', { name: 'Add publication' }).click()
      await add.waitFor({ state: 'detached', ...T })
      const tItem = panel.getByRole('listitem', { name: 'Over TLS' })
      await tItem.getByRole('button', { name: 'Publish Over TLS now' }).click()
      await page.getByText(/^Could not publish “Over TLS”: The certificate of 127\.0\.0\.1:\d+ is not signed by an authority this computer trusts/).waitFor(T)
      const shown = (await tItem.getByTestId('pub-fingerprint').innerText()).trim()
      log(`fingerprint shown: ${shown}`)
      assert.equal(shown, tls.fingerprint, 'the fingerprint shown is the certificate’s')
      assert.match(await status(tItem), /^Never published · [1-9]\d* changes waiting · last run failed just now$/)
      await tItem.scrollIntoViewIfNeeded()
      await shot('untrusted-certificate')
      await tItem.getByRole('button', { name: 'Trust this certificate…' }).click()
      const trust = page.getByRole('alertdialog', { name: 'Trust this certificate?' })
      await trust.getByText(tls.fingerprint).waitFor(T)
      await shot('trust-dialog')
      await trust.getByRole('button', { name: 'Trust and publish' }).click()
      const ok = page.getByText(/^Published “Over TLS”: \d+ created/)
      await ok.waitFor({ timeout: 60_000 })
      const n = Number(/: (\d+) created/.exec(await ok.innerText())[1])
      assert.equal(await page.getByText(/^Could not publish “Over TLS”/).count(), 0, 'the failure notice goes when the publish succeeds')
      await tItem.getByText(/^Published just now$/).waitFor(T)
      assert.match(await status(tItem), /^Published just now · 0 changes waiting$/)
      assert.equal((await held(`${srv.base}/${USER}/tls/`)).length, n, 'the server holds what went through the pinned certificate')
      await shot('trusted')
    } finally {
      tls.close()
    }
  } finally {
    srv.stop()
  }
}
