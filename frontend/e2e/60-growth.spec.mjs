// Development plans and mentoring (issue 5) in the real app. Set up through
// the API: a report, Sam, with a career aspiration; a senior, Ava, who holds
// Go at 4 (Expert); an incident Sam commanded, a follow-up Sam owns and
// closed, feedback delivered to Sam. Then through the UI only: on Sam's
// Growth tab start a plan (target role, a target level from the ladder,
// growth areas with Go), a goal with two milestones (due in 5 and in 40
// days) and a stretch assignment. A goal without a title and a milestone
// without one are refused next to their inputs; once saved, the near
// milestone shows its due badge and the Mentoring panel beside the plan
// suggests Ava at once. Editing, a stretch assignment that ends before it
// starts is refused next to End. Link the incident as evidence (listed with
// its kind and note) and add a note of your own. The prep brief lists the
// milestone due in 5 days (not the one in 40); ticking it done takes it off.
// On the Mentoring screen Ava is suggested for Sam for Go; the pair is made
// from the suggestion, listed under Pairs and on Sam's Growth tab, where a
// check-in is recorded. Screenshots at 1280x800 at each step, and 1024x700
// dark of the Growth tab and Mentoring.
import assert from 'node:assert/strict'

const T = { timeout: 15_000 }
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}
/** "28 Nov 2026", as formatDate shows a civil date. */
function shortDate(date) {
  const [y, m, d] = date.split('-').map(Number)
  return `${d} ${MONTHS[m - 1]} ${y}`
}

const SAM = 'Sam Whitaker'
const AVA = 'Ava Lindqvist'
const INCIDENT = 'Payments DB failover'
const FOLLOWUP = 'Add a runbook for the DB failover'
const FEEDBACK = 'Kept the channel calm and posted updates every 15 minutes'
const GOAL = 'Own the payments service end to end'
const MS_NEAR = 'Ship the retry budget change'
const MS_FAR = 'Present the payments design review'
const STRETCH = 'Run the Q1 on-call retro'
const NOTE = 'Mentored the new joiner through their first deploy'

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

/** The error shown for a field: its id is the field's id + "-error" and the field points at it. */
async function fieldError(page, field) {
  const input = await field.elementHandle()
  const fid = await input.getAttribute('id')
  assert.equal(await field.getAttribute('aria-invalid'), 'true', `${fid} is marked invalid`)
  assert.equal(await field.getAttribute('aria-describedby'), `${fid}-error`, `${fid} is described by its error`)
  const err = page.locator(`#${fid}-error`)
  await err.waitFor(T)
  // Next to the field: inside the same .field, just under the input.
  const near = await page.evaluate(
    ([i, e]) => {
      const a = document.getElementById(i).getBoundingClientRect()
      const b = document.getElementById(e).getBoundingClientRect()
      return { sameField: document.getElementById(i).closest('.field') === document.getElementById(e).closest('.field'), gap: b.top - a.bottom, dx: b.left - a.left }
    },
    [fid, `${fid}-error`],
  )
  assert.ok(near.sameField, `${fid}: the error sits in the field's own box`)
  assert.ok(near.gap >= 0 && near.gap < 24 && Math.abs(near.dx) < 4, `${fid}: the error sits right under the input (${JSON.stringify(near)})`)
  return (await err.innerText()).trim()
}

/** A milestone row's error: a line right under the row, pointed at by the input. */
async function rowError(page, field) {
  const fid = await field.getAttribute('id')
  assert.equal(await field.getAttribute('aria-invalid'), 'true', `${fid} is marked invalid`)
  assert.equal(await field.getAttribute('aria-describedby'), `${fid}-error`, `${fid} is described by its error`)
  const err = page.locator(`#${fid}-error`)
  await err.waitFor(T)
  const under = await page.evaluate(
    ([i, e]) => {
      const row = document.getElementById(i).parentElement
      const a = row.getBoundingClientRect()
      const b = document.getElementById(e).getBoundingClientRect()
      return { next: row.nextElementSibling === document.getElementById(e), gap: b.top - a.bottom }
    },
    [fid, `${fid}-error`],
  )
  assert.ok(under.next && under.gap >= 0 && under.gap < 16, `${fid}: the error is right under its row (${JSON.stringify(under)})`)
  return (await err.innerText()).trim()
}

// The People table shows the rows in view (it is windowed): find the person by
// name, as a user with many people would, then open the row.
async function openPerson(page, name) {
  await page.locator('[data-search]').fill(name)
  await page.getByRole('link', { name, exact: true }).click()
}

export async function run({ page, shot: rawShot, log, waitForBindings, api }) {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const shot = async (name) => {
    await page.evaluate(() => document.querySelectorAll('.toast-close').forEach((b) => b.click()))
    return rawShot(name)
  }

  // ---- Setup through the API.
  const person = (name, extra = {}) => ({ name, email: '', role: 'Engineer', level: 'L4', timezone: 'Europe/Berlin',
    startDate: '', managerId: '', skills: [], aspiration: 'undecided', notes: '', ...extra })
  const mgr = await api('PeopleAPI.CreatePerson', person('Noor Haddad', { role: 'Engineering Manager', level: 'L6' }))
  const sam = await api('PeopleAPI.CreatePerson', person(SAM, { managerId: mgr.id, aspiration: 'ic', level: 'L3',
    skills: [{ name: 'Go', level: 2 }] }))
  const ava = await api('PeopleAPI.CreatePerson', person(AVA, { managerId: mgr.id, role: 'Senior Engineer', level: 'L5',
    skills: [{ name: 'Go', level: 4 }, { name: 'Postgres', level: 3 }] }))
  const today = (await api('GrowthAPI.Plan', sam.id)).today
  const near = addDays(today, 5)
  const far = addDays(today, 40)
  const startedAt = `${addDays(today, -9)}T09:12:00Z`
  const inc = await api('IncidentAPI.Create', { title: INCIDENT, severity: 2, status: 'resolved', startedAt,
    resolvedAt: `${addDays(today, -9)}T10:40:00Z`, commanderId: sam.id })
  const fu = await api('FollowUpAPI.Create', { title: FOLLOWUP, ownerId: sam.id, dueDate: addDays(today, -2), priority: 'medium',
    status: 'open', source: {} })
  await api('FollowUpAPI.SetStatus', fu.id, 'done', '')
  const fb = await api('OneOnOneAPI.SaveFeedback', { personId: sam.id, kind: 'positive', situation: `During the ${INCIDENT}`,
    behaviour: FEEDBACK, impact: 'Support could answer customers without guessing.', status: 'draft' })
  await api('OneOnOneAPI.DeliverFeedback', fb.id, addDays(today, -7), 'one_on_one')
  log(`today ${today}; sam ${sam.id}, ava ${ava.id}, incident ${inc.incident?.id ?? inc.id}`)

  await page.reload({ waitUntil: 'load' })
  await waitForBindings()

  // Dates in ISO (the defaults below are compared with it), chosen as a user
  // would: Settings > Appearance > Dates.
  await nav(page, 'Settings')
  await page.getByRole('radio', { name: /^ISO/ }).check()

  // ---- Sam's Growth tab: no plan yet; the aspiration comes from the profile.
  await nav(page, 'People')
  await openPerson(page, SAM)
  await tab(page, 'Growth')
  const panel = page.getByRole('region', { name: 'Development plan' })
  await panel.getByRole('heading', { name: 'No development plan yet' }).waitFor(T)
  await panel.getByText('(from their profile)').waitFor(T)
  assert.match(await panel.locator('dl').innerText(), /Aspiration\s+IC depth \(from their profile\)/)
  await shot('growth-empty')

  // ---- Start a plan.
  await panel.getByRole('button', { name: 'Start a plan' }).click()
  const dlg = page.getByRole('dialog', { name: `Start a plan for ${SAM}` })
  await dlg.waitFor(T)
  await dlg.getByLabel('Target role').fill('Senior engineer')
  await dlg.getByText('Now L3.').waitFor(T) // the target level's hint: where Sam is now
  const levels = await dlg.getByLabel('Target level').locator('option').allInnerTexts()
  assert.ok(levels.includes('L4') && levels.includes('L5'), `the target level offers the ladder: ${levels.join(', ')}`)
  await dlg.getByLabel('Target level').selectOption('L4')
  await dlg.getByLabel('Growth areas', { exact: true }).fill('Go, incident command')
  const goal = dlg.getByRole('group', { name: 'Goal 1' })
  // The goal title is left empty for now: milestones first.
  await goal.getByLabel('Milestone 1 of goal 1', { exact: true }).fill(MS_NEAR)
  await goal.getByLabel('Due date of milestone 1 of goal 1').fill(near)
  await goal.getByRole('button', { name: 'Add milestone' }).click()
  const ms2 = goal.getByLabel('Milestone 2 of goal 1', { exact: true })
  await ms2.waitFor(T)
  assert.equal(await ms2.evaluate((el) => el === document.activeElement), true, 'the new milestone has the focus')
  await ms2.fill(MS_FAR)
  await goal.getByLabel('Due date of milestone 2 of goal 1').fill(far)
  await goal.getByLabel('Target date').fill(addDays(today, 60))
  await goal.getByRole('button', { name: 'Add milestone' }).click()
  await goal.getByLabel('Due date of milestone 3 of goal 1').fill(addDays(today, 50)) // a date, no title
  await dlg.getByRole('button', { name: 'Add stretch assignment' }).click()
  const stretch = dlg.getByRole('group', { name: 'Assignment 1' })
  await stretch.getByLabel('Title').fill(STRETCH)
  await stretch.getByLabel('Start').fill(addDays(today, 14))
  await stretch.getByLabel('End').fill(addDays(today, 30))
  await stretch.getByLabel('Status').selectOption('planned')

  // A goal without a title, and a milestone with a date but no title, are refused
  // next to their inputs; the first gets the focus.
  await dlg.getByRole('button', { name: 'Create plan' }).click()
  const goalTitle = goal.getByLabel('Title', { exact: true })
  assert.equal(await fieldError(page, goalTitle), 'Give the goal a title.')
  assert.equal(await goalTitle.evaluate((el) => el === document.activeElement), true, 'the invalid field has the focus')
  const ms3 = goal.getByLabel('Milestone 3 of goal 1', { exact: true })
  assert.equal(await rowError(page, ms3), 'Give the milestone a title.')
  assert.equal(await dlg.locator('.banner-error').count(), 0, 'nothing is left over for the banner')
  await shot('plan-editor-field-error')
  await ms3.scrollIntoViewIfNeeded()
  await shot('plan-editor-milestone-error')
  await goalTitle.fill(GOAL)
  assert.equal(await goalTitle.getAttribute('aria-invalid'), null, 'typing clears the error')
  await goal.getByRole('button', { name: 'Remove milestone 3 of goal 1' }).click()
  assert.equal(await goal.getByLabel('Milestone 3 of goal 1', { exact: true }).count(), 0)
  await dlg.locator('.modal-body').evaluate((el) => (el.scrollTop = 0))
  await shot('plan-editor-top')
  await dlg.locator('.modal-body').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await shot('plan-editor-bottom')
  await dlg.getByRole('button', { name: 'Create plan' }).click()
  await dlg.waitFor({ state: 'detached', ...T })
  await page.getByText(`Started a development plan for ${SAM}.`).waitFor(T)

  // ---- The plan as shown: target, areas, the goal, its milestones with due badges, the stretch assignment.
  await panel.getByText('Senior engineer · L4').waitFor(T)
  await panel.getByText('(now L3)').waitFor(T)
  await panel.getByLabel('Growth areas').getByText('Go', { exact: true }).waitFor(T)
  await panel.getByText(GOAL, { exact: true }).waitFor(T)
  const milestones = panel.getByRole('list', { name: `Milestones of ${GOAL}` })
  const nearRow = milestones.getByRole('listitem').filter({ hasText: MS_NEAR })
  const farRow = milestones.getByRole('listitem').filter({ hasText: MS_FAR })
  await nearRow.getByText('due in 5 days', { exact: true }).waitFor(T)
  await farRow.getByText(`due ${shortDate(far)}`, { exact: true }).waitFor(T)
  await panel.locator('header').getByText('1 due soon').waitFor(T)
  await panel.getByText(STRETCH).waitFor(T)
  // The goal's status is said once, by its select.
  assert.equal(await panel.getByRole('combobox', { name: `Status of ${GOAL}` }).inputValue(), 'not_started')
  assert.equal(await panel.locator('.goal-head .tag').filter({ hasText: 'Not started' }).count(), 0, 'no tag repeats the status')
  // The mentoring panel next to the plan follows its new growth area at once: Ava for Go.
  const suggested = page.getByRole('list', { name: `Suggested mentors for ${SAM}` })
  await suggested.getByRole('listitem').filter({ hasText: AVA }).getByText('Go', { exact: true }).waitFor(T)
  await shot('plan-saved')

  // ---- Edit: a stretch assignment that ends before it starts is refused next to End.
  await panel.getByRole('button', { name: 'Edit plan' }).click()
  const edit = page.getByRole('dialog', { name: `Development plan · ${SAM}` })
  await edit.waitFor(T)
  const end = edit.getByRole('group', { name: 'Assignment 1' }).getByLabel('End')
  await end.fill(addDays(today, 10))
  await edit.getByRole('button', { name: 'Save plan' }).click()
  const endMsg = await fieldError(page, end)
  assert.equal(endMsg, `The end date ${shortDate(addDays(today, 10))} is before the start date ${shortDate(addDays(today, 14))}.`)
  await shot('plan-editor-end-before-start')
  await end.fill(addDays(today, 30))
  await edit.getByRole('button', { name: 'Save plan' }).click()
  await edit.waitFor({ state: 'detached', ...T })
  await page.getByText('Plan saved.').waitFor(T)

  // ---- Link the incident as evidence.
  await panel.getByRole('button', { name: 'Link evidence…' }).click()
  const link = page.getByRole('dialog', { name: 'Link evidence' })
  await link.waitFor(T)
  const choices = link.getByRole('group', { name: 'What to link' })
  await choices.getByRole('group', { name: 'Incidents' }).getByText(new RegExp(`${INCIDENT} — commander`)).waitFor(T)
  await choices.getByRole('group', { name: 'Feedback' }).getByText(FEEDBACK, { exact: false }).waitFor(T)
  await choices.getByRole('group', { name: 'Follow-ups' }).getByText(FOLLOWUP).waitFor(T)
  await shot('link-evidence')
  // Nothing chosen: said next to the list.
  await link.getByRole('button', { name: 'Link to the plan' }).click()
  await link.getByRole('alert').filter({ hasText: 'Choose what to link.' }).waitFor(T)
  await choices.getByRole('radio', { name: new RegExp(INCIDENT) }).check()
  await link.getByLabel(/^Note/).fill('First incident as commander')
  await link.getByRole('button', { name: 'Link to the plan' }).click()
  await link.waitFor({ state: 'detached', ...T })
  const evidence = panel.getByRole('list', { name: 'Evidence' })
  const incRow = evidence.getByRole('listitem').filter({ hasText: INCIDENT })
  await incRow.waitFor(T)
  await incRow.getByText('Incident', { exact: true }).waitFor(T)
  await incRow.getByText('First incident as commander').waitFor(T)
  assert.match(await incRow.getByRole('link').getAttribute('href'), /#\/incidents\//)

  // ---- Add a note.
  await panel.getByRole('button', { name: 'Add a note…' }).click()
  const noteDlg = page.getByRole('dialog', { name: 'Add a note' })
  await noteDlg.waitFor(T)
  assert.equal(await noteDlg.getByLabel('Date').inputValue(), today, 'a note is dated today by default')
  await noteDlg.getByLabel('What happened').fill(NOTE)
  await noteDlg.getByRole('button', { name: 'Add note' }).click()
  await noteDlg.waitFor({ state: 'detached', ...T })
  const noteRow = evidence.getByRole('listitem').filter({ hasText: NOTE })
  await noteRow.getByText('Note', { exact: true }).waitFor(T)
  assert.equal(await evidence.getByRole('listitem').count(), 2)
  await shot('plan-evidence')

  // ---- The prep brief lists the milestone due in 5 days (not the one in 40).
  await tab(page, 'Prep brief')
  const goals = page.getByRole('region', { name: 'Plan: due or late' })
  await goals.getByText(`${MS_NEAR} (${GOAL})`).waitFor(T)
  await goals.getByText('due in 5 days').waitFor(T)
  assert.equal(await goals.getByText(MS_FAR).count(), 0, 'the milestone in 40 days is not due yet')
  await goals.scrollIntoViewIfNeeded()
  await shot('brief-milestone-due')

  // ---- Tick it done on the Growth tab: it leaves the brief.
  await tab(page, 'Growth')
  const box = panel.getByRole('checkbox', { name: MS_NEAR })
  await box.check()
  await panel.getByRole('list', { name: `Milestones of ${GOAL}` }).getByText(`done ${shortDate(today)}`).waitFor(T)
  assert.equal(await box.isChecked(), true)
  assert.equal(await panel.locator('header').getByText('due soon').count(), 0, 'nothing is due soon any more')
  await shot('milestone-done')
  await tab(page, 'Prep brief')
  const goalsAfter = page.getByRole('region', { name: 'Plan: due or late' })
  await goalsAfter.getByText('Nothing due in the next two weeks.').waitFor(T)
  assert.equal(await goalsAfter.getByText(MS_NEAR).count(), 0, 'the milestone done is off the brief')

  // ---- Mentoring: Ava is suggested for Sam, for Go; create the pair from the suggestion.
  await nav(page, '1:1s & health')
  await page.getByRole('navigation', { name: '1:1s and health views' }).getByRole('link', { name: 'Mentoring' }).click()
  await page.getByRole('heading', { level: 1, name: /^Mentoring/ }).waitFor(T)
  const suggestions = page.getByRole('list', { name: 'Suggested pairs' })
  const sug = suggestions.getByRole('listitem').filter({ hasText: `${AVA} → ${SAM}` })
  await sug.waitFor(T)
  await sug.getByText('Go', { exact: true }).waitFor(T)
  log(`suggestion: ${(await sug.innerText()).replace(/\s+/g, ' ')}`)
  await shot('mentoring-suggestion')
  await sug.getByRole('button', { name: `Create pair: ${AVA} mentors ${SAM}` }).click()
  await page.getByText(`${AVA} now mentors ${SAM}.`).waitFor(T)
  const pairs = page.getByRole('list', { name: 'Active pairs' })
  const pair = pairs.getByRole('listitem').filter({ hasText: `${AVA} → ${SAM}` })
  await pair.waitFor(T)
  await pair.getByText('Go', { exact: true }).waitFor(T)
  await pair.getByText(/every two weeks/).waitFor(T)
  assert.equal(await suggestions.getByRole('listitem').filter({ hasText: `${AVA} → ${SAM}` }).count(), 0,
    'an active pair is not suggested again')
  await shot('mentoring-pair')

  // ---- The pair on Sam's Growth tab; record a check-in there.
  await nav(page, 'People')
  await openPerson(page, SAM)
  await tab(page, 'Growth')
  const mentoring = page.getByRole('region', { name: 'Mentoring' })
  const mine = mentoring.getByRole('list', { name: `Mentors of ${SAM}` })
  const row = mine.getByRole('listitem').filter({ hasText: AVA })
  await row.waitFor(T)
  await row.getByText(`next check-in ${shortDate(addDays(today, 14))} (in 14 days)`).waitFor(T)
  await row.getByRole('button', { name: `Record a check-in today: ${AVA}` }).click()
  await page.getByText(`Check-in of ${AVA} noted.`).waitFor(T)
  await row.getByText(`last check-in ${shortDate(today)}`).waitFor(T)
  const stored = await api('GrowthAPI.PersonMentoring', sam.id)
  assert.equal(stored.mentors.length, 1)
  assert.equal(stored.mentors[0].mentorship.lastCheckIn, today, 'the check-in is stored')
  await mentoring.scrollIntoViewIfNeeded()
  await shot('growth-mentoring-checkin')

  // ---- 1024x700, dark: the Growth tab and Mentoring; nothing scrolls sideways.
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' })
  await page.reload({ waitUntil: 'load' })
  await waitForBindings()
  await page.getByRole('region', { name: 'Development plan' }).getByText(GOAL, { exact: true }).waitFor(T)
  await page.getByRole('region', { name: 'Mentoring' }).getByText(AVA).waitFor(T)
  await noSidewaysScroll(page, 'growth tab')
  await shot('1024x700-dark-growth')
  await page.locator('.page-body').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await shot('1024x700-dark-growth-mentoring')
  await nav(page, '1:1s & health')
  await page.getByRole('navigation', { name: '1:1s and health views' }).getByRole('link', { name: 'Mentoring' }).click()
  await page.getByRole('list', { name: 'Active pairs' }).getByText(`${AVA} → ${SAM}`).waitFor(T)
  await noSidewaysScroll(page, 'mentoring')
  await shot('1024x700-dark-mentoring')
}
