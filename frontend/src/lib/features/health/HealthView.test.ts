import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, loadDirectory: vi.fn(), loadCadenceStatuses: vi.fn(), loadHealth: vi.fn() }
})

import * as api from '$lib/api'
import type { HealthRow } from '$lib/api'
import { cadences, health } from '$lib/stores/oneonones.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { directory, person } from '../../../test/fixtures'
import { bodyRows, fakeTableLayout } from '../../../test/layout'
import { cadence } from '../oneonones/test-fixtures'
import HealthView from './HealthView.svelte'

function row(r: Partial<HealthRow> & { id: string; name: string }): HealthRow {
  const { id, name, ...rest } = r
  return {
    person: { id, name, role: 'Engineer', level: '', timezone: 'UTC', aspiration: '' },
    flags: [],
    cadence: null,
    moodTrend: '',
    lastMood: 0,
    weeksOnCall: 0,
    weeks: 0,
    nightHours: 0,
    holidayHours: 0,
    incidents: 0,
    commanded: 0,
    feedback: { positiveDelivered: 0, constructiveDelivered: 0, positiveDrafts: 0, constructiveDrafts: 0 },
    pages: 0,
    sleepPages: 0,
    ...rest,
  }
}

beforeEach(() => {
  cadences.reset()
  health.reset()
  roster.reset()
  vi.mocked(api.loadDirectory).mockResolvedValue(
    directory({
      people: [person({ id: 'dana', name: 'Dana Reyes' }), person({ id: 'eli', name: 'Eli Moss' })],
      teams: [{ id: 'plat', name: 'Platform', description: '', memberIds: ['dana'], serviceIds: [] }],
    }),
  )
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('1:1s & team health', () => {
  it('lists cadences overdue first, each linking to that person’s 1:1s', async () => {
    vi.mocked(api.loadCadenceStatuses).mockResolvedValue([
      cadence(),
      cadence({ personId: 'eli', name: 'Eli Moss', overdue: false, daysOverdue: 0, message: 'Next 1:1 with Eli Moss due Tue 1 Dec.' }),
    ])
    vi.mocked(api.loadHealth).mockResolvedValue({ today: '2026-11-24', teamId: '', rows: [], flagged: 0, pagingImported: false })
    render(HealthView)
    const region = await screen.findByRole('region', { name: /1:1 cadence/ })
    await within(region).findByRole('link', { name: 'Dana Reyes' })
    const items = within(region).getAllByRole('listitem')
    expect(items[0]).toHaveClass('overdue')
    expect(items[0]).toHaveTextContent('No 1:1 with Dana Reyes for 23 days (cadence 14).')
    expect(within(items[0]).getByText('9 d overdue')).toBeInTheDocument()
    expect(items[1]).not.toHaveClass('overdue')
    expect(within(items[0]).getByRole('link', { name: 'Dana Reyes' })).toHaveAttribute('href', '#/people/dana/oneonones')
    expect(within(region).getByText('1 overdue')).toBeInTheDocument()
  })

  it('shows each flag as a tag with its reason, and the numbers', async () => {
    vi.mocked(api.loadCadenceStatuses).mockResolvedValue([])
    vi.mocked(api.loadHealth).mockResolvedValue({
      today: '2026-11-24',
      teamId: '',
      flagged: 1,
      pagingImported: false,
      rows: [
        row({
          id: 'dana',
          name: 'Dana Reyes',
          flags: [
            { kind: 'night_hours', text: '12 night hours on call in the last 4 weeks.' },
            { kind: 'mood_falling', text: 'Mood falling: 2 at the last 1:1 (2026-11-10).' },
          ],
          moodTrend: 'falling',
          lastMood: 2,
          weeksOnCall: 5,
          weeks: 12,
          nightHours: 12,
          holidayHours: 8,
          incidents: 4,
          commanded: 2,
        }),
        row({ id: 'eli', name: 'Eli Moss' }),
      ],
    })
    render(HealthView)
    const region = await screen.findByRole('region', { name: /Team health/ })
    const dana = (await within(region).findByRole('link', { name: 'Dana Reyes' })).closest('tr')!
    expect(dana).toHaveClass('flagged')
    expect(within(dana).getByText('Night hours')).toHaveClass('tag')
    expect(within(dana).getByText('12 night hours on call in the last 4 weeks.')).toBeInTheDocument()
    expect(within(dana).getByText('Mood falling')).toHaveClass('tag')
    expect(within(dana).getByText('falling')).toHaveClass('falling')
    expect(dana).toHaveTextContent('5/12 wk')
    expect(dana).toHaveTextContent('4 (2 IC)')
    const eli = within(region).getByRole('link', { name: 'Eli Moss' }).closest('tr')!
    expect(eli).not.toHaveClass('flagged')
    expect(within(region).queryByText('No one to check on')).toBeNull()
  })

  it('"No one to check on" when nobody is flagged; the team filter re-reads for that team', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadCadenceStatuses).mockResolvedValue([])
    vi.mocked(api.loadHealth).mockResolvedValue({ today: '2026-11-24', teamId: '', flagged: 0, pagingImported: false, rows: [row({ id: 'eli', name: 'Eli Moss' })] })
    render(HealthView)
    expect(await screen.findByRole('heading', { name: 'No one to check on' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'No 1:1 cadences yet' })).toBeInTheDocument()
    const team = screen.getByLabelText('Team')
    await waitFor(() => expect(within(team).getByRole('option', { name: 'Platform' })).toBeInTheDocument())
    await user.selectOptions(team, 'plat')
    await waitFor(() => expect(api.loadHealth).toHaveBeenLastCalledWith('plat'))
  })
})

describe('team health with many people (windowed table)', () => {
  afterEach(() => vi.restoreAllMocks())

  it('renders the rows in view; scrolling brings the others, flags and all', async () => {
    const layout = fakeTableLayout({ row: 58, top: 400 })
    vi.mocked(api.loadCadenceStatuses).mockResolvedValue([])
    const rows = Array.from({ length: 120 }, (_, i) =>
      row({ id: `p${i}`, name: `Person ${i}`, flags: i === 110 ? [{ kind: 'night_hours', text: '14 night hours' }] : [] }),
    )
    vi.mocked(api.loadHealth).mockResolvedValue({ today: '2026-11-24', teamId: '', rows, flagged: 1, pagingImported: false })
    render(HealthView)
    const table = (await screen.findByRole('link', { name: 'Person 0' })).closest('table')!
    expect(bodyRows(table).length).toBeLessThanOrEqual(layout.window)
    expect(within(table).queryByText('14 night hours')).toBeNull()
    await layout.scrollTo(400 + 58 * 105)
    expect(within(table).getByText('14 night hours')).toBeInTheDocument()
    expect(within(table).getByRole('link', { name: 'Person 110' })).toHaveAttribute('href', '#/people/p110/brief')
    expect(bodyRows(table).length).toBeLessThanOrEqual(layout.full)
  })
})
