// Many at once (issue 9, parts 2 and 3), in the engine of the window: 25
// overdue follow-ups of one owner make 25 reminders. The notification centre
// shows them in a group with its count, 20 at first; "Snooze all" and
// "Dismiss all" of the group each come with an Undo that puts every reminder
// back as it was (checked through the API). On Follow-ups, filtered to that
// owner and overdue and sorted by priority, the header box ticks the group,
// "Complete" closes all 25 and Undo reopens them. On People, the team filter
// and Enter on the one match open the person.
import assert from 'node:assert/strict'

const T = { timeout: 15_000 }
const N = 25
const TASK = 'Bulk task'

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor(T)
}

/** Polls fn (in the page) until it returns true, or fails with what. */
async function until(page, fn, arg, what) {
  const deadline = Date.now() + 10_000
  for (;;) {
    if (await page.evaluate(fn, arg)) return
    if (Date.now() > deadline) assert.fail(what)
    await page.waitForTimeout(200)
  }
}

/** Our reminders as the backend lists them: key -> status. */
const ourReminders = (page) =>
  page.evaluate(async (prefix) => {
    const l = await window.go.app.ReminderAPI.List()
    return Object.fromEntries(l.filter((r) => r.title.startsWith(prefix)).map((r) => [r.key, r.status]))
  }, `Overdue follow-up: ${TASK}`)

async function closeToasts(page) {
  await page.evaluate(() => document.querySelectorAll('.toast-close').forEach((b) => b.click()))
}

export async function run({ page, shot, log, waitForBindings }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const ids = await page.evaluate(
    async ({ n, task }) => {
      const P = window.go.app.PeopleAPI
      const A = window.go.app.FollowUpAPI
      const person = (name, timezone) => ({ name, email: '', role: 'Engineer', level: '', timezone, startDate: '',
        managerId: '', skills: [], aspiration: 'undecided', notes: '' })
      const owner = await P.CreatePerson(person('Bulk Owner', 'Pacific/Chatham'))
      const taker = await P.CreatePerson(person('Bulk Taker', 'Pacific/Chatham'))
      await P.SaveTeam('', { name: 'Bulkteam', description: 'For the bulk spec', memberIds: [owner.id, taker.id] })
      const view = await A.FollowUps({ filter: { sourceId: '' }, soonDays: 0, closedLimit: 0 })
      const d = new Date(view.today + 'T00:00:00Z')
      d.setUTCDate(d.getUTCDate() - 3)
      const due = d.toISOString().slice(0, 10)
      const prios = ['low', 'medium', 'high', 'urgent']
      const items = []
      for (let i = 1; i <= n; i++) {
        const it = await A.Create({ title: `${task} ${String(i).padStart(2, '0')}`, ownerId: owner.id, dueDate: due,
          priority: prios[i % 4], status: 'open', source: {} })
        items.push(it.id)
      }
      await window.go.app.ReminderAPI.EvaluateNow()
      return { owner: owner.id, taker: taker.id, items, today: view.today }
    },
    { n: N, task: TASK },
  )
  log(`records: owner ${ids.owner}, ${ids.items.length} follow-ups, today ${ids.today}`)
  await page.reload()
  await waitForBindings()

  let before = await ourReminders(page)
  assert.equal(Object.keys(before).length, N, `${N} reminders for the bulk follow-ups: ${JSON.stringify(before)}`)

  // ---- The notification centre: one group, its count, 20 rows at first.
  const bell = page.getByRole('button', { name: 'Notifications', exact: true })
  assert.equal(await bell.getAttribute('title'), null, 'the bell has no native tooltip')
  await bell.click()
  const centre = page.getByRole('dialog', { name: 'Notifications' })
  await centre.waitFor(T)
  const group = centre.getByRole('region', { name: 'Overdue follow-ups', exact: true })
  await group.getByText(`${TASK} 01`, { exact: false }).waitFor(T)
  assert.equal(await group.getByRole('listitem').count(), 20, 'a long group shows 20 rows at first')
  const toggle = group.getByRole('button', { name: /^Overdue follow-ups \d+$/ })
  const count = Number((await toggle.innerText()).match(/(\d+)\s*$/)?.[1])
  assert.ok(count >= N, `the group counts ${count}, at least ${N}`)
  assert.equal(await centre.locator('[title]').count(), 0, 'no native tooltips in the panel')
  await shot('centre-grouped')
  await group.getByRole('button', { name: /^Show \d+ more$/ }).click()
  await until(page, (n) => document.querySelectorAll('[data-kind="followup.overdue"] li').length > n, 20, 'Show more added rows')

  // Fold the group away and back from its header.
  await toggle.click()
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false')
  assert.equal(await group.getByRole('listitem').count(), 0)
  await toggle.click()
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true')

  // ---- Snooze all of the group until tomorrow morning, then Undo.
  await group.getByRole('button', { name: 'Snooze all: Overdue follow-ups' }).click()
  await page.getByRole('menuitem', { name: 'Tomorrow morning' }).click()
  await page.getByText(/^Snoozed \d+ reminders until/).waitFor(T)
  let now = await ourReminders(page)
  assert.ok(Object.values(now).every((s) => s === 'snoozed'), `all snoozed: ${JSON.stringify(now)}`)
  await shot('centre-snoozed-all')
  await page.getByRole('button', { name: 'Undo' }).last().click()
  await page.getByText(/^Put back \d+ reminders\.$/).waitFor(T)
  now = await ourReminders(page)
  assert.deepEqual(now, before, 'Undo put every reminder back as it was')
  await closeToasts(page)

  // ---- Dismiss all of the group: it goes; Undo brings it back. The panel stays open.
  await group.getByRole('button', { name: 'Dismiss all: Overdue follow-ups' }).click()
  await page.getByText(/^Dismissed \d+ reminders\.$/).waitFor(T)
  await group.waitFor({ state: 'detached', ...T })
  assert.deepEqual(await ourReminders(page), {}, 'dismissed: none of ours is listed')
  await shot('centre-dismissed-group')
  await page.getByRole('button', { name: 'Undo' }).last().click()
  await page.getByText(/^Put back \d+ reminders\.$/).waitFor(T)
  await centre.waitFor(T)
  await group.waitFor(T)
  assert.deepEqual(await ourReminders(page), before, 'Undo of Dismiss all put every reminder back')
  await page.keyboard.press('Escape')
  await centre.waitFor({ state: 'detached', ...T })
  await closeToasts(page)

  // ---- Follow-ups: filter to the owner and overdue, sort by priority, tick the group, complete, undo.
  await nav(page, 'Follow-ups')
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Bulk Owner' })
  await page.getByLabel('Due', { exact: true }).selectOption('overdue')
  const overdue = page.getByRole('table', { name: 'Overdue follow-ups' })
  await overdue.getByText(`${TASK} 01`).waitFor(T)
  // The table is windowed (components/VirtualRows): its group counts the rows, the
  // rows in the document are those in view (spacer rows, .v-gap, stand for the rest).
  await until(
    page,
    (n) => {
      const t = document.querySelector('table[aria-label="Overdue follow-ups"]')
      const count = t?.closest('section')?.querySelector('.panel-header .count')?.textContent?.trim()
      const rows = Array.from(t?.querySelectorAll('tbody tr:not(.v-gap)') ?? [])
      return count === String(n) && rows.length > 0 && rows.every((r) => r.textContent.includes('Bulk Owner'))
    },
    N,
    `the overdue group holds only the owner's ${N} follow-ups`,
  )
  const prio = overdue.getByRole('columnheader', { name: 'Priority' })
  await prio.getByRole('button', { name: 'Priority' }).click()
  assert.equal(await prio.getAttribute('aria-sort'), 'descending')
  const first = await overdue.getByRole('row').nth(1).innerText()
  assert.match(first, /Urgent/, `the most urgent first after sorting by priority: ${first}`)

  await overdue.getByRole('checkbox', { name: 'Select all: Overdue follow-ups' }).check()
  const bar = page.getByRole('group', { name: 'Bulk actions' })
  await bar.getByText(`${N} selected`).waitFor(T)
  await shot('follow-ups-selected')
  // Ticking rows opened nothing.
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash))
  assert.equal(await hash(), '#/followups', 'still on the list')
  await bar.getByRole('button', { name: 'Complete' }).click()
  await page.getByText(`Completed ${N} follow-ups.`).waitFor(T)
  const open = (st) =>
    page.evaluate(
      async ({ items, st }) => {
        const got = await Promise.all(items.map((i) => window.go.app.FollowUpAPI.Get(i)))
        return got.every((it) => it.status === st)
      },
      { items: ids.items, st },
    )
  assert.ok(await open('done'), 'all 25 are done')
  await shot('follow-ups-completed')
  await page.getByRole('button', { name: 'Undo' }).last().click()
  await page.getByText(`Undone: ${N} follow-ups back as before.`).waitFor(T)
  assert.ok(await open('open'), 'Undo reopened all 25')
  await overdue.getByText(`${TASK} 01`).waitFor(T)

  // The filters outlive the screen.
  await nav(page, 'People')
  await nav(page, 'Follow-ups')
  assert.equal(await page.getByLabel('Due', { exact: true }).inputValue(), 'overdue')
  await page.getByRole('button', { name: 'Clear filters' }).first().click()

  // ---- People: the team filter, then Enter on the one match.
  await nav(page, 'People')
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Bulkteam' })
  const people = page.getByRole('table')
  await people.getByRole('link', { name: 'Bulk Taker', exact: true }).waitFor(T)
  assert.deepEqual(
    (await people.locator('a.row-link').allTextContents()).map((s) => s.trim()),
    ['Bulk Owner', 'Bulk Taker'],
  )
  const byName = people.getByRole('button', { name: 'Name', exact: true })
  await byName.click()
  await byName.click()
  assert.equal(await people.getByRole('columnheader', { name: 'Name', exact: true }).getAttribute('aria-sort'), 'descending')
  assert.deepEqual(
    (await people.locator('a.row-link').allTextContents()).map((s) => s.trim()),
    ['Bulk Taker', 'Bulk Owner'],
  )
  await shot('people-filtered')
  const search = page.getByRole('searchbox', { name: 'Search people' })
  await search.fill('taker')
  await page.getByText('One match: Enter opens Bulk Taker').waitFor(T)
  await search.press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Bulk Taker' }).waitFor(T)
  assert.equal(await hash(), `#/people/${ids.taker}`)
  await shot('person-opened-with-enter')
}
