import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { tick } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadDirectory: vi.fn(),
    loadPersonMentoring: vi.fn(),
    loadMentoring: vi.fn(),
    saveMentorship: vi.fn(),
    endMentorship: vi.fn(),
    recordCheckIn: vi.fn(),
    deleteMentorship: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { Mentorship, Pair, Suggestion } from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError, loadedRoster, person } from '../../../test/fixtures'
import { checkInText, dueBadge } from './labels'
import MentoringPanel from './MentoringPanel.svelte'
import MentoringView from './MentoringView.svelte'
import { planChanges } from './planChanges.svelte'

function pairOf(m: Partial<Mentorship>, checkIn: Pair['checkIn'] = { next: '2026-11-30', days: 7, due: false }): Pair {
  const mentorship: Mentorship = {
    id: 'x1',
    mentorId: 'kofi',
    menteeId: 'dana',
    focus: ['Go'],
    startDate: '2026-11-02',
    checkInEveryDays: 14,
    lastCheckIn: '2026-11-16',
    endedOn: '',
    notes: '',
    ...m,
  }
  return { mentorship, active: !mentorship.endedOn, checkIn: mentorship.endedOn ? { next: '', days: 0, due: false } : checkIn }
}

const MEI_FOR_DANA: Suggestion = {
  mentorId: 'mei',
  mentorName: 'Mei Tanaka',
  menteeId: 'dana',
  menteeName: 'Dana Xu',
  skills: [{ name: 'Kubernetes', level: 3 }],
  level: 3,
  mentorLoad: 1,
  reason: "Mei Tanaka is Proficient in Kubernetes; Dana Xu's plan lists Kubernetes as a growth area.",
}

beforeEach(() => {
  toasts.reset()
  loadedRoster({
    people: [
      person({ id: 'dana', name: 'Dana Xu' }),
      person({ id: 'kofi', name: 'Kofi Mensah' }),
      person({ id: 'mei', name: 'Mei Tanaka' }),
      person({ id: 'old', name: 'Old Timer', archived: true }),
    ],
  })
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('MentoringPanel', () => {
  it('lists mentors and mentees with their check-ins, and creates a pair from a suggestion', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPersonMentoring)
      .mockResolvedValueOnce({
        mentors: [pairOf({})],
        mentees: [pairOf({ id: 'x2', mentorId: 'dana', menteeId: 'mei', focus: [] }, { next: '2026-11-20', days: -3, due: true })],
        suggestions: [MEI_FOR_DANA],
      })
      .mockResolvedValueOnce({ mentors: [pairOf({}), pairOf({ id: 'x3', mentorId: 'mei', focus: ['Kubernetes'] })], mentees: [], suggestions: [] })
    vi.mocked(api.saveMentorship).mockImplementation(async (m) => ({ ...m, id: 'x3' }))
    render(MentoringPanel, { props: { personId: 'dana', personName: 'Dana Xu' } })

    const mentors = await screen.findByRole('list', { name: 'Mentors of Dana Xu' })
    expect(within(mentors).getByText('Kofi Mensah')).toBeInTheDocument()
    expect(within(mentors).getByText('next check-in 30 Nov 2026 (in 7 days)')).toBeInTheDocument()
    const mentees = screen.getByRole('list', { name: 'Mentees of Dana Xu' })
    expect(within(mentees).getByText('Mei Tanaka')).toBeInTheDocument()
    expect(within(mentees).getByText('check-in 3 days overdue')).toBeInTheDocument()

    const sug = screen.getByRole('list', { name: 'Suggested mentors for Dana Xu' })
    expect(within(sug).getByText(MEI_FOR_DANA.reason)).toBeInTheDocument()
    await user.click(within(sug).getByRole('button', { name: 'Create pair: Mei Tanaka mentors Dana Xu' }))
    expect(api.saveMentorship).toHaveBeenCalledWith(
      expect.objectContaining({ id: '', mentorId: 'mei', menteeId: 'dana', focus: ['Kubernetes'], startDate: '', checkInEveryDays: 14 }),
    )
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Mentors of Dana Xu' })).getByText('Mei Tanaka')).toBeInTheDocument())
    expect(screen.queryByRole('list', { name: 'Suggested mentors for Dana Xu' })).toBeNull()
    expect(toasts.items.map((t) => t.message)).toContain('Mei Tanaka now mentors Dana Xu.')
  })

  it('reloads the suggested mentors when this person’s plan is saved, not another’s', async () => {
    vi.mocked(api.loadPersonMentoring)
      .mockResolvedValueOnce({ mentors: [], mentees: [], suggestions: [] })
      .mockResolvedValueOnce({ mentors: [], mentees: [], suggestions: [MEI_FOR_DANA] })
    render(MentoringPanel, { props: { personId: 'dana', personName: 'Dana Xu' } })
    await screen.findByText('Dana Xu has no mentoring pairs yet.')
    planChanges.changed('someone-else')
    await tick()
    expect(api.loadPersonMentoring).toHaveBeenCalledTimes(1)
    planChanges.changed('dana') // e.g. Kubernetes added to her growth areas
    const sug = await screen.findByRole('list', { name: 'Suggested mentors for Dana Xu' })
    expect(within(sug).getByText('Mei Tanaka')).toBeInTheDocument()
    expect(api.loadPersonMentoring).toHaveBeenCalledTimes(2)
    expect(screen.getByText('Dana Xu has no mentoring pairs yet.')).toBeInTheDocument()
  })

  it('notes a check-in and ends a pairing', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPersonMentoring).mockResolvedValue({ mentors: [pairOf({})], mentees: [], suggestions: [] })
    vi.mocked(api.recordCheckIn).mockResolvedValue(pairOf({ lastCheckIn: '2026-11-23' }).mentorship)
    vi.mocked(api.endMentorship).mockResolvedValue(pairOf({ endedOn: '2026-11-23' }).mentorship)
    render(MentoringPanel, { props: { personId: 'dana', personName: 'Dana Xu' } })
    await user.click(await screen.findByRole('button', { name: 'Record a check-in today: Kofi Mensah' }))
    expect(api.recordCheckIn).toHaveBeenCalledWith('x1')
    await waitFor(() => expect(api.loadPersonMentoring).toHaveBeenCalledTimes(2))
    await user.click(screen.getByRole('button', { name: 'More actions for Kofi Mensah' }))
    await user.click(await screen.findByRole('menuitem', { name: 'End pairing' }))
    expect(api.endMentorship).toHaveBeenCalledWith('x1')
  })

  it('the add-pair dialog checks the choice, then shows a conflict next to the mentee', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadPersonMentoring).mockResolvedValue({ mentors: [], mentees: [], suggestions: [] })
    vi.mocked(api.saveMentorship).mockRejectedValue(
      goError({
        code: 'conflict',
        message: 'These two are already an active mentoring pair. Edit that pair instead, or end it first.',
        field: 'menteeId',
        fields: [{ field: 'menteeId', message: 'These two are already an active mentoring pair.' }],
      }),
    )
    render(MentoringPanel, { props: { personId: 'dana', personName: 'Dana Xu' } })
    expect(await screen.findByText('Dana Xu has no mentoring pairs yet.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add pair' }))
    const dialog = await screen.findByRole('dialog', { name: 'New mentoring pair' })
    expect(within(dialog).getByLabelText('Mentee')).toHaveValue('dana')
    // Archived people are not offered.
    expect(within(within(dialog).getByLabelText('Mentor')).queryByText('Old Timer')).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Create pair' }))
    expect(within(dialog).getByLabelText('Mentor')).toHaveAccessibleDescription('Choose the mentor.')
    expect(api.saveMentorship).not.toHaveBeenCalled()

    await user.selectOptions(within(dialog).getByLabelText('Mentor'), 'kofi')
    await user.type(within(dialog).getByLabelText('Focus areas'), 'Go, code review')
    await user.selectOptions(within(dialog).getByLabelText('Check in'), '7')
    await user.click(within(dialog).getByRole('button', { name: 'Create pair' }))
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Mentee')).toHaveAccessibleDescription('These two are already an active mentoring pair.'),
    )
    expect(vi.mocked(api.saveMentorship).mock.calls[0][0]).toMatchObject({
      id: '',
      mentorId: 'kofi',
      menteeId: 'dana',
      focus: ['Go', 'code review'],
      checkInEveryDays: 7,
    })
  })
})

describe('MentoringView', () => {
  it('lists active pairs (ended on request) and suggestions with "Create pair"', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadMentoring).mockResolvedValue({
      today: '2026-11-23',
      pairs: [pairOf({}, { next: '2026-11-23', days: 0, due: true }), pairOf({ id: 'x9', mentorId: 'mei', menteeId: 'kofi', endedOn: '2026-10-01' })],
      suggestions: [MEI_FOR_DANA],
    })
    vi.mocked(api.saveMentorship).mockRejectedValue(goError({ code: 'conflict', message: 'These two are already an active mentoring pair.' }))
    render(MentoringView)
    const active = await screen.findByRole('list', { name: 'Active pairs' })
    expect(within(active).getByText('Kofi Mensah → Dana Xu')).toBeInTheDocument()
    expect(within(active).getByText('check-in due today')).toBeInTheDocument()
    expect(screen.getByText('1 check-in due')).toBeInTheDocument()
    expect(screen.queryByRole('list', { name: 'Ended pairs' })).toBeNull()
    await user.click(screen.getByLabelText('Show 1 ended'))
    expect(within(screen.getByRole('list', { name: 'Ended pairs' })).getByText('Ended 1 Oct 2026')).toBeInTheDocument()

    const sug = screen.getByRole('list', { name: 'Suggested pairs' })
    expect(within(sug).getByText('Mei Tanaka → Dana Xu')).toBeInTheDocument()
    expect(within(sug).getByText('mentors 1 now')).toBeInTheDocument()
    await user.click(within(sug).getByRole('button', { name: 'Create pair: Mei Tanaka mentors Dana Xu' }))
    await waitFor(() => expect(toasts.items).toMatchObject([{ kind: 'error', message: 'These two are already an active mentoring pair.' }]))
  })

  it('says how suggestions come about when there are none', async () => {
    vi.mocked(api.loadMentoring).mockResolvedValue({ today: '2026-11-23', pairs: [], suggestions: [] })
    render(MentoringView)
    expect(await screen.findByText('No active mentoring pairs')).toBeInTheDocument()
    expect(screen.getByText(/someone’s plan lists a growth area/)).toBeInTheDocument()
  })
})

describe('labels', () => {
  it('due badges: late, this week, later, done', () => {
    expect(dueBadge('2026-02-27', '2026-02-28')).toEqual({ text: '1 day late', tone: 'danger' })
    expect(dueBadge('2026-03-01', '2026-02-28')).toEqual({ text: 'due tomorrow', tone: 'warn' })
    expect(dueBadge('2026-03-07', '2026-02-28')).toEqual({ text: 'due in 7 days', tone: 'warn' })
    expect(dueBadge('2026-03-08', '2026-02-28')).toEqual({ text: 'due 8 Mar 2026', tone: 'muted' })
    expect(dueBadge('2026-02-01', '2026-02-28', true)).toBeNull()
    expect(checkInText('2026-03-01', 1)).toBe('next check-in 1 Mar 2026 (in 1 day)')
    expect(checkInText('2026-02-27', -1)).toBe('check-in 1 day overdue')
  })
})
