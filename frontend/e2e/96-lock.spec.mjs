// Locked when away (issue 12, part 3), in the engine of the window: Ctrl+L
// replaces the whole UI with the lock screen (no name left in the page),
// every data binding refuses while locked, Escape does not unlock, a reminder
// that comes due while locked reaches the desktop (dunst) without a name or
// the follow-up's words, and Unlock brings the view back. The sidebar's Lock
// locks too. Screenshots of the lock screen, light and dark.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'

const T = { timeout: 20_000 }
const NAME = 'Quinn Lockwood'

/** The person in the People list: searched for, as earlier journeys leave many people (the list renders only the rows in view). */
async function showPerson(page) {
  await page.getByRole('searchbox', { name: 'Search people' }).fill(NAME)
  await page.getByText(NAME).first().waitFor({ timeout: 20_000 })
}
const TASK = 'Ask about the retention offer'

function dunstctl(...args) {
  return execFileSync('dunstctl', args, { encoding: 'utf8', timeout: 10_000, env: process.env }).trim()
}

/** Every notification dunst has in its history: id, summary and body. */
function dunstNotes() {
  const out = []
  for (const group of JSON.parse(dunstctl('history')).data ?? []) {
    for (const n of group) out.push({ id: n.id?.data, summary: String(n.summary?.data ?? ''), body: String(n.body?.data ?? '') })
  }
  return out
}

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor(T)
}

const bodyText = (page) => page.evaluate(() => document.body.innerText)

export async function run({ page, shot, log, waitForBindings }) {
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'DBUS_SESSION_BUS_ADDRESS is not set: run through scripts/e2e.sh')
  await page.emulateMedia({ reducedMotion: 'reduce' })

  // ---- Setup through the API: someone with a follow-up due today, reminders
  // without quiet hours (the run may fall on a night or a weekend).
  const saved = await page.evaluate(
    async ({ name, task }) => {
      const P = window.go.app.PeopleAPI
      const A = window.go.app.FollowUpAPI
      const R = window.go.app.ReminderAPI
      const before = await R.Settings()
      await R.SaveSettings({ ...before, desktop: true, quiet: { ...before.quiet, enabled: false, weekends: false } })
      const p = await P.CreatePerson({ name, email: '', role: 'Engineer', level: '', timezone: 'UTC', startDate: '',
        managerId: '', skills: [], aspiration: 'undecided', notes: '' })
      const view = await A.FollowUps({ filter: { sourceId: '' }, soonDays: 0, closedLimit: 0 })
      await A.Create({ title: task, ownerId: p.id, dueDate: view.today, priority: 'high', status: 'open', source: {} })
      return before
    },
    { name: NAME, task: TASK },
  )
  const status = await page.evaluate(() => window.go.app.LockAPI.Status())
  log(`lock status at start: ${JSON.stringify(status)}`)
  assert.equal(status.locked, false)
  assert.equal(status.lockMinutes, 15, 'locks after 15 idle minutes by default')

  await page.reload({ waitUntil: 'load' })
  await waitForBindings()
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await nav(page, 'People')
  await showPerson(page)
  await shot('before-lock')

  // ---- Ctrl+L: the lock screen, and nothing personal in the page.
  await page.keyboard.press('Control+l')
  await page.getByRole('heading', { name: 'Wheelhouse is locked' }).waitFor(T)
  let text = await bodyText(page)
  assert.ok(!text.includes(NAME), `the locked page still shows ${NAME}`)
  assert.ok(!text.includes(TASK), 'the locked page still shows the follow-up')
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'the sidebar is still in the page')
  assert.match(text, /This workspace has no passphrase: anyone at this computer can unlock it\./)
  // Even the developer tools get nothing: the bindings refuse.
  const refused = await page.evaluate(() =>
    window.go.app.PeopleAPI.Directory().then(
      () => 'answered',
      (e) => JSON.parse(String(e)).code,
    ),
  )
  assert.equal(refused, 'locked', 'PeopleAPI.Directory answered while locked')
  await shot('locked-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(300)
  await shot('locked-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Escape does not unlock.
  await page.keyboard.press('Escape')
  await page.waitForTimeout(300)
  assert.equal((await page.evaluate(() => window.go.app.LockAPI.Status())).locked, true, 'Escape unlocked')
  await page.getByRole('heading', { name: 'Wheelhouse is locked' }).waitFor(T)

  // ---- A day later, still locked: the follow-up is overdue; the desktop
  // hears about it without a name or its words. Reminders keep running.
  const seen = new Set(dunstNotes().map((n) => n.id))
  await page.evaluate(() => window.go.app.ReminderAPI.AdvanceClock(24 * 60))
  let fresh = []
  for (let i = 0; i < 30 && !fresh.some((n) => /^Wheelhouse: /.test(n.summary)); i++) {
    await page.waitForTimeout(500)
    fresh = dunstNotes().filter((n) => !seen.has(n.id))
  }
  log(`notifications while locked: ${JSON.stringify(fresh)}`)
  assert.ok(fresh.some((n) => /^Wheelhouse: (\d+ follow-ups? (is|are) overdue|\d+ reminders need your attention)$/.test(n.summary)),
    'no generic notification arrived while locked')
  for (const n of fresh) {
    for (const secret of [NAME, 'Quinn', TASK, 'retention']) {
      assert.ok(!(n.summary + n.body).includes(secret), `a notification while locked says ${secret}: ${JSON.stringify(n)}`)
    }
  }

  // ---- Unlock: the view is back, with the person.
  await page.getByRole('button', { name: 'Unlock' }).click()
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor(T)
  await showPerson(page)
  assert.equal((await page.evaluate(() => window.go.app.LockAPI.Status())).locked, false)
  await shot('after-unlock')

  // ---- The sidebar's Lock locks too; Settings has the idle time.
  await nav(page, 'Settings')
  const minutes = page.getByLabel('Lock after')
  await minutes.waitFor(T)
  assert.equal(await minutes.inputValue(), '15')
  await minutes.scrollIntoViewIfNeeded()
  await page.waitForTimeout(500)
  await shot('settings-lock-after')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Lock' }).click()
  await page.getByRole('heading', { name: 'Wheelhouse is locked' }).waitFor(T)
  text = await bodyText(page)
  assert.ok(!text.includes('Lock after'), 'Settings is still in the page')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(T)

  await page.evaluate((s) => window.go.app.ReminderAPI.SaveSettings(s), saved)
}
