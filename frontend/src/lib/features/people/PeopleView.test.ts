import { cleanup, render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, loadDirectory: vi.fn() }
})

import * as api from '$lib/api'
import { editor } from '$lib/stores/editor.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { router } from '$lib/stores/router.svelte'
import { directory, person } from '../../../test/fixtures'
import { bodyRows, fakeTableLayout } from '../../../test/layout'
import PeopleView from './PeopleView.svelte'

beforeEach(() => {
  roster.reset()
  editor.reset()
  vi.mocked(api.loadDirectory).mockResolvedValue(
    directory({
      people: [
        person({ id: 'a', name: 'Ana Active', role: 'Staff Engineer', skills: [{ name: 'Kafka', level: 3 }] }),
        person({ id: 'b', name: 'Ben Busy', email: 'ben@example.com', managerId: 'a' }),
        person({ id: 'c', name: 'Cleo Gone', archived: true }),
      ],
      teams: [{ id: 't', name: 'Payments', description: '', memberIds: ['a'], serviceIds: [] }],
    }),
  )
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

function nameLinks() {
  return screen.queryAllByRole('link').filter((a) => a.classList.contains('row-link')).map((a) => a.textContent)
}

describe('PeopleView', () => {
  it('hides archived people by default and shows them, tagged, with the toggle', async () => {
    const user = userEvent.setup()
    render(PeopleView)
    expect(await screen.findByRole('link', { name: 'Ana Active' })).toBeInTheDocument()
    expect(nameLinks()).toEqual(['Ana Active', 'Ben Busy'])
    expect(screen.queryByText('Cleo Gone')).toBeNull()

    await user.click(screen.getByRole('checkbox', { name: 'Show archived' }))
    expect(nameLinks()).toEqual(['Ana Active', 'Ben Busy', 'Cleo Gone'])
    const row = screen.getByRole('link', { name: 'Cleo Gone' }).closest('tr')!
    expect(within(row).getByText('Archived')).toBeInTheDocument()
    expect(row).toHaveClass('archived')

    await user.click(screen.getByRole('checkbox', { name: 'Show archived' }))
    expect(screen.queryByText('Cleo Gone')).toBeNull()
  })

  it('shows team, manager and searches by skill, e-mail and role', async () => {
    const user = userEvent.setup()
    render(PeopleView)
    const ana = (await screen.findByRole('link', { name: 'Ana Active' })).closest('tr')!
    expect(within(ana).getByText('Payments')).toBeInTheDocument()
    const ben = screen.getByRole('link', { name: 'Ben Busy' }).closest('tr')!
    // The manager column names Ana as text; the only link to Ana is her own row.
    expect(within(ben).getByText('Ana Active')).toBeInTheDocument()
    expect(screen.getAllByRole('link', { name: 'Ana Active' })).toHaveLength(1)

    const search = screen.getByRole('searchbox', { name: 'Search people' })
    await user.type(search, 'kafka')
    expect(nameLinks()).toEqual(['Ana Active'])
    await user.clear(search)
    await user.type(search, 'ben@example')
    expect(nameLinks()).toEqual(['Ben Busy'])
    await user.clear(search)
    await user.type(search, 'nobody-here')
    expect(screen.getByText('No one matches “nobody-here”')).toBeInTheDocument()
  })

  it('"Add person" opens the editor for a new person', async () => {
    const user = userEvent.setup()
    render(PeopleView)
    await screen.findByRole('link', { name: 'Ana Active' })
    await user.click(screen.getByRole('button', { name: 'Add person' }))
    expect(editor.current).toEqual({ kind: 'person', id: '' })
  })
})

describe('PeopleView filters and sorting', () => {
  beforeEach(() => {
    router.reset()
    vi.mocked(api.loadDirectory).mockResolvedValue(
      directory({
        ladder: ['L3', 'L4', 'L5'],
        people: [
          person({ id: 'a', name: 'Ana Active', level: 'L5', timezone: 'Europe/Berlin', teamIds: ['t1'], role: 'Staff Engineer' }),
          person({ id: 'b', name: 'ben Busy', level: 'L3', timezone: 'America/New_York', teamIds: ['t2'], role: 'Engineer' }),
          person({ id: 'c', name: 'Cleo Chen', level: '', timezone: 'Asia/Kolkata', teamIds: [], role: 'Engineer' }),
          person({ id: 'd', name: 'Dev Das', level: 'L4', timezone: 'Europe/Berlin', teamIds: ['t1', 't2'], role: 'Engineer' }),
          person({ id: 'e', name: 'Eve Gone', level: 'L4', timezone: 'Europe/Berlin', teamIds: ['t1'], archived: true }),
        ],
        teams: [
          { id: 't1', name: 'Payments', description: '', memberIds: ['a', 'd', 'e'], serviceIds: [] },
          { id: 't2', name: 'Growth', description: '', memberIds: ['b', 'd'], serviceIds: [] },
        ],
      }),
    )
  })

  it('filters by team, level and time zone, together and with the search', async () => {
    const user = userEvent.setup()
    render(PeopleView)
    await screen.findByRole('link', { name: 'Ana Active' })
    const team = screen.getByLabelText('Team')
    const level = screen.getByLabelText('Level')
    const zone = screen.getByLabelText('Time zone')
    // Levels in ladder order, zones west to east with their offset.
    expect(within(level).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any level', 'L3', 'L4', 'L5', 'No level'])
    expect(within(zone).getAllByRole('option').map((o) => o.textContent?.replace(/\(.*\)/, '').trim())).toEqual([
      'Any time zone',
      'New York',
      'Berlin',
      'Kolkata',
    ])
    expect(within(zone).getByRole('option', { name: /Kolkata/ })).toHaveTextContent('Kolkata (UTC+05:30)')

    await user.selectOptions(team, 'Payments')
    expect(nameLinks()).toEqual(['Ana Active', 'Dev Das'])
    await user.selectOptions(level, 'L4')
    expect(nameLinks()).toEqual(['Dev Das'])
    await user.selectOptions(level, '')
    await user.selectOptions(team, 'No team')
    expect(nameLinks()).toEqual(['Cleo Chen'])
    await user.selectOptions(team, '')
    await user.selectOptions(zone, 'Europe/Berlin')
    expect(nameLinks()).toEqual(['Ana Active', 'Dev Das'])
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'staff')
    expect(nameLinks()).toEqual(['Ana Active'])
    await user.click(screen.getByRole('checkbox', { name: 'Show archived' }))
    await user.clear(screen.getByRole('searchbox', { name: 'Search people' }))
    expect(nameLinks()).toEqual(['Ana Active', 'Dev Das', 'Eve Gone'])

    await user.selectOptions(level, 'No level')
    expect(screen.getByText('No one matches these filters')).toBeInTheDocument()
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0])
    expect(nameLinks()).toHaveLength(5)
  })

  it('sorts by name, level, team and time zone, both ways, with aria-sort', async () => {
    const user = userEvent.setup()
    render(PeopleView)
    await screen.findByRole('link', { name: 'Ana Active' })
    const header = (name: string) => screen.getByRole('columnheader', { name })
    expect(header('Level')).toHaveAttribute('aria-sort', 'none')

    await user.click(within(header('Level')).getByRole('button'))
    expect(header('Level')).toHaveAttribute('aria-sort', 'ascending')
    expect(nameLinks()).toEqual(['ben Busy', 'Dev Das', 'Ana Active', 'Cleo Chen']) // ladder order, no level last
    await user.click(within(header('Level')).getByRole('button'))
    expect(header('Level')).toHaveAttribute('aria-sort', 'descending')
    expect(nameLinks()).toEqual(['Ana Active', 'Dev Das', 'ben Busy', 'Cleo Chen'])

    await user.click(within(header('Name')).getByRole('button'))
    expect(header('Level')).toHaveAttribute('aria-sort', 'none')
    expect(nameLinks()).toEqual(['Ana Active', 'ben Busy', 'Cleo Chen', 'Dev Das']) // case does not matter
    within(header('Name')).getByRole('button').focus()
    await user.keyboard('{Enter}')
    expect(nameLinks()).toEqual(['Dev Das', 'Cleo Chen', 'ben Busy', 'Ana Active'])

    await user.click(within(header('Teams')).getByRole('button'))
    expect(nameLinks()).toEqual(['ben Busy', 'Dev Das', 'Ana Active', 'Cleo Chen']) // Growth, Growth+Payments, Payments, none
    await user.click(within(header('Time zone')).getByRole('button'))
    expect(nameLinks()).toEqual(['ben Busy', 'Ana Active', 'Dev Das', 'Cleo Chen'])
  })

  it('Enter in the search opens the person when exactly one matches', async () => {
    const user = userEvent.setup()
    render(PeopleView)
    await screen.findByRole('link', { name: 'Ana Active' })
    const search = screen.getByRole('searchbox', { name: 'Search people' })
    await user.type(search, 'engineer{Enter}')
    expect(router.route.screen).not.toBe('people') // three match: nothing opens
    await user.clear(search)
    await user.type(search, 'dev')
    expect(search).toHaveAccessibleDescription('One match: Enter opens Dev Das')
    await user.keyboard('{Enter}')
    expect(router.route).toEqual({ screen: 'people', id: 'd', tab: '' })
  })
})

describe('PeopleView with many people (windowed table)', () => {
  afterEach(() => vi.restoreAllMocks())

  it('renders the rows in view of 300; the search still finds someone far down, and ArrowDown walks on', async () => {
    const layout = fakeTableLayout({ row: 53, top: 180 })
    const user = userEvent.setup()
    const people = Array.from({ length: 300 }, (_, i) => person({ id: `p${i}`, name: `Person ${String(i).padStart(3, '0')}` }))
    vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people }))
    render(PeopleView)
    await screen.findByRole('link', { name: 'Person 000' })
    const table = screen.getByRole('table')
    expect(bodyRows(table).length).toBeLessThanOrEqual(layout.window)
    expect(screen.queryByRole('link', { name: 'Person 250' })).toBeNull()

    screen.getByRole('link', { name: 'Person 000' }).focus()
    for (let i = 0; i < 20; i++) await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('link', { name: 'Person 020' })).toHaveFocus()

    await user.type(screen.getByRole('searchbox'), 'Person 250')
    expect(nameLinks()).toEqual(['Person 250'])
  })
})
