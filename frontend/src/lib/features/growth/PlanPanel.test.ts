import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadPlan: vi.fn(),
    savePlan: vi.fn(),
    deletePlan: vi.fn(),
    setMilestoneDone: vi.fn(),
    setGoalStatus: vi.fn(),
    addEvidence: vi.fn(),
    removeEvidence: vi.fn(),
    loadEvidenceCandidates: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { EvidenceCandidates, Plan, PlanView } from '$lib/api'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError } from '../../../test/fixtures'
import PlanPanel from './PlanPanel.svelte'
import { planChanges } from './planChanges.svelte'

const TODAY = '2026-11-23'

function emptyPlan(p: Partial<Plan> = {}): Plan {
  return {
    personId: 'p1',
    targetRole: '',
    targetLevel: '',
    growthAreas: [],
    summary: '',
    goals: [],
    stretch: [],
    evidence: [],
    revision: 0,
    createdAt: '',
    updatedAt: '',
    ...p,
  }
}

function view(v: Partial<PlanView> = {}): PlanView {
  return {
    personId: 'p1',
    personName: 'Dana Xu',
    aspiration: 'architecture',
    level: 'L4',
    exists: false,
    plan: emptyPlan(),
    attention: [],
    ladder: ['L3', 'L4', 'L5'],
    today: TODAY,
    ...v,
  }
}

const FULL = view({
  exists: true,
  plan: emptyPlan({
    targetRole: 'Staff engineer',
    targetLevel: 'L5',
    growthAreas: ['Go', 'System design'],
    summary: 'Towards staff.',
    revision: 3,
    goals: [
      {
        id: 'g1',
        title: 'Lead an incident review',
        description: '',
        targetDate: '2026-12-15',
        status: 'in_progress',
        milestones: [
          { id: 'm1', title: 'Shadow a review', dueDate: '2026-11-20', done: false, doneOn: '' },
          { id: 'm2', title: 'Write the draft', dueDate: '2026-11-25', done: false, doneOn: '' },
          { id: 'm3', title: 'Read the guide', dueDate: '', done: true, doneOn: '2026-11-02' },
        ],
      },
    ],
    stretch: [
      { id: 's1', title: 'Run the on-call retro', description: '', startDate: '2026-12-01', endDate: '2026-12-31', status: 'planned' },
    ],
    evidence: [
      { id: 'e1', kind: 'incident', refId: 'i1', label: 'SEV2 Checkout down', date: '2026-10-02', note: '' },
    ],
  }),
  attention: [
    { goalId: 'g1', goalTitle: 'Lead an incident review', milestoneId: 'm1', title: 'Shadow a review', dueDate: '2026-11-20', late: true, days: -3 },
    { goalId: 'g1', goalTitle: 'Lead an incident review', milestoneId: 'm2', title: 'Write the draft', dueDate: '2026-11-25', late: false, days: 2 },
  ],
})

beforeEach(() => {
  toasts.reset()
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('PlanPanel', () => {
  it('without a plan: the aspiration and "Start a plan", which creates one from the editor', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(view())
    vi.mocked(api.savePlan).mockImplementation(async (input) =>
      view({
        exists: true,
        plan: emptyPlan({
          ...input,
          revision: 1,
          goals: input.goals.map((g, i) => ({ ...g, id: `g${i}`, milestones: g.milestones.map((m, j) => ({ ...m, id: `m${i}${j}` })) })),
        }),
      }),
    )
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    expect(await screen.findByText('No development plan yet')).toBeInTheDocument()
    expect(screen.getByText('Architecture')).toBeInTheDocument()
    expect(api.loadPlan).toHaveBeenCalledWith('p1')

    await user.click(screen.getByRole('button', { name: 'Start a plan' }))
    const dialog = await screen.findByRole('dialog', { name: 'Start a plan for Dana Xu' })
    await user.type(within(dialog).getByLabelText('Target role'), 'Staff engineer')
    await user.selectOptions(within(dialog).getByLabelText('Target level'), 'L5')
    await user.type(within(dialog).getByLabelText('Growth areas'), 'Go, system design,, ')
    const goal = within(dialog).getByRole('group', { name: 'Goal 1' })
    await user.type(within(goal).getByLabelText('Title'), 'Lead an incident review')
    await user.type(within(dialog).getByLabelText('Milestone 1 of goal 1'), 'Shadow a review')
    // Rows added and left empty are not sent.
    await user.click(within(dialog).getByRole('button', { name: 'Add milestone' }))
    await user.click(within(dialog).getByRole('button', { name: 'Add goal' }))
    await user.click(within(dialog).getByRole('button', { name: 'Add stretch assignment' }))
    await user.click(within(dialog).getByRole('button', { name: 'Create plan' }))

    await waitFor(() => expect(api.savePlan).toHaveBeenCalled())
    const sent = vi.mocked(api.savePlan).mock.calls[0][0]
    expect(sent).toMatchObject({
      personId: 'p1',
      targetRole: 'Staff engineer',
      targetLevel: 'L5',
      growthAreas: ['Go', 'system design'],
      revision: 0,
      goals: [{ id: '', title: 'Lead an incident review', status: 'not_started', milestones: [{ id: '', title: 'Shadow a review', done: false }] }],
      stretch: [],
    })
    expect(sent.goals).toHaveLength(1)
    expect(sent.goals[0]).not.toHaveProperty('key')
    expect(sent.goals[0].milestones).toHaveLength(1) // the blank second row was dropped
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByText('Lead an incident review')).toBeInTheDocument()
    expect(toasts.items.map((t) => t.message)).toEqual(['Started a development plan for Dana Xu.'])
    // The mentoring panel next to it hears of it (suggested mentors follow growth areas).
    expect(planChanges.personId).toBe('p1')
  })

  it('shows target, growth areas, goals with due and late milestones, stretch work and evidence', async () => {
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    expect(await screen.findByText('Lead an incident review')).toBeInTheDocument()
    expect(screen.getByText(/Staff engineer · L5/)).toBeInTheDocument()
    const areas = screen.getByLabelText('Growth areas')
    expect(within(areas).getByText('Go')).toBeInTheDocument()
    expect(within(areas).getByText('System design')).toBeInTheDocument()
    expect(screen.getByText('1 late')).toBeInTheDocument()
    expect(screen.getByText('1 due soon')).toBeInTheDocument()

    const ms = screen.getByRole('list', { name: 'Milestones of Lead an incident review' })
    const items = within(ms).getAllByRole('listitem')
    expect(within(items[0]).getByText('3 days late')).toBeInTheDocument()
    expect(within(items[1]).getByText('due in 2 days')).toBeInTheDocument()
    expect(within(items[2]).getByRole('checkbox', { name: 'Read the guide' })).toBeChecked()
    expect(within(items[2]).getByText('done 2 Nov 2026')).toBeInTheDocument()
    expect(screen.getByText('Run the on-call retro')).toBeInTheDocument()
    expect(screen.getByText('1 Dec 2026 – 31 Dec 2026')).toBeInTheDocument()
    expect(screen.getByText('SEV2 Checkout down')).toBeInTheDocument()
  })

  it('ticking a milestone saves just that milestone and shows the answer', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    const after = structuredClone(FULL)
    after.plan.goals[0].milestones[1] = { ...after.plan.goals[0].milestones[1], done: true, doneOn: TODAY }
    after.attention = after.attention.slice(0, 1)
    vi.mocked(api.setMilestoneDone).mockResolvedValue(after)
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('checkbox', { name: 'Write the draft' }))
    expect(api.setMilestoneDone).toHaveBeenCalledWith('p1', 'm2', true)
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Write the draft' })).toBeChecked())
    expect(screen.getByText('done 23 Nov 2026')).toBeInTheDocument()
    expect(screen.queryByText('1 due soon')).toBeNull()
  })

  it('a failed tick says why and reloads after a conflict', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    vi.mocked(api.setMilestoneDone).mockRejectedValue(goError({ code: 'not_found', message: 'This plan has no such milestone (any more).' }))
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('checkbox', { name: 'Write the draft' }))
    await waitFor(() => expect(api.loadPlan).toHaveBeenCalledTimes(2))
    expect(toasts.items).toMatchObject([{ kind: 'error', message: 'This plan has no such milestone (any more).' }])
  })

  it('the editor puts backend errors next to their inputs and the rest above the form', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    vi.mocked(api.savePlan).mockRejectedValue(
      goError({
        code: 'invalid',
        message: 'Problems',
        fields: [
          { field: 'goals.0.milestones.1.dueDate', message: 'Due date must be a date like 2026-03-01.' },
          { field: 'stretch.0.endDate', message: 'The end date 2026-11-30 is before the start date 2026-12-01.' },
          { field: 'growthAreas.1', message: 'A growth area is too long (61 characters; at most 60).' },
          { field: 'goals.0.milestones.0.doneOn', message: 'A done milestone needs the date it was done.' },
        ],
      }),
    )
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('button', { name: 'Edit plan' }))
    const dialog = await screen.findByRole('dialog', { name: 'Development plan · Dana Xu' })
    expect(within(dialog).getByLabelText('Milestone 2 of goal 1')).toHaveValue('Write the draft')
    await user.click(within(dialog).getByRole('button', { name: 'Save plan' }))

    const due = within(dialog).getByLabelText('Due date of milestone 2 of goal 1')
    await waitFor(() => expect(due).toHaveAccessibleDescription('Due date must be a date like 2026-03-01.'))
    const stretch = within(dialog).getByRole('group', { name: 'Assignment 1' })
    // Dates in messages read as the page shows dates; a format example stays.
    expect(within(stretch).getByLabelText('End')).toHaveAccessibleDescription(
      'The end date 30 Nov 2026 is before the start date 1 Dec 2026.',
    )
    expect(within(dialog).getByLabelText('Growth areas')).toHaveAccessibleDescription(
      'A growth area is too long (61 characters; at most 60).',
    )
    expect(within(dialog).getAllByRole('alert').some((a) => a.textContent === 'A done milestone needs the date it was done.')).toBe(true)
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Growth areas'))
    // The whole plan was sent back with its revision and evidence.
    expect(vi.mocked(api.savePlan).mock.calls[0][0]).toMatchObject({
      revision: 3,
      evidence: FULL.plan.evidence,
      stretch: [{ id: 's1', startDate: '2026-12-01' }],
    })
  })

  it('adds a note as evidence; an empty note is refused before any call', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    const after = structuredClone(FULL)
    after.plan.evidence.push({ id: 'e2', kind: 'note', refId: '', label: 'Ran the game day', date: TODAY, note: '' })
    vi.mocked(api.addEvidence).mockRejectedValueOnce(
      goError({ code: 'invalid', message: 'Bad', fields: [{ field: 'evidence.1.date', message: 'Date must be a date like 2026-03-01.' }] }),
    )
    vi.mocked(api.addEvidence).mockResolvedValueOnce(after)
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('button', { name: 'Add a note…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a note' })
    expect(within(dialog).getByLabelText('Date')).toHaveValue(TODAY)
    await user.click(within(dialog).getByRole('button', { name: 'Add note' }))
    expect(within(dialog).getByLabelText('What happened')).toHaveAccessibleDescription('Say what the note is about.')
    expect(api.addEvidence).not.toHaveBeenCalled()

    await user.type(within(dialog).getByLabelText('What happened'), 'Ran the game day')
    await user.click(within(dialog).getByRole('button', { name: 'Add note' }))
    await waitFor(() => expect(within(dialog).getByLabelText('Date')).toHaveAccessibleDescription('Date must be a date like 2026-03-01.'))
    await user.click(within(dialog).getByRole('button', { name: 'Add note' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByText('Ran the game day')).toBeInTheDocument()
    expect(api.addEvidence).toHaveBeenLastCalledWith('p1', { kind: 'note', refId: '', label: 'Ran the game day', date: TODAY, note: '' })
  })

  it('changes a goal status in place and removes evidence', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    const done = structuredClone(FULL)
    done.plan.goals[0].status = 'done'
    vi.mocked(api.setGoalStatus).mockResolvedValue(done)
    const noEvidence = structuredClone(done)
    noEvidence.plan.evidence = []
    vi.mocked(api.removeEvidence).mockResolvedValue(noEvidence)
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.selectOptions(await screen.findByLabelText('Status of Lead an incident review'), 'done')
    expect(api.setGoalStatus).toHaveBeenCalledWith('p1', 'g1', 'done')
    // A done goal's milestones are not due any more.
    await waitFor(() => expect(screen.queryByText('3 days late')).toBeNull())
    await user.click(screen.getByRole('button', { name: 'Remove “SEV2 Checkout down” from the evidence' }))
    expect(api.removeEvidence).toHaveBeenCalledWith('p1', 'e1')
    expect(await screen.findByText(/Nothing linked yet/)).toBeInTheDocument()
  })

  it('deletes the plan after confirming', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValueOnce(FULL).mockResolvedValueOnce(view())
    vi.mocked(api.deletePlan).mockResolvedValue()
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('button', { name: 'More plan actions' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Delete plan…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Dana Xu’s development plan?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete plan' }))
    expect(api.deletePlan).toHaveBeenCalledWith('p1')
    expect(await screen.findByText('No development plan yet')).toBeInTheDocument()
  })

  it('shows why the plan could not load', async () => {
    vi.mocked(api.loadPlan).mockRejectedValue(goError({ code: 'not_found', message: 'No person with id p9.' }))
    render(PlanPanel, { props: { personId: 'p9', personName: 'Nobody' } })
    expect(await screen.findByText('No person with id p9.')).toBeInTheDocument()
  })
})

const CANDIDATES: EvidenceCandidates = {
  items: [
    { kind: 'incident', refId: 'i3', label: 'SEV3 Queue backlog — responder', date: '2026-11-19', role: 'responder' },
    { kind: 'incident', refId: 'i2', label: 'SEV2 Payments DB failover — commander', date: '2026-11-12', role: 'commander' },
    { kind: 'feedback', refId: 'f1', label: 'positive feedback: Ran the failover calmly', date: '2026-11-13', role: '' },
    { kind: 'followup', refId: 'a1', label: 'Write the failover runbook', date: '2026-11-16', role: '' },
  ],
  more: ['incident'],
  limit: 2,
}

describe('PlanPanel: linking evidence', () => {
  it('shows linked evidence with its kind and a link to the record; notes and feedback stay plain', async () => {
    const v = structuredClone(FULL)
    v.plan.evidence.push(
      { id: 'e2', kind: 'feedback', refId: 'f1', label: 'positive feedback: Ran the failover calmly', date: '2026-11-13', note: 'Said so in the retro' },
      { id: 'e3', kind: 'followup', refId: 'a1', label: 'Follow-up: Write the failover runbook', date: '2026-11-16', note: '' },
      { id: 'e4', kind: 'note', refId: '', label: 'Ran the game day', date: '2026-11-20', note: '' },
    )
    vi.mocked(api.loadPlan).mockResolvedValue(v)
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    const list = await screen.findByRole('list', { name: 'Evidence' })
    const items = within(list).getAllByRole('listitem')
    expect(within(items[0]).getByText('Incident')).toBeInTheDocument()
    expect(within(items[0]).getByRole('link', { name: 'SEV2 Checkout down' })).toHaveAttribute('href', '#/incidents/i1')
    expect(within(items[1]).getByText('Feedback')).toBeInTheDocument()
    expect(within(items[1]).queryByRole('link')).toBeNull()
    expect(within(items[1]).getByText('Said so in the retro')).toBeInTheDocument()
    expect(within(items[2]).getByRole('link', { name: 'Follow-up: Write the failover runbook' })).toHaveAttribute('href', '#/followups/a1')
    expect(within(items[3]).getByText('Note')).toBeInTheDocument()
    expect(within(items[3]).queryByRole('link')).toBeNull()
  })

  it('lists candidates by kind, links the chosen one with a note, and puts field errors next to the field', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    vi.mocked(api.loadEvidenceCandidates).mockResolvedValue(CANDIDATES)
    const after = structuredClone(FULL)
    after.plan.evidence.push({ id: 'e2', kind: 'incident', refId: 'i2', label: 'SEV2 Payments DB failover', date: '2026-11-12', note: 'First as commander' })
    vi.mocked(api.addEvidence)
      .mockRejectedValueOnce(
        goError({
          code: 'invalid',
          message: 'Problems',
          fields: [
            { field: 'evidence.1.refId', message: 'The incident this evidence links to does not exist (any more).' },
            { field: 'evidence.1.note', message: 'Note is too long (2001 characters; at most 2000).' },
          ],
        }),
      )
      .mockResolvedValueOnce(after)
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('button', { name: 'Link evidence…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Link evidence' })
    expect(api.loadEvidenceCandidates).toHaveBeenCalledWith('p1')

    const incidents = await within(dialog).findByRole('group', { name: 'Incidents' })
    expect(within(incidents).getAllByRole('radio').map((r) => r.closest('label')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'SEV3 Queue backlog — responder 19 Nov 2026',
      'SEV2 Payments DB failover — commander 12 Nov 2026',
    ])
    expect(within(incidents).getByText('Only the newest 2 incidents are listed.')).toBeInTheDocument()
    expect(within(within(dialog).getByRole('group', { name: 'Feedback' })).getByRole('radio')).toHaveAccessibleName(
      'positive feedback: Ran the failover calmly 13 Nov 2026',
    )
    expect(within(dialog).getByRole('group', { name: 'Follow-ups' })).toBeInTheDocument()

    // Nothing chosen: said next to the list, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Link to the plan' }))
    const choices = within(dialog).getByRole('group', { name: 'What to link' })
    expect(choices).toHaveAccessibleDescription('Choose what to link.')
    expect(api.addEvidence).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(within(incidents).getAllByRole('radio')[0])

    // The keyboard moves through the choices.
    await user.keyboard('{ArrowDown}')
    const failover = within(dialog).getByRole('radio', { name: /Payments DB failover/ })
    expect(failover).toBeChecked()
    await user.type(within(dialog).getByLabelText(/^Note/), 'First as commander')
    await user.click(within(dialog).getByRole('button', { name: 'Link to the plan' }))
    await waitFor(() =>
      expect(choices).toHaveAccessibleDescription('The incident this evidence links to does not exist (any more).'),
    )
    expect(within(dialog).getByLabelText(/^Note/)).toHaveAccessibleDescription('Note is too long (2001 characters; at most 2000).')
    expect(document.activeElement).toBe(failover)

    await user.click(within(dialog).getByRole('button', { name: 'Link to the plan' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.addEvidence).toHaveBeenLastCalledWith('p1', { kind: 'incident', refId: 'i2', label: '', date: '', note: 'First as commander' })
    expect(screen.getByRole('link', { name: 'SEV2 Payments DB failover' })).toHaveAttribute('href', '#/incidents/i2')
    expect(screen.getByText('First as commander')).toBeInTheDocument()
    expect(toasts.items.map((t) => t.message)).toEqual(['Linked “SEV2 Payments DB failover — commander” to the plan.'])
  })

  it('filters the candidates and links feedback from the menu', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    vi.mocked(api.loadEvidenceCandidates).mockResolvedValue(CANDIDATES)
    vi.mocked(api.addEvidence).mockResolvedValue(FULL)
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('button', { name: 'More plan actions' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Link evidence…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Link evidence' })
    await within(dialog).findByRole('group', { name: 'Incidents' })
    await user.type(within(dialog).getByLabelText('Filter'), 'CALMLY')
    expect(within(dialog).getAllByRole('radio')).toHaveLength(1)
    expect(within(dialog).queryByRole('group', { name: 'Incidents' })).toBeNull()
    await user.type(within(dialog).getByLabelText('Filter'), ' nothing like it')
    expect(within(dialog).getByText('Nothing matches “CALMLY nothing like it”.')).toBeInTheDocument()
    await user.clear(within(dialog).getByLabelText('Filter'))
    await user.click(within(dialog).getByRole('radio', { name: /Ran the failover calmly/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Link to the plan' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.addEvidence).toHaveBeenCalledWith('p1', { kind: 'feedback', refId: 'f1', label: '', date: '', note: '' })
  })

  it('says when there is nothing to link, and why it could not list', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPlan).mockResolvedValue(FULL)
    vi.mocked(api.loadEvidenceCandidates)
      .mockRejectedValueOnce(goError({ code: 'unavailable', message: 'No workspace is open.' }))
      .mockResolvedValueOnce({ items: [], more: [], limit: 50 })
    render(PlanPanel, { props: { personId: 'p1', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('button', { name: 'Link evidence…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Link evidence' })
    expect(await within(dialog).findByText('No workspace is open.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }))
    expect(await within(dialog).findByText('Nothing to link yet')).toBeInTheDocument()
    expect(
      within(dialog).getByText(/Incidents they took part in, feedback delivered to them and follow-ups they closed show up here\./),
    ).toBeInTheDocument()
    expect(within(dialog).getByText(/What the plan links already is not listed again\./)).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: 'Link to the plan' })).toBeNull()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.addEvidence).not.toHaveBeenCalled()
  })
})
