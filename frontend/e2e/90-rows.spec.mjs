// Rows open the record they show, in the engine of the window. In WebKitGTK a
// `.row-link::after { position:absolute; inset:0 }` overlay on a <tr> covered the
// whole table (the engine ignores `position: relative` on table rows), so every
// click opened the LAST row and a click under a table opened a record. Real
// pointer clicks at a row's name, at another cell of the row, and under the
// table: each must open exactly the record clicked, or nothing.
// Runs last: it adds records of its own through the API.
import assert from 'node:assert/strict'

const T = { timeout: 15_000 }

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor(T)
}

const routeId = (page) => decodeURIComponent(page.url().split('#')[1] ?? '')

async function waitRoute(page, want, what) {
  const deadline = Date.now() + 5000
  while (routeId(page) !== want) {
    if (Date.now() > deadline) assert.fail(`${what}: the address is #${routeId(page)}, not #${want}`)
    await page.waitForTimeout(100)
    await page.evaluate(() => location.href) // refreshes page.url()
  }
}

export async function run({ page, shot, log, waitForBindings }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const ids = await page.evaluate(async () => {
    const P = window.go.app.PeopleAPI
    const I = window.go.app.IncidentAPI
    const person = (name) => ({ name, email: '', role: 'Engineer', level: '', timezone: 'Europe/Lisbon', startDate: '',
      managerId: '', skills: [], aspiration: 'undecided', notes: '' })
    const a = await P.CreatePerson(person('Aaron Abbott'))
    const b = await P.CreatePerson(person('Bea Brandt'))
    const z = await P.CreatePerson(person('Zoe Zeller'))
    const t1 = await P.SaveTeam('', { name: 'Aardvark', description: 'First in the list', memberIds: [a.id, b.id] })
    const t2 = await P.SaveTeam('', { name: 'Zebra', description: 'Last in the list', memberIds: [z.id] })
    const s1 = await P.SaveService('', { name: 'aa-ledger', description: '', criticality: 'internal', teamId: t1.id, primaryId: a.id, secondaryId: '' })
    const s2 = await P.SaveService('', { name: 'zz-search', description: '', criticality: 'internal', teamId: t2.id, primaryId: z.id, secondaryId: '' })
    const inc = async (title, severity, startedAt) => {
      const d = await I.Create({ title, severity, status: 'investigating', startedAt })
      return (d.incident ?? d).id
    }
    const now = Date.now()
    const i1 = await inc('Elevated 5xx on checkout', 2, new Date(now - 3 * 3600e3).toISOString())
    const i2 = await inc('CI runners out of disk', 4, new Date(now - 1 * 3600e3).toISOString())
    return { a: a.id, b: b.id, z: z.id, t1: t1.id, t2: t2.id, s1: s1.id, s2: s2.id, i1, i2 }
  })
  log(`records: ${JSON.stringify(ids)}`)
  await page.reload()
  await waitForBindings()

  // ---- People: the first row's name, then another cell of a middle row.
  await nav(page, 'People')
  const peopleTable = page.getByRole('table')
  await peopleTable.getByRole('link', { name: 'Aaron Abbott', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Aaron Abbott' }).waitFor(T)
  await waitRoute(page, `/people/${ids.a}`, 'clicking Aaron Abbott')
  await shot('people-first-row-opened')

  await nav(page, 'People')
  const beaRow = page.getByRole('row').filter({ hasText: 'Bea Brandt' })
  await beaRow.getByRole('cell').nth(1).click() // the Role cell, not the link
  await page.getByRole('heading', { level: 1, name: 'Bea Brandt' }).waitFor(T)
  await waitRoute(page, `/people/${ids.b}`, 'clicking the Role cell of Bea Brandt')

  // Hover shows the row under the pointer, not another one.
  await nav(page, 'People')
  await page.getByRole('row').filter({ hasText: 'Aaron Abbott' }).getByRole('cell').nth(2).hover()
  const hovered = await page.evaluate(() => Array.from(document.querySelectorAll('tbody tr')).filter((r) => r.matches(':hover')).map((r) => r.innerText.split('\n')[0].trim()))
  assert.deepEqual(hovered.length, 1, `one row is hovered, not ${JSON.stringify(hovered)}`)
  assert.match(hovered[0], /Aaron Abbott|AA/, `the hovered row is Aaron's, not ${hovered[0]}`)

  // ---- Teams: the first row opens the first team; a click under the table opens nothing.
  await nav(page, 'Teams')
  await page.getByRole('link', { name: 'Aardvark', exact: true }).click()
  await waitRoute(page, `/teams/${ids.t1}`, 'clicking Aardvark')
  await page.getByRole('dialog').getByLabel('Name', { exact: true }).waitFor(T)
  assert.equal(await page.getByRole('dialog').getByLabel('Name', { exact: true }).inputValue(), 'Aardvark')
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached', ...T })
  await waitRoute(page, '/teams', 'closing the team')
  const under = await page.getByRole('table').evaluate((t) => {
    const r = t.getBoundingClientRect()
    return { x: r.left + r.width / 2, y: Math.min(r.bottom + 60, innerHeight - 10) }
  })
  await page.mouse.click(under.x, under.y)
  await page.waitForTimeout(300)
  assert.equal(await page.getByRole('dialog').count(), 0, 'a click under the Teams table opens no team')
  await waitRoute(page, '/teams', 'a click under the Teams table')
  await shot('teams-click-under-table')

  // ---- Services: the first service.
  await nav(page, 'Services')
  await page.getByRole('link', { name: 'aa-ledger', exact: true }).click()
  await waitRoute(page, `/services/${ids.s1}`, 'clicking aa-ledger')
  assert.equal(await page.getByRole('dialog').getByLabel('Name', { exact: true }).inputValue(), 'aa-ledger')
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached', ...T })

  // ---- Incidents: the newest is listed first; open the older one from its severity cell.
  await nav(page, 'Incidents')
  await page.getByRole('link', { name: 'CI runners out of disk', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'CI runners out of disk' }).waitFor(T)
  await waitRoute(page, `/incidents/${ids.i2}`, 'clicking CI runners out of disk')
  await nav(page, 'Incidents')
  await page.getByRole('link', { name: 'Elevated 5xx on checkout', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Elevated 5xx on checkout' }).waitFor(T)
  await waitRoute(page, `/incidents/${ids.i1}`, 'clicking Elevated 5xx on checkout')
  await shot('incident-opened')
}
