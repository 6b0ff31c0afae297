// The Teams screen shows each team's on-call (issue 9): the "On call now"
// column and, in the team editor, who is on call now and next per rotation.
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadTeamsOnCall: vi.fn(),
    loadDirectory: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { TeamOnCall, TeamTurn } from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { teamOnCall } from '$lib/stores/teamoncall.svelte'
import { goError, loadedRoster, person, team } from '../../../test/fixtures'
import TeamEditor from './TeamEditor.svelte'
import TeamsView from './TeamsView.svelte'

function turn(t: Partial<TeamTurn>): TeamTurn {
  return {
    personId: 'p1',
    name: 'Ana Lind',
    timezone: 'Europe/Berlin',
    start: '2026-11-23T09:00:00Z',
    end: '2026-11-30T09:00:00Z',
    reason: 'scheduled',
    gap: false,
    unavailable: false,
    replaced: '',
    ...t,
  }
}

const ON_CALL: TeamOnCall[] = [
  {
    teamId: 't1',
    team: 'Payments',
    rotations: [
      {
        rotationId: 'r1',
        rotation: 'Payments primary',
        layer: 1,
        timezone: 'Europe/Berlin',
        now: turn({}),
        next: turn({ personId: 'p2', name: 'Bo Berg', start: '2026-11-30T09:00:00Z', end: '2026-12-07T09:00:00Z' }),
      },
      {
        rotationId: 'r2',
        rotation: 'Payments secondary',
        layer: 2,
        timezone: 'Europe/Berlin',
        now: turn({ personId: 'p3', name: 'Cy Moreau', reason: 'replacement', replaced: 'Di Okafor' }),
        next: null,
      },
    ],
  },
  {
    teamId: 't3',
    team: 'Ops',
    rotations: [{ rotationId: 'r3', rotation: 'Ops nights', layer: 1, timezone: 'UTC', now: null, next: null }],
  },
]

beforeEach(() => {
  teamOnCall.reset()
  loadedRoster({
    people: [person({ id: 'p1', name: 'Ana Lind' }), person({ id: 'p2', name: 'Bo Berg' })],
    teams: [team('t1', 'Payments'), team('t2', 'Checkout'), team('t3', 'Ops')],
  })
  vi.mocked(api.loadTeamsOnCall).mockResolvedValue(ON_CALL)
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('TeamsView', () => {
  it('has an On call now column: who holds the team’s rotations, or No rotation', async () => {
    render(TeamsView)
    const table = screen.getByRole('table')
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toContain('On call now')
    const row = (name: string) => within(table).getByRole('link', { name }).closest('tr')!
    await waitFor(() => expect(within(row('Payments')).getByText('Ana Lind, Cy Moreau (secondary)')).toBeInTheDocument())
    expect(within(row('Payments')).getByText('Ana Lind, Cy Moreau (secondary)')).toHaveAttribute(
      'title',
      'Payments primary: Ana Lind\nPayments secondary: Cy Moreau',
    )
    expect(within(row('Checkout')).getByText('No rotation')).toBeInTheDocument()
    // A rotation that covers no time now: nobody, said so.
    expect(within(row('Ops')).getByText('Nobody now')).toHaveClass('nobody')
    expect(api.loadTeamsOnCall).toHaveBeenCalledTimes(1)
  })

  it('puts who a page reaches (the team’s final schedule) first', async () => {
    const [pay, ops] = ON_CALL
    vi.mocked(api.loadTeamsOnCall).mockResolvedValue([
      // At night the business-hours primary has nobody: the secondary is who a page reaches.
      { ...pay, now: turn({ personId: 'p3', name: 'Cy Moreau', rotation: 'Payments secondary' }), next: null },
      { ...ops, now: turn({ personId: '', name: '', gap: true, reason: 'gap' }), next: null },
    ])
    render(TeamsView)
    const table = screen.getByRole('table')
    const row = (name: string) => within(table).getByRole('link', { name }).closest('tr')!
    await waitFor(() => expect(within(row('Payments')).getByText('Cy Moreau, Ana Lind')).toBeInTheDocument())
    expect(within(row('Payments')).getByText('Cy Moreau, Ana Lind').getAttribute('title')).toMatch(
      /^A page reaches Cy Moreau \(Payments secondary\)\n/,
    )
    expect(within(row('Ops')).getByText('Nobody now')).toHaveClass('nobody')
  })

  it('says when who is on call could not be loaded', async () => {
    vi.mocked(api.loadTeamsOnCall).mockRejectedValue(api.toApiError(goError({ code: 'unavailable', message: 'The workspace is closed.' })))
    render(TeamsView)
    const row = screen.getByRole('link', { name: 'Payments' }).closest('tr')!
    await waitFor(() => expect(within(row).getByText('Unknown')).toHaveAttribute('title', 'The workspace is closed.'))
  })
})

describe('TeamEditor on call', () => {
  it('shows who is on call now and next in each of the team’s rotations, with a link to the schedule', async () => {
    render(TeamEditor, { props: { id: 't1', onclose: vi.fn() } })
    const section = screen.getByRole('region', { name: 'On call' })
    await waitFor(() => expect(within(section).getByText('Payments primary')).toBeInTheDocument())
    const primary = within(section).getByText('Payments primary').closest('li')!
    expect(within(primary).getByText('Primary')).toBeInTheDocument()
    expect(within(primary).getByText('Ana Lind')).toBeInTheDocument()
    expect(within(primary).getByText('Bo Berg')).toBeInTheDocument()
    const secondary = within(section).getByText('Payments secondary').closest('li')!
    expect(within(secondary).getByText('Cy Moreau')).toBeInTheDocument()
    expect(within(secondary).getByText('· covering for Di Okafor')).toBeInTheDocument()
    expect(within(secondary).getByText('No handoff in the next two months')).toBeInTheDocument()
    expect(within(section).getByRole('link', { name: 'Open the schedule' })).toHaveAttribute('href', '#/oncall')
  })

  it('says who a page reaches now, from the team’s final schedule', async () => {
    const [pay, ops] = ON_CALL
    vi.mocked(api.loadTeamsOnCall).mockResolvedValue([
      { ...pay, now: turn({ personId: 'p3', name: 'Cy Moreau', rotation: 'Payments secondary', end: '2026-11-24T08:00:00Z' }) },
      ops,
    ])
    render(TeamEditor, { props: { id: 't1', onclose: vi.fn() } })
    const section = screen.getByRole('region', { name: 'On call' })
    await waitFor(() => expect(within(section).getByTestId('page-reaches')).toBeInTheDocument())
    const line = within(section).getByTestId('page-reaches')
    expect(line).toHaveTextContent(/^A page reaches Cy Moreau \(Payments secondary\) until /)
  })

  it('says when no rotation belongs to the team', async () => {
    render(TeamEditor, { props: { id: 't2', onclose: vi.fn() } })
    const section = screen.getByRole('region', { name: 'On call' })
    await waitFor(() => expect(section).toHaveTextContent('No rotation belongs to this team yet'))
    expect(within(section).getByRole('link', { name: 'Open the schedule' })).toHaveAttribute('href', '#/oncall')
  })

  it('has no on-call section for a new team', () => {
    render(TeamEditor, { props: { id: '', onclose: vi.fn() } })
    expect(screen.queryByRole('region', { name: 'On call' })).toBeNull()
    expect(api.loadTeamsOnCall).not.toHaveBeenCalled()
  })
})
