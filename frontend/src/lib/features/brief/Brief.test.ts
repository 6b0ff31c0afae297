import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, loadBrief: vi.fn(), briefMarkdown: vi.fn(), saveBriefMarkdown: vi.fn() }
})

import * as api from '$lib/api'
import { toasts } from '$lib/stores/toasts.svelte'
import { brief as fu } from '../../../test/fixtures'
import { cadence, entry, load, prepBrief, topic } from '../oneonones/test-fixtures'
import BriefTab from './BriefTab.svelte'

beforeEach(() => {
  toasts.reset()
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

const FULL = prepBrief({
  cadence: cadence(),
  since: '2026-11-01',
  daysSince: 23,
  lastMeeting: { id: 'm1', date: '2026-11-01', status: 'held', sharedNotes: 'Agreed on the offsite', privateNotes: '', mood: 2, energy: 3 },
  topics: [topic({ id: 't1', text: 'Promotion case', by: 'them', carried: 2, carriedFrom: '2026-11-01' })],
  followUpsTheirs: [fu({ id: 'f1', title: 'Write up the case', ownerId: 'dana', dueDate: '2026-11-20' })],
  followUpsMine: [fu({ id: 'f2', title: 'Share the rubric', ownerId: 'mara', dueDate: '2026-12-01' })],
  feedbackDrafts: [entry({ id: 'e1', kind: 'constructive', behaviour: 'Skipped the rollback plan' })],
  mood: [
    { date: '2026-10-04', mood: 4, energy: 4 },
    { date: '2026-10-18', mood: 4, energy: 3 },
    { date: '2026-11-01', mood: 2, energy: 3 },
  ],
  moodTrend: 'falling',
  oncall: load({ inRotation: true, shifts: 2, hours: 168, nightHours: 63, weekendHours: 48, holidayHours: 24, holidays: ['Christmas Day'], pages: 3, nightPages: 1, weeksOnCall: 5, weeks: 12, tooFrequent: true }),
  incidents: [{ id: 'i1', title: 'Checkout down', severity: 1, status: 'resolved', startedAt: '2026-11-12T02:00:00Z', role: 'commander' }],
  suggestions: [{ kind: 'oncall', text: '63 night hours on call since your last 1:1: check in on load and sleep', why: 'Night hours are 22:00-07:00 in their time zone.' }],
  includesPrivate: true,
})

describe('Prep brief', () => {
  it('lays out everything since the last 1:1: days, cadence, agenda with reasons, topics, follow-ups, on call, mood, incidents', async () => {
    vi.mocked(api.loadBrief).mockResolvedValue(FULL)
    render(BriefTab, { personId: 'dana', personName: 'Dana Reyes' })
    await screen.findByRole('heading', { name: 'Prep for your 1:1 with Dana Reyes' })
    expect(api.loadBrief).toHaveBeenCalledWith('dana', false)
    expect(screen.getByText('23')).toBeInTheDocument()
    expect(screen.getByTestId('brief-cadence')).toHaveClass('overdue')
    const sugg = screen.getByRole('region', { name: 'Suggested agenda' })
    expect(within(sugg).getByText(/63 night hours on call/)).toBeInTheDocument()
    expect(within(sugg).getByText('Night hours are 22:00-07:00 in their time zone.')).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: /Open topics/ })).getByText('carried from 1 Nov ×2')).toBeInTheDocument()

    const fus = screen.getByRole('region', { name: /Follow-ups/ })
    const theirs = within(fus).getByRole('link', { name: 'Write up the case' }).closest('li')!
    expect(theirs).toHaveClass('late')
    expect(within(theirs).getByText('Overdue')).toBeInTheDocument()
    const mine = within(fus).getByRole('link', { name: 'Share the rubric' }).closest('li')!
    expect(mine).not.toHaveClass('late')

    const oncall = screen.getByRole('region', { name: /On call since 1 Nov/ })
    const stat = (name: string) => within(oncall).getByText(name, { selector: 'dt' }).nextElementSibling
    expect(stat('Shifts')).toHaveTextContent('2')
    expect(stat('Night h')).toHaveTextContent('63')
    expect(stat('Holiday h')).toHaveTextContent('24')
    expect(stat('Pages')).toHaveTextContent('3 (1 at night)')
    expect(within(oncall).getByText('On call on Christmas Day.')).toBeInTheDocument()
    expect(within(oncall).getByText('Too often')).toBeInTheDocument()

    expect(screen.getByRole('img', { name: 'Mood at the last 3 check-ins: 4, 4, 2 (falling)' })).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Feedback' })).getByText('Skipped the rollback plan')).toBeInTheDocument()
    const inc = screen.getByRole('region', { name: /Incidents since/ })
    expect(within(inc).getByRole('link', { name: 'Checkout down' })).toBeInTheDocument()
    expect(within(inc).getByText('commander')).toBeInTheDocument()
  })

  it('says what is missing: no 1:1 held yet, not in any rotation, no check-ins', async () => {
    vi.mocked(api.loadBrief).mockResolvedValue(prepBrief({ includesPrivate: true }))
    render(BriefTab, { personId: 'dana', personName: 'Dana Reyes' })
    expect(await screen.findByText('No 1:1 held yet', { selector: '.since *' })).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: /On call since/ })).getByText('Not in any rotation.')).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Mood' })).getByText('No check-ins recorded yet.')).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: /Open topics/ })).getByText('No 1:1 held yet.')).toBeInTheDocument()
  })

  it('without private data: moods and the words of feedback drafts are not shown, and it says so', async () => {
    vi.mocked(api.loadBrief).mockResolvedValue({ ...FULL, includesPrivate: false, mood: [], moodTrend: '',
      feedbackDrafts: [entry({ id: 'e1', kind: 'constructive', behaviour: '', createdAt: '2026-11-20T10:00:00Z' })] })
    render(BriefTab, { personId: 'dana', personName: 'Dana Reyes' })
    await screen.findByRole('heading', { name: 'Prep for your 1:1 with Dana Reyes' })
    expect(within(screen.getByRole('region', { name: 'Mood' })).getByText(/Check-ins are private/)).toBeInTheDocument()
    expect(screen.queryByRole('img', { name: /^Mood at the last/ })).toBeNull()
    expect(within(screen.getByRole('region', { name: 'Feedback' })).getByText('Drafted Fri 20 Nov · its words are private')).toBeInTheDocument()
  })

  it('private notes: off by default; on, the brief is re-read with them and a warning says exports contain them', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadBrief).mockImplementation(async (_id, priv) => ({
      ...FULL,
      includesPrivate: !!priv,
      lastMeeting: { ...FULL.lastMeeting!, privateNotes: priv ? 'Worried about burnout' : '' },
    }))
    render(BriefTab, { personId: 'dana', personName: 'Dana Reyes' })
    const box = await screen.findByRole('checkbox', { name: 'Include private notes' })
    expect(box).not.toBeChecked()
    expect(screen.queryByText('Worried about burnout')).toBeNull()
    expect(screen.queryByText(/exports will contain them/)).toBeNull()

    await user.click(box)
    await waitFor(() => expect(api.loadBrief).toHaveBeenLastCalledWith('dana', true))
    expect(await screen.findByText('Worried about burnout')).toBeInTheDocument()
    expect(screen.getByRole('note')).toHaveTextContent('Private notes are shown, and exports will contain them.')

    await user.click(box)
    await waitFor(() => expect(api.loadBrief).toHaveBeenLastCalledWith('dana', false))
    await waitFor(() => expect(screen.queryByText('Worried about burnout')).toBeNull())
  })

  it('exports Markdown without private notes unless asked; in a browser it offers a download, not the native dialog', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadBrief).mockResolvedValue(FULL)
    vi.mocked(api.briefMarkdown).mockImplementation(async (_id, priv) => ({
      name: '1-1 prep Dana Reyes 2026-11-24',
      text: priv ? '# 1:1 prep\n\n### Private notes (included on request)\n' : '# 1:1 prep\n\n_Private notes are not included._\n',
      path: '',
    }))
    render(BriefTab, { personId: 'dana', personName: 'Dana Reyes' })
    await user.click(await screen.findByRole('button', { name: 'Export Markdown' }))
    let dlg = screen.getByRole('dialog', { name: 'Export the prep brief' })
    await waitFor(() => expect(within(dlg).getByLabelText('Markdown')).toHaveValue('# 1:1 prep\n\n_Private notes are not included._\n'))
    expect(api.briefMarkdown).toHaveBeenLastCalledWith('dana', false)
    expect(within(dlg).getByText('Private notes, moods and feedback text are left out.')).toBeInTheDocument()
    expect(within(dlg).getByRole('link', { name: /Download 1-1 prep Dana Reyes 2026-11-24\.md/ })).toBeInTheDocument()
    expect(within(dlg).queryByRole('button', { name: 'Save as…' })).toBeNull()
    await user.click(within(dlg).getByRole('button', { name: 'Done' }))

    await user.click(screen.getByRole('checkbox', { name: 'Include private notes' }))
    await user.click(screen.getByRole('button', { name: 'Export Markdown' }))
    dlg = screen.getByRole('dialog', { name: 'Export the prep brief' })
    await waitFor(() => expect(api.briefMarkdown).toHaveBeenLastCalledWith('dana', true))
    expect(within(dlg).getByRole('note')).toHaveTextContent('This export contains your private notes.')
    expect(api.saveBriefMarkdown).not.toHaveBeenCalled()
  })

  it('in the desktop app "Save as…" goes through the native dialog, with the same choice about private notes', async () => {
    const user = userEvent.setup()
    const w = window as unknown as { webkit?: unknown }
    w.webkit = { messageHandlers: { external: { postMessage: () => {} } } }
    try {
      vi.mocked(api.loadBrief).mockResolvedValue(FULL)
      vi.mocked(api.briefMarkdown).mockResolvedValue({ name: 'brief', text: '# 1:1 prep', path: '' })
      vi.mocked(api.saveBriefMarkdown).mockResolvedValue({ name: 'brief', text: '', path: '/home/me/brief.md' })
      render(BriefTab, { personId: 'dana', personName: 'Dana Reyes' })
      await user.click(await screen.findByRole('button', { name: 'Export Markdown' }))
      const dlg = screen.getByRole('dialog', { name: 'Export the prep brief' })
      await user.click(await within(dlg).findByRole('button', { name: 'Save as…' }))
      expect(api.saveBriefMarkdown).toHaveBeenCalledWith('dana', false)
      await waitFor(() => expect(toasts.items.map((t) => t.message)).toContain('Saved /home/me/brief.md.'))
    } finally {
      delete w.webkit
    }
  })
})
