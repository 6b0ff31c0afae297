import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadDirectory: vi.fn(),
    loadOneOnOnes: vi.fn(),
    saveSeries: vi.fn(),
    checkSeries: vi.fn(),
    startMeeting: vi.fn(),
    saveMeeting: vi.fn(),
    deleteMeeting: vi.fn(),
    meetingFollowUps: vi.fn(),
    addMeetingFollowUp: vi.fn(),
    seriesICS: vi.fn(),
    saveSeriesICS: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { Meeting } from '$lib/api'
import { personOneOnOnes } from '$lib/stores/oneonones.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { router } from '$lib/stores/router.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { directory, goError, person } from '../../../test/fixtures'
import MeetingEditor from './MeetingEditor.svelte'
import OneOnOnesTab from './OneOnOnesTab.svelte'
import { cadence, meeting, page, series, topic, TODAY } from './test-fixtures'

beforeEach(() => {
  personOneOnOnes.reset()
  roster.reset()
  router.reset()
  toasts.reset()
  vi.mocked(api.loadDirectory).mockResolvedValue(
    directory({ people: [person({ id: 'mara', name: 'Mara Quint' }), person({ id: 'dana', name: 'Dana Reyes', managerId: 'mara' })] }),
  )
  vi.mocked(api.meetingFollowUps).mockResolvedValue([])
  vi.mocked(api.checkSeries).mockResolvedValue({})
  vi.mocked(api.saveMeeting).mockImplementation(async (m: Meeting) => ({
    ...m,
    agenda: m.agenda.map((a, i) => ({ ...a, id: a.id || `saved-${i}`, originId: a.originId || `saved-${i}` })),
  }))
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

const CARRIED = meeting({
  id: 'm2',
  date: TODAY,
  agenda: [
    topic({ id: 'a1', text: 'Promotion case', by: 'them', carried: 2, carriedFrom: '2026-11-10' }),
    topic({ id: 'a2', text: 'Team offsite', carried: 1, carriedFrom: '2026-11-10' }),
    topic({ id: 'a3', text: 'New topic today' }),
  ],
})

function editor(m: Meeting = CARRIED, props: Partial<{ managerId: string; onclose: () => void; onchanged: () => void }> = {}) {
  const onclose = props.onclose ?? vi.fn()
  const onchanged = props.onchanged ?? vi.fn()
  render(MeetingEditor, { meeting: m, personName: 'Dana Reyes', managerId: props.managerId ?? 'mara', today: TODAY, onclose, onchanged })
  return { onclose, onchanged }
}

function topicTexts(): string[] {
  return screen.getAllByRole('textbox', { name: /^Topic \d+$/ }).map((el) => (el as HTMLInputElement).value)
}

describe('1:1s tab', () => {
  it('shows an overdue cadence as a warning, with the backend’s words', async () => {
    vi.mocked(api.loadOneOnOnes).mockResolvedValue(page({ hasSeries: true, series: series(), status: cadence() }))
    render(OneOnOnesTab, { personId: 'dana', personName: 'Dana Reyes', managerId: 'mara' })
    const status = await screen.findByTestId('cadence-status')
    expect(status).toHaveTextContent('No 1:1 with Dana Reyes for 23 days (cadence 14).')
    expect(status).toHaveClass('overdue')
    expect(screen.getByText('Every two weeks')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'No 1:1 held yet' })).toBeInTheDocument()
  })

  it('says when the 1:1 is for a report in another zone, and warns outside their working hours', async () => {
    const slot = {
      date: '2026-12-04', start: '2026-12-04T09:00:00Z', end: '2026-12-04T09:30:00Z', managerZone: 'Europe/Berlin',
      reportZone: 'America/Los_Angeles', sameZone: false, reportWeekday: 5, reportTime: '01:00', reportEndTime: '01:30', outsideHours: true,
    }
    vi.mocked(api.loadOneOnOnes).mockResolvedValue(
      page({ hasSeries: true, series: series({ weekday: 5, time: '10:00' }), status: cadence(), slot }),
    )
    render(OneOnOnesTab, { personId: 'dana', personName: 'Dana Reyes', managerId: 'mara' })
    const zones = await screen.findByTestId('cadence-zones')
    expect(zones).toHaveTextContent('Fri 10:00 for you (Berlin), Fri 01:00 for Dana in Los Angeles — outside their working hours')
    expect(zones).toHaveClass('outside')
  })

  it('says nothing more when the report reads the same time', async () => {
    vi.mocked(api.loadOneOnOnes).mockResolvedValue(page({ hasSeries: true, series: series(), status: cadence(), slot: null }))
    render(OneOnOnesTab, { personId: 'dana', personName: 'Dana Reyes', managerId: 'mara' })
    await screen.findByTestId('cadence-status')
    expect(screen.queryByTestId('cadence-zones')).toBeNull()
  })

  it('a status that is not overdue has no warning style', async () => {
    vi.mocked(api.loadOneOnOnes).mockResolvedValue(
      page({ hasSeries: true, series: series(), status: cadence({ overdue: false, daysOverdue: 0, message: 'Next 1:1 with Dana Reyes due Tue 1 Dec.' }) }),
    )
    render(OneOnOnesTab, { personId: 'dana', personName: 'Dana Reyes', managerId: 'mara' })
    const status = await screen.findByTestId('cadence-status')
    expect(status).not.toHaveClass('overdue')
  })

  it('warns under the fields, while editing, of a time the clocks change around; the saved cadence says it too', async () => {
    const user = userEvent.setup()
    const W = "On Sun 28 Mar 2027 the clocks in Europe/Berlin go forward at this 1:1's time: calendar apps show such a 1:1 at different times."
    vi.mocked(api.loadOneOnOnes).mockResolvedValue(page({ hasSeries: true, series: series(), status: cadence(), dstWarning: W }))
    vi.mocked(api.checkSeries).mockImplementation(async (s): Promise<Record<string, string>> => (s.time === '02:30' ? { time: W } : {}))
    render(OneOnOnesTab, { personId: 'dana', personName: 'Dana Reyes', managerId: 'mara' })
    expect(await screen.findByTestId('cadence-dst-warning')).toHaveTextContent(W)
    await user.click(screen.getByRole('button', { name: 'Edit cadence' }))
    await waitFor(() => expect(api.checkSeries).toHaveBeenCalled())
    expect(screen.queryByTestId('cadence-dst-warning')).toBeNull()
    const time = screen.getByLabelText('Time')
    await fireEvent.input(time, { target: { value: '02:30' } })
    expect(await screen.findByTestId('cadence-dst-warning')).toHaveTextContent(W)
    expect(vi.mocked(api.checkSeries).mock.lastCall?.[0]).toMatchObject({ personId: 'dana', time: '02:30' })
  })

  it('puts a cadence validation message next to its field', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadOneOnOnes).mockResolvedValue(page())
    vi.mocked(api.saveSeries).mockRejectedValue(
      goError({
        code: 'invalid',
        message: 'Duration must be between 15 and 180 minutes.',
        fields: [
          { field: 'durationMinutes', message: 'Duration must be between 15 and 180 minutes.' },
          { field: 'startDate', message: 'First 1:1 must be a date like 2026-03-01.' },
        ],
      }),
    )
    render(OneOnOnesTab, { personId: 'dana', personName: 'Dana Reyes', managerId: 'mara' })
    await user.click(await screen.findByRole('button', { name: 'Set a cadence' }))
    const duration = screen.getByLabelText('Duration (minutes)')
    await user.clear(duration)
    await user.type(duration, '5')
    await user.click(screen.getByRole('button', { name: 'Save cadence' }))
    await waitFor(() => expect(duration).toHaveAttribute('aria-invalid', 'true'))
    expect(duration).toHaveAccessibleDescription('Duration must be between 15 and 180 minutes.')
    expect(screen.getByLabelText('First 1:1')).toHaveAccessibleDescription('First 1:1 must be a date like 2026-03-01.')
    expect(duration).toHaveFocus()
    expect(vi.mocked(api.saveSeries).mock.calls[0][0]).toMatchObject({ personId: 'dana', cadence: 'biweekly', durationMinutes: 5 })
  })

  it('lists meetings newest first with status, mood, topics and carried count; Start 1:1 opens the editor', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadOneOnOnes).mockResolvedValue(
      page({
        meetings: [
          CARRIED,
          meeting({ id: 'm1', date: '2026-11-10', status: 'held', mood: 4, agenda: [topic({ id: 'x', text: 'Promotion case' })] }),
        ],
      }),
    )
    vi.mocked(api.startMeeting).mockResolvedValue(meeting({ id: 'm3', date: '2026-12-01', agenda: [] }))
    render(OneOnOnesTab, { personId: 'dana', personName: 'Dana Reyes', managerId: 'mara' })
    const rows = (await screen.findAllByRole('row')).slice(1)
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent?.trim())).toEqual(['Tue 24 Nov 2026', 'Tue 10 Nov 2026'])
    expect(within(rows[0]).getByText('2 carried')).toBeInTheDocument()
    expect(within(rows[1]).getByText('Held')).toBeInTheDocument()
    expect(rows[1]).toHaveTextContent('4/5')

    const date = screen.getByLabelText('Date of the 1:1')
    expect(date).toHaveValue(TODAY)
    await fireEvent.input(date, { target: { value: '2026-12-01' } })
    await user.click(screen.getByRole('button', { name: 'Start 1:1' }))
    expect(api.startMeeting).toHaveBeenCalledWith('dana', '2026-12-01')
    expect(await screen.findByRole('heading', { name: '1:1 with Dana Reyes · Tue 1 Dec 2026' })).toBeInTheDocument()
  })

  it('shows why a 1:1 cannot start (one already that day)', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadOneOnOnes).mockResolvedValue(page())
    vi.mocked(api.startMeeting).mockRejectedValue(
      goError({ code: 'invalid', message: 'There is already a 1:1 with them on Tue 24 Nov 2026.', field: 'date' }),
    )
    render(OneOnOnesTab, { personId: 'dana', personName: 'Dana Reyes', managerId: 'mara' })
    await user.click(await screen.findByRole('button', { name: 'Start 1:1' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('There is already a 1:1 with them on Tue 24 Nov 2026.')
  })
})

describe('meeting editor', () => {
  it('marks carried topics with where they came from, and how often', () => {
    editor()
    const rows = screen.getAllByRole('listitem').filter((li) => li.classList.contains('topic'))
    expect(within(rows[0]).getByText('carried from 10 Nov ×2')).toBeInTheDocument()
    expect(within(rows[1]).getByText('carried from 10 Nov')).toBeInTheDocument()
    expect(within(rows[2]).queryByText(/carried/)).toBeNull()
    expect(rows[0]).toHaveClass('carried')
  })

  it('adds topics with Enter, inserts after a topic with Enter, moves them with Alt+arrows and saves them in order', async () => {
    const user = userEvent.setup()
    const { onchanged } = editor(meeting({ id: 'm1', date: TODAY, agenda: [topic({ id: 'a1', text: 'First' })] }))
    const add = screen.getByRole('textbox', { name: 'New topic' })
    await user.type(add, 'Second{Enter}')
    expect(topicTexts()).toEqual(['First', 'Second'])
    expect(add).toHaveValue('')

    // Enter in a topic inserts an empty one after it and moves there.
    await user.click(screen.getByRole('textbox', { name: 'Topic 1' }))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Topic 2' })).toHaveFocus())
    await user.keyboard('Between')
    expect(topicTexts()).toEqual(['First', 'Between', 'Second'])

    // Alt+Down moves it down; focus follows the topic.
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    expect(topicTexts()).toEqual(['First', 'Second', 'Between'])
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Topic 3' })).toHaveFocus())
    await user.click(screen.getByRole('button', { name: 'Move topic 3 up' }))
    expect(topicTexts()).toEqual(['First', 'Between', 'Second'])

    await user.click(screen.getByRole('checkbox', { name: 'Done: First' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.saveMeeting).toHaveBeenCalledTimes(1))
    const sent = vi.mocked(api.saveMeeting).mock.calls[0][0]
    expect(sent.agenda.map((a) => [a.text, a.done])).toEqual([
      ['First', true],
      ['Between', false],
      ['Second', false],
    ])
    expect(sent.agenda[1].id).toBe('') // new topics get their ids from the backend
    // Typed by the manager and not said otherwise: theirs, not the report's.
    expect(sent.agenda.map((a) => a.by)).toEqual(['me', 'me', 'me'])
    expect(sent.status).toBe('planned')
    expect(onchanged).toHaveBeenCalled()
  })

  it('"Mark as held" saves with the held status; a cleared mood is sent as not recorded', async () => {
    const user = userEvent.setup()
    editor(meeting({ id: 'm1', date: TODAY, mood: 3, agenda: [topic({ id: 'a1', text: 'First' })] }))
    await user.click(screen.getByRole('radio', { name: /^Energy 2 of 5/ }))
    await user.click(screen.getByRole('button', { name: 'Clear mood' }))
    await user.click(screen.getByRole('button', { name: 'Mark as held' }))
    await waitFor(() => expect(api.saveMeeting).toHaveBeenCalledTimes(1))
    expect(vi.mocked(api.saveMeeting).mock.calls[0][0]).toMatchObject({ status: 'held', mood: 0, energy: 2 })
    expect(await screen.findByText('Held', { selector: '.tag' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Mark as held' })).toBeNull()
  })

  it('marks private notes as private and never exported', () => {
    editor()
    const priv = screen.getByLabelText('Private notes')
    expect(priv).toHaveAccessibleDescription(/Never exported/)
    expect(priv.closest('.private')).toHaveTextContent('Private · never exported')
    expect(screen.getByLabelText('Shared notes')).not.toHaveAccessibleDescription(/Never exported/)
  })

  it('puts a topic’s validation message under that topic', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveMeeting).mockRejectedValue(
      goError({ code: 'invalid', message: 'Topic is too long', fields: [{ field: 'agenda.1.text', message: 'Topic is too long (600 characters; at most 500).' }] }),
    )
    editor()
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const second = screen.getByRole('textbox', { name: 'Topic 2' })
    await waitFor(() => expect(second).toHaveAttribute('aria-invalid', 'true'))
    expect(second).toHaveAccessibleDescription('Topic is too long (600 characters; at most 500).')
    expect(screen.getByRole('textbox', { name: 'Topic 1' })).not.toHaveAttribute('aria-invalid')
  })

  it('asks before leaving with unsaved changes: the back button and the router', async () => {
    const user = userEvent.setup()
    const { onclose } = editor()
    // Nothing changed: back just goes.
    await user.click(screen.getByRole('button', { name: 'All 1:1s' }))
    expect(onclose).toHaveBeenCalledTimes(1)

    await user.type(screen.getByLabelText('Shared notes'), 'Talked about the offsite')
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'All 1:1s' }))
    const ask = await screen.findByRole('alertdialog', { name: 'Discard unsaved changes?' })
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }))
    expect(onclose).toHaveBeenCalledTimes(1)

    // Another screen: held until the user decides.
    router.go('people', 'dana', 'feedback')
    expect(router.route).toEqual({ screen: 'today', id: '', tab: '' })
    const again = await screen.findByRole('alertdialog', { name: 'Discard unsaved changes?' })
    await user.click(within(again).getByRole('button', { name: 'Discard changes' }))
    expect(router.route).toEqual({ screen: 'people', id: 'dana', tab: 'feedback' })
  })

  it('shows why a 1:1 with follow-ups cannot be deleted', async () => {
    const user = userEvent.setup()
    vi.mocked(api.deleteMeeting).mockRejectedValue(goError({ code: 'conflict', message: 'This 1:1 has 2 follow-ups; delete them first.' }))
    const { onclose } = editor()
    await user.click(screen.getByRole('button', { name: 'Delete…' }))
    const dlg = await screen.findByRole('alertdialog', { name: 'Delete this 1:1?' })
    await user.click(within(dlg).getByRole('button', { name: 'Delete' }))
    expect(await within(dlg).findByRole('alert')).toHaveTextContent('This 1:1 has 2 follow-ups; delete them first.')
    expect(onclose).not.toHaveBeenCalled()
  })
})

describe('follow-ups agreed in a 1:1', () => {
  it('adds one owned by the report by default, and one owned by me (their manager)', async () => {
    const user = userEvent.setup()
    await roster.load()
    vi.mocked(api.addMeetingFollowUp).mockImplementation(async (_m, f) => ({
      id: `f-${f.title}`,
      title: f.title,
      ownerId: f.ownerId,
      ownerRemoved: false,
      dueDate: f.dueDate,
      priority: 'medium',
      status: 'open',
      reason: '',
      source: { kind: 'oneonone', id: 'm2', label: '' },
      createdAt: '',
      notes: '',
      updatedAt: '',
    }))
    editor()
    expect(await screen.findByText('No follow-ups agreed in this 1:1 yet.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('New follow-up'), 'Write up the case{Enter}')
    await waitFor(() => expect(api.addMeetingFollowUp).toHaveBeenCalledWith('m2', { title: 'Write up the case', ownerId: 'dana', dueDate: '' }))
    const list = await screen.findByRole('list', { name: 'Follow-ups agreed in this 1:1' })
    expect(within(list).getByText('Dana')).toBeInTheDocument()

    await user.type(screen.getByLabelText('New follow-up'), 'Share the rubric')
    await user.click(screen.getByRole('radio', { name: /^Me/ }))
    await user.click(screen.getByRole('button', { name: 'Add follow-up' }))
    await waitFor(() => expect(api.addMeetingFollowUp).toHaveBeenLastCalledWith('m2', { title: 'Share the rubric', ownerId: 'mara', dueDate: '' }))
    expect(await within(list).findByText('Me (Mara Quint)')).toBeInTheDocument()
  })

  it('cannot pick "Me" without a manager on the roster, and shows the owner error next to the owner', async () => {
    const user = userEvent.setup()
    vi.mocked(api.addMeetingFollowUp).mockRejectedValue(
      goError({ code: 'invalid', message: 'Title is required.', fields: [{ field: 'title', message: 'Title is required.' }] }),
    )
    editor(CARRIED, { managerId: '' })
    expect(await screen.findByRole('radio', { name: /^Me/ })).toBeDisabled()
    await user.click(screen.getByRole('radio', { name: 'Someone else' }))
    await user.click(screen.getByRole('button', { name: 'Add follow-up' }))
    expect(await screen.findByText('Choose who owns it.')).toBeInTheDocument()
    expect(api.addMeetingFollowUp).not.toHaveBeenCalled()
  })
})
