// On-call compensation in the real app (issue 11 part 7): hourly pay set up
// through the bindings, then in the Compensation tab a bad stipend is refused
// next to its field, a day stipend changes the month's report (each row says
// how it adds up), a holiday region gets rates of its own in another
// currency, and the CSV is exported and read back.
import assert from 'node:assert/strict'
import fs from 'node:fs'

const T = { timeout: 15_000 }
const DAY = 86_400_000
const ymd = (d) => d.toISOString().slice(0, 10)
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()))
// A Monday long before this month: the rotation covers all of it.
const start = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY - 70 * DAY)
const month = `${new Date().getFullYear()}-${String(new Date().getMonth() + 1).padStart(2, '0')}`

async function nav(page, name) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor(T)
}

/** The report row of a person: [hours, weekend h, holiday h, stipends, total]. */
async function row(page, name) {
  const tr = page.locator(`#comp-table tr.person[data-person="${name}"]`)
  await tr.waitFor(T)
  return (await tr.locator('td.n').allTextContents()).map((t) => t.trim())
}

export async function run({ page, shot, log, waitForBindings, api }) {

  // Setup: two people, a weekly rotation, Ema in the holiday region "UK
  // office", hourly pay in EUR.
  const names = ['Jo Weber', 'Ema Stone']
  const ids = []
  for (const n of names) ids.push((await api('PeopleAPI.CreatePerson', { name: n, timezone: 'Europe/Berlin', skills: [] })).id)
  await api('OnCallAPI.SaveRotation', {
    name: 'Pay rotation', timezone: 'Europe/Berlin', participants: ids, shiftLength: { n: 1, unit: 'weeks' },
    handoffTime: '10:00', startDate: ymd(start), requiredCoverage: '24x7', layer: 1,
  })
  await api('OnCallAPI.SaveRegion', { name: 'UK office', memberIds: [ids[1]], holidays: [] })
  const st = await api('OnCallAPI.Settings')
  st.compensation = { ...st.compensation, mode: 'pay', currency: 'EUR', weekdayRate: 2, weekendRate: 3, holidayRate: 0 }
  await api('OnCallAPI.SaveSettings', st)
  await page.reload({ waitUntil: 'load' })
  await waitForBindings()
  await nav(page, 'On-call')
  await page.getByRole('navigation', { name: 'On-call views' }).getByRole('link', { name: 'Compensation' }).click()

  const before = await row(page, 'Jo Weber')
  log(`before: ${before.join(' | ')}`)
  assert.match(before[3], /€\s?0\.00|0\.00\s?€/, 'no stipends yet')
  const form = page.locator('#comp-form')
  await form.waitFor(T)
  // Whose hours are paid on a layered schedule: the layer a page reaches, by default.
  const layers = form.getByLabel('Layers paid', { exact: true })
  assert.equal(await layers.inputValue(), 'final', 'the layer a page reaches is paid by default')
  await layers.scrollIntoViewIfNeeded()
  await shot('layers-paid')

  // A negative stipend: refused, the message next to the field, nothing stored.
  const dayStipend = form.getByLabel('Stipend per on-call day', { exact: true })
  await dayStipend.fill('-5')
  await form.getByRole('button', { name: 'Save', exact: true }).click()
  await form.getByText('Must be a number from 0 to 1,000,000.').waitFor(T)
  assert.equal(await dayStipend.getAttribute('aria-invalid'), 'true', 'the stipend field is marked')
  assert.equal((await api('OnCallAPI.Settings')).compensation.dayStipend ?? 0, 0, 'nothing was stored')
  await shot('bad-stipend')

  // 25 a day: the report changes, and says why.
  await dayStipend.fill('25')
  await form.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByText('Saved the on-call settings.').first().waitFor(T)
  await page.locator('#comp-table tr.why', { hasText: 'on-call days × 25.00' }).first().waitFor(T)
  const after = await row(page, 'Jo Weber')
  log(`after: ${after.join(' | ')}`)
  assert.notEqual(after[3], before[3], 'the stipends changed')
  assert.notEqual(after[4], before[4], 'the total changed')
  await shot('day-stipend')

  // The UK office's own rates, in GBP.
  await form.getByRole('button', { name: 'Add rates for a region' }).click()
  await form.getByLabel('Region', { exact: true }).selectOption({ label: 'UK office' })
  const cur = form.locator('#comp-r0-currency')
  await cur.fill('GB')
  await form.getByRole('button', { name: 'Save', exact: true }).click()
  await form.getByText('Currency must be a three-letter code like EUR.').waitFor(T)
  await cur.fill('GBP')
  await form.locator('#comp-r0-weekdayRate').fill('4')
  await form.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByText('UK office · own rates').first().waitFor(T)
  const ema = await row(page, 'Ema Stone')
  assert.match(ema[4], /£/, `Ema is paid in GBP: ${ema[4]}`)
  await page.getByText('Total in GBP').waitFor(T)
  await page.getByText('Total in EUR').waitFor(T)
  await shot('region-rates')

  // Export: in the browser a link to the file (the desktop app opens the
  // native save dialog instead); read it back.
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const link = page.getByRole('link', { name: `Save on-call-${month}.csv` })
  await link.waitFor(T)
  const [download] = await Promise.all([page.waitForEvent('download', T), link.click()])
  const csv = fs.readFileSync(await download.path(), 'utf8')
  // records, not lines: the note column holds the row's explanation, one
  // line per part (quoted, with line breaks inside)
  const records = parseCSV(csv)
  const head = records[0].join(',')
  assert.ok(head.startsWith('month,person,region,currency,hours,'), head)
  assert.ok(head.includes(',stipends,total,') && head.endsWith(',note'), head)
  // one row per person (earlier journeys may have put others on call this month)
  const people = records.slice(1).map((r) => r[1])
  assert.equal(new Set(people).size, people.length, `one row per person: ${people.join(', ')}`)
  assert.ok(people.includes('Jo Weber') && people.includes('Ema Stone'), people.join(', '))
  assert.ok(records.some((r) => r[1] === 'Ema Stone' && r[2] === 'UK office' && r[3] === 'GBP'), csv)
  assert.ok(records.some((r) => r.at(-1).includes('on-call days × 25.00')), csv)
  await shot('export')

  // No sideways scrolling on the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`)
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCSV(text) {
  const out = []
  let rec = [], field = '', quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') rec.push(field), (field = '')
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      rec.push(field), out.push(rec), (rec = []), (field = '')
    } else field += c
  }
  if (field !== '' || rec.length) rec.push(field), out.push(rec)
  return out
}
