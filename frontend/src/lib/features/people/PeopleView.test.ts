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
import { directory, person } from '../../../test/fixtures'
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
