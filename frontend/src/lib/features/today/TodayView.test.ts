import { act, cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const listeners = new Map<string, (data: unknown) => void>()

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadToday: vi.fn(),
    on: vi.fn((name: string, cb: (data: unknown) => void) => {
      listeners.set(name, cb)
      return () => listeners.delete(name)
    }),
  }
})

import * as api from '$lib/api'
import { ApiError, type Day, type TodaySection } from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { today } from '$lib/stores/today.svelte'
import { localZone } from '$lib/util/time'
import { cadence } from '../oneonones/test-fixtures'
import TodayView, { FRESH_MS } from './TodayView.svelte'

const NOW = '2026-11-24T08:00:00Z'

function head(state: TodaySection['state'], count = 0, note = ''): TodaySection {
  return { state, count, note }
}

/** A day where nothing is set up (a fresh workspace with people). */
function emptyDay(d: Partial<Day> = {}): Day {
  return {
    now: NOW,
    today: '2026-11-24',
    zone: localZone(),
    weekEnd: '2026-12-01',
    timeOffEnd: '2026-12-08',
    oncall: { ...head('not_set_up', 0, 'No rotations yet: set one up on the On-call screen to see who is on call.'), schedules: [], uncovered: 0 },
    incidents: { ...head('not_set_up', 0, 'No incidents recorded yet: Wheelhouse only knows the incidents opened on the Incidents screen.'), items: [] },
    followUps: { ...head('not_set_up', 0, 'No follow-ups yet: add them on the Follow-ups screen, from an incident review or a 1:1.'), overdue: [], dueSoon: [], overdueCount: 0, dueSoonCount: 0, open: 0 },
    oneOnOnes: { ...head('not_set_up', 0, 'No 1:1 cadences yet: set how often you meet on a person’s 1:1s tab.'), items: [], cadences: 0 },
    reviews: { ...head('not_set_up', 0, 'No incidents recorded yet.'), items: [] },
    health: { ...head('clear', 0, 'Nobody flagged, but only partly judged: no rotations.'), items: [], unjudged: ['no rotations'] },
    paging: { ...head('not_set_up', 0, 'No paging history imported: import your paging tool’s export on the On-call screen (Pages) to see sleep-hour pages here.'), items: [] },
    timeOff: { ...head('not_set_up', 0, 'No time off or holiday regions recorded yet: add them on the On-call screen (Time off).'), items: [] },
    gaps: { ...head('not_set_up', 0, 'No rotations yet, so there is no coverage to check.'), items: [] },
    ...d,
  }
}

const turn = (name: string, start: string, end: string, extra: Partial<api.OnCallTurn> = {}): api.OnCallTurn => ({
  personId: name.toLowerCase(),
  name,
  timezone: localZone(),
  start,
  end,
  reason: 'scheduled',
  gap: false,
  unavailable: false,
  replaced: '',
  ...extra,
})

function busyDay(): Day {
  return emptyDay({
    oncall: {
      ...head('items', 1),
      uncovered: 0,
      schedules: [
        {
          name: 'Payments',
          requirement: '24x7',
          covered: true,
          layers: [
            {
              rotationId: 'r1',
              rotation: 'Payments primary',
              layer: 1,
              timezone: 'Europe/Berlin',
              now: turn('Ravi', '2026-11-23T09:00:00Z', '2026-11-30T09:00:00Z', { timezone: 'Asia/Tokyo' }),
              next: turn('Kofi', '2026-11-30T09:00:00Z', '2026-12-07T09:00:00Z', { reason: 'replacement', replaced: 'Dana' }),
            },
            { rotationId: 'r2', rotation: 'Payments secondary', layer: 2, timezone: 'Europe/Berlin', now: null, next: null },
          ],
        },
      ],
    },
    incidents: {
      ...head('items', 1),
      items: [
        {
          id: 'inc1',
          title: 'Checkout down',
          severity: 1,
          severityLabel: 'SEV1',
          status: 'investigating',
          startedAt: '2026-11-24T07:00:00Z',
          commanderId: 'dana',
          commander: 'Dana',
          escalated: false,
        },
      ],
    },
    followUps: {
      ...head('items', 2),
      open: 5,
      overdueCount: 1,
      dueSoonCount: 1,
      overdue: [
        {
          id: 'fu1',
          title: 'Alert on queue depth',
          ownerId: 'kofi',
          owner: 'Kofi',
          ownerRemoved: false,
          dueDate: '2026-11-20',
          priority: 'high',
          status: 'open',
          sourceKind: 'incident_review',
          sourceId: 'inc0',
          sourceLabel: 'Payments DB failover',
          daysOverdue: 4,
        },
      ],
      dueSoon: [
        {
          id: 'fu2',
          title: 'Load-test the gateway',
          ownerId: 'mei',
          owner: 'Mei',
          ownerRemoved: false,
          dueDate: '2026-11-26',
          priority: 'medium',
          status: 'open',
          sourceKind: '',
          sourceId: '',
          sourceLabel: '',
          daysOverdue: 0,
        },
      ],
    },
    oneOnOnes: {
      ...head('items', 1),
      cadences: 3,
      items: [cadence({ personId: 'dana', name: 'Dana Reyes' })],
    },
    reviews: {
      ...head('items', 1),
      items: [
        {
          incidentId: 'inc0',
          title: 'Payments DB failover',
          severity: 2,
          severityLabel: 'SEV2',
          dueDate: '2026-11-11',
          daysOverdue: 13,
          state: 'not_started',
          commanderId: 'kofi',
          commander: 'Kofi',
        },
      ],
    },
    health: {
      ...head('items', 1),
      unjudged: [],
      items: [{ personId: 'mei', name: 'Mei', role: 'Engineer', flags: [{ kind: 'night_hours', text: '12 night hours on call in the last 4 weeks.' }] }],
    },
    timeOff: {
      ...head('items', 2),
      items: [
        {
          timeOffId: 't1',
          personId: 'ana',
          name: 'Ana',
          timezone: 'America/New_York',
          kind: 'vacation',
          startDate: '2026-11-23',
          endDate: '2026-11-27',
          start: '',
          end: '',
          holiday: '',
          regionId: '',
          region: '',
          people: [],
          now: true,
        },
        {
          timeOffId: '',
          personId: '',
          name: '',
          timezone: '',
          kind: 'public_holiday',
          startDate: '2026-12-03',
          endDate: '2026-12-03',
          start: '',
          end: '',
          holiday: "Founders' Day",
          regionId: 'reg1',
          region: 'Berlin office',
          people: ['Dana', 'Mei'],
          now: false,
        },
      ],
    },
    gaps: {
      ...head('items', 1),
      items: [
        {
          schedule: 'Support',
          rotationIds: ['r3'],
          requirement: '24x7',
          start: '2026-11-25T08:00:00Z',
          end: '2026-11-27T08:00:00Z',
          unstaffed: true,
          reason: 'nobody is available',
        },
      ],
    },
  })
}

function panel(name: string | RegExp): HTMLElement {
  return screen.getByRole('region', { name })
}

beforeEach(() => {
  today.reset()
  roster.reset()
  listeners.clear()
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
  vi.useRealTimers()
})

describe('Today', () => {
  it('shows every section with its count, each item one link from its place', async () => {
    vi.mocked(api.loadToday).mockResolvedValue(busyDay())
    render(TodayView)
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument()
    await screen.findByRole('region', { name: 'On call' })
    const links: [string | RegExp, string, string][] = [
      ['On call', 'Payments', '#/oncall'],
      ['Active incidents', 'Checkout down', '#/incidents/inc1'],
      ['Follow-ups', 'Alert on queue depth', '#/followups/fu1'],
      ['Follow-ups', 'Load-test the gateway', '#/followups/fu2'],
      ['1:1s due', 'Dana Reyes', '#/people/dana/oneonones'],
      ['Reviews overdue', 'Payments DB failover', '#/incidents/inc0'],
      ['Coverage gaps', 'Support', '#/oncall'],
      ['People to check on', 'Mei', '#/people/mei/brief'],
      ['Time off', 'Ana', '#/oncall/timeoff'],
      ['Time off', "Founders' Day", '#/oncall/timeoff'],
    ]
    for (const [region, name, href] of links) {
      expect(within(panel(region)).getByRole('link', { name })).toHaveAttribute('href', href)
    }
    // Counts in the headers.
    expect(within(panel('Follow-ups')).getByLabelText('2 items')).toBeInTheDocument()
    expect(within(panel('Active incidents')).getByLabelText('1 item')).toHaveClass('urgent')
    expect(within(panel('Time off')).getByLabelText('2 items')).toBeInTheDocument()

    // On call: now and next, who covers for whom, and the on-call person's own clock in their zone.
    const oncall = panel('On call')
    expect(within(oncall).getByText('Ravi')).toBeInTheDocument()
    expect(within(oncall).getByText(/for them, Asia\/Tokyo$/)).toBeInTheDocument()
    expect(within(oncall).getByText('· covering for Dana')).toBeInTheDocument()
    expect(within(oncall).getByText('Primary')).toBeInTheDocument()
    expect(within(oncall).getByText('Nobody (outside its hours)')).toBeInTheDocument()
    expect(within(oncall).getByText('No handoff in the next two months')).toBeInTheDocument()

    // Follow-ups say how late; 1:1s how overdue; a day off in another zone says so.
    expect(within(panel('Follow-ups')).getByText('4 days overdue')).toBeInTheDocument()
    expect(within(panel('Follow-ups')).getByText('in 2 days')).toBeInTheDocument()
    expect(within(panel('1:1s due')).getByText('9 d overdue')).toBeInTheDocument()
    expect(within(panel('Time off')).getByText('23 Nov 2026 – 27 Nov 2026 (days in America/New_York)')).toBeInTheDocument()
    expect(within(panel('Time off')).getByText('Away now')).toBeInTheDocument()
    expect(within(panel('Coverage gaps')).getByText('Nobody available')).toBeInTheDocument()
    expect(within(panel('People to check on')).getByText('Night hours')).toHaveClass('tag')
  })

  it('counts follow-ups from the day’s counts: the lists hold only the first few', async () => {
    const d = busyDay()
    d.followUps = { ...d.followUps, count: 1160, overdueCount: 1157, dueSoonCount: 3 }
    vi.mocked(api.loadToday).mockResolvedValue(d)
    render(TodayView)
    const fu = await screen.findByRole('region', { name: 'Follow-ups' })
    expect(fu).toHaveTextContent('1157 overdue · 3 due in the next 7 days')
    expect(within(fu).getByRole('link', { name: 'All 1160 on Follow-ups' })).toHaveAttribute('href', '#/followups')
  })

  it('tells "not set up" from "clear": a not-set-up section links to where to set it up', async () => {
    const day = emptyDay({
      incidents: { ...head('clear', 0, 'No active incidents (3 incidents recorded).'), items: [] },
    })
    vi.mocked(api.loadToday).mockResolvedValue(day)
    render(TodayView)
    const oncall = await screen.findByRole('region', { name: 'On call' })
    expect(within(oncall).getByText('Not set up')).toBeInTheDocument()
    expect(within(oncall).getByText(/No rotations yet/)).toBeInTheDocument()
    expect(within(oncall).getByRole('link', { name: 'Set up a rotation' })).toHaveAttribute('href', '#/oncall')
    expect(within(oncall).queryByLabelText(/items?$/)).toBeNull()
    expect(within(panel('Time off')).getByRole('link', { name: 'Add time off' })).toHaveAttribute('href', '#/oncall/timeoff')
    expect(within(panel('1:1s due')).getByRole('link', { name: 'Open People to set a cadence' })).toHaveAttribute('href', '#/people')

    const inc = panel('Active incidents')
    expect(within(inc).getByText('No active incidents (3 incidents recorded).')).toBeInTheDocument()
    expect(within(inc).queryByText('Not set up')).toBeNull()
    expect(within(inc).queryByRole('link')).toBeNull()
    expect(within(inc).getByLabelText('0 items')).toHaveClass('zero')
    // Partly judged is not "all good": no tick, no green zero.
    const health = panel('People to check on')
    expect(within(health).getByText(/only partly judged/)).toBeInTheDocument()
    expect(within(health).getByLabelText('0 items')).not.toHaveClass('zero')
    expect(health.querySelector('.note.clear')).toBeNull()
    expect(inc.querySelector('.note.clear')).not.toBeNull()
  })

  it('shows the skeleton only when loading takes longer than 100 ms', async () => {
    vi.useFakeTimers()
    vi.mocked(api.loadToday).mockReturnValue(new Promise(() => {}))
    render(TodayView)
    expect(screen.queryByRole('status', { name: 'Loading your day…' })).toBeNull()
    await act(() => vi.advanceTimersByTime(50))
    expect(screen.queryByRole('status', { name: 'Loading your day…' })).toBeNull()
    await act(() => vi.advanceTimersByTime(60))
    expect(screen.getByRole('status', { name: 'Loading your day…' })).toBeInTheDocument()
  })

  it('says why it could not load and tries again', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadToday)
      .mockRejectedValueOnce(new ApiError('unavailable', 'No workspace is open.'))
      .mockResolvedValueOnce(busyDay())
    render(TodayView)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load your day')
    expect(alert).toHaveTextContent('No workspace is open.')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('link', { name: 'Checkout down' })).toBeInTheDocument()
    expect(api.loadToday).toHaveBeenCalledTimes(2)
  })

  it('keeps the day on screen when a refresh fails, saying so', async () => {
    vi.mocked(api.loadToday).mockResolvedValueOnce(busyDay()).mockRejectedValueOnce(new ApiError('internal', 'Internal error'))
    render(TodayView)
    await screen.findByRole('link', { name: 'Checkout down' })
    await act(() => listeners.get('reminders:changed')?.(1))
    expect(await screen.findByText(/Could not refresh: Internal error/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Checkout down' })).toBeInTheDocument()
  })

  it('reads the day again every minute and after each reminder evaluation', async () => {
    vi.useFakeTimers()
    vi.mocked(api.loadToday).mockResolvedValue(busyDay())
    const { unmount } = render(TodayView)
    await vi.waitFor(() => expect(api.loadToday).toHaveBeenCalledTimes(1))
    await act(() => vi.advanceTimersByTime(60_000))
    expect(api.loadToday).toHaveBeenCalledTimes(2)
    await act(() => listeners.get('reminders:changed')?.(3))
    expect(api.loadToday).toHaveBeenCalledTimes(3)
    unmount()
    expect(listeners.has('reminders:changed')).toBe(false)
    await act(() => vi.advanceTimersByTime(120_000))
    expect(api.loadToday).toHaveBeenCalledTimes(3)
  })

  it('does not read again on mount a day that has just come (App asks for it at launch), but one older than FRESH_MS', async () => {
    vi.useFakeTimers()
    vi.mocked(api.loadToday).mockResolvedValue(busyDay())
    await today.load()
    expect(api.loadToday).toHaveBeenCalledTimes(1)
    const first = render(TodayView)
    await act(() => vi.advanceTimersByTime(10))
    expect(api.loadToday).toHaveBeenCalledTimes(1)
    expect(panel(/On call/)).toBeInTheDocument()
    first.unmount()
    await act(() => vi.advanceTimersByTime(FRESH_MS))
    render(TodayView)
    await vi.waitFor(() => expect(api.loadToday).toHaveBeenCalledTimes(2))
  })

  it('says the zone of times not in the manager’s zone', async () => {
    const day = busyDay()
    day.zone = localZone() === 'Pacific/Chatham' ? 'Pacific/Honolulu' : 'Pacific/Chatham'
    vi.mocked(api.loadToday).mockResolvedValue(day)
    render(TodayView)
    const gaps = await screen.findByRole('region', { name: 'Coverage gaps' })
    expect(within(gaps).getByText(new RegExp(`\\(${localZone().replace('/', '\\/')}\\)$`))).toBeInTheDocument()
    expect(screen.getByText(new RegExp(`· ${day.zone.replace('/', '\\/')}$`))).toBeInTheDocument()
    // Ravi's zone differs from the manager's: his own clock says whose.
    expect(within(panel('On call')).getAllByText(/for them, /).length).toBeGreaterThan(0)
  })

  it('greets an empty workspace instead of empty sections', async () => {
    roster.loaded = true
    vi.mocked(api.loadToday).mockResolvedValue(emptyDay())
    render(TodayView)
    expect(await screen.findByRole('heading', { name: 'Your workspace is empty' })).toBeInTheDocument()
    await waitFor(() => expect(api.loadToday).toHaveBeenCalled())
    expect(screen.queryByRole('region', { name: 'On call' })).toBeNull()
  })
})
