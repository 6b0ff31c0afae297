import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, loadFollowUps: vi.fn(), changeFollowUps: vi.fn(), loadDirectory: vi.fn() }
})

import * as api from '$lib/api'
import type { FollowUpBrief, FollowUpRow } from '$lib/api'
import { followups } from '$lib/stores/followups.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { router } from '$lib/stores/router.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { brief, followUpsView, loadedRoster, person } from '../../../test/fixtures'
import { bodyRows, fakeTableLayout } from '../../../test/layout'
import FollowUpsView from './FollowUpsView.svelte'

// Today is Monday 6 January 2025; the week ends on Sunday the 12th.
const CHECKOUT = { kind: 'incident_review', id: 'i1', label: 'Checkout down' }
const SEARCH = { kind: 'incident_review', id: 'i2', label: 'Search slow' }
const F1 = brief({ id: 'f1', title: 'Alert on queue depth', ownerId: 'p1', dueDate: '2025-01-03', priority: 'high', source: CHECKOUT })
const F2 = brief({ id: 'f2', title: 'Fix retries', ownerId: 'p2', dueDate: '2025-01-02', priority: 'urgent', status: 'in_progress' })
const F3 = brief({ id: 'f3', title: 'Write the runbook', ownerId: 'p3', dueDate: '2025-01-08', priority: 'medium', source: SEARCH })
const F4 = brief({ id: 'f4', title: 'Tune alerts', ownerId: 'p2', dueDate: '2025-01-20', priority: 'low', source: CHECKOUT })
const F5 = brief({ id: 'f5', title: 'Share the notes', ownerId: 'p1', dueDate: '', priority: 'medium' })

function row(item: FollowUpBrief, bucket: FollowUpRow['bucket']): FollowUpRow {
  return { item, bucket, daysOverdue: 0 }
}
const ROWS = [row(F2, 'overdue'), row(F1, 'overdue'), row(F3, 'due_soon'), row(F4, 'later'), row(F5, 'later')]

beforeEach(() => {
  followups.reset()
  toasts.reset()
  router.reset()
  loadedRoster({ people: [person({ id: 'p1', name: 'Dana Xu' }), person({ id: 'p2', name: 'Eli Moss' }), person({ id: 'p3', name: 'Ada Okafor' })] })
  const stats = { total: 5, open: 5, done: 0, wontDo: 0, overdue: 2, completionRate: 0 }
  vi.mocked(api.loadFollowUps).mockResolvedValue(followUpsView({ rows: ROWS, overdue: 2, all: stats }))
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

async function renderView() {
  render(FollowUpsView)
  return screen.findByRole('table', { name: 'Overdue follow-ups' })
}

function titlesIn(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('.t')?.textContent ?? '')
}

function allTitles(): string[] {
  return screen.queryAllByRole('table').flatMap(titlesIn)
}

describe('FollowUpsView sorting', () => {
  it('sorts every group by the header clicked, both ways, with aria-sort; the keyboard works too', async () => {
    const user = userEvent.setup()
    const overdue = await renderView()
    const later = screen.getByRole('table', { name: 'Later follow-ups' })
    // The backend's order until a header is clicked.
    expect(titlesIn(overdue)).toEqual(['Fix retries', 'Alert on queue depth'])
    const owner = within(overdue).getByRole('columnheader', { name: 'Owner' })
    expect(owner).toHaveAttribute('aria-sort', 'none')

    await user.click(within(owner).getByRole('button', { name: 'Owner' }))
    expect(owner).toHaveAttribute('aria-sort', 'ascending')
    expect(within(later).getByRole('columnheader', { name: 'Owner' })).toHaveAttribute('aria-sort', 'ascending')
    expect(titlesIn(overdue)).toEqual(['Alert on queue depth', 'Fix retries']) // Dana, Eli
    expect(titlesIn(later)).toEqual(['Share the notes', 'Tune alerts'])

    // Enter on the focused header sorts the other way.
    within(owner).getByRole('button').focus()
    await user.keyboard('{Enter}')
    expect(owner).toHaveAttribute('aria-sort', 'descending')
    expect(titlesIn(overdue)).toEqual(['Fix retries', 'Alert on queue depth'])

    // Priority starts with the most urgent; due date soonest first, undated last.
    await user.click(within(later).getByRole('button', { name: 'Priority' }))
    expect(within(overdue).getByRole('columnheader', { name: 'Priority' })).toHaveAttribute('aria-sort', 'descending')
    expect(owner).toHaveAttribute('aria-sort', 'none')
    expect(titlesIn(later)).toEqual(['Share the notes', 'Tune alerts'])
    await user.click(within(later).getByRole('button', { name: 'Due' }))
    expect(titlesIn(later)).toEqual(['Tune alerts', 'Share the notes'])
    await user.click(within(later).getByRole('button', { name: 'Source' }))
    expect(titlesIn(later)).toEqual(['Tune alerts', 'Share the notes']) // stand-alone last
    await user.click(within(overdue).getByRole('button', { name: 'Status' }))
    expect(titlesIn(overdue)).toEqual(['Alert on queue depth', 'Fix retries']) // open, then in progress
    expect(followups.sortKey).toBe('status')
  })
})

describe('FollowUpsView filters', () => {
  it('filters by due date, source and incident; the choice outlives the screen', async () => {
    const user = userEvent.setup()
    await renderView()
    const due = screen.getByLabelText('Due')
    expect(within(due).getByRole('option', { name: 'This week (to 12 Jan 2025)' })).toBeInTheDocument()
    await user.selectOptions(due, 'week')
    expect(allTitles()).toEqual(['Write the runbook'])
    await user.selectOptions(due, 'overdue')
    expect(allTitles()).toEqual(['Fix retries', 'Alert on queue depth'])
    await user.selectOptions(due, 'none')
    expect(allTitles()).toEqual(['Share the notes'])
    await user.selectOptions(due, '')

    const source = screen.getByLabelText('Source')
    await user.selectOptions(source, 'Stand-alone')
    expect(allTitles()).toEqual(['Fix retries', 'Share the notes'])
    await user.selectOptions(source, 'Checkout down')
    expect(allTitles()).toEqual(['Alert on queue depth', 'Tune alerts'])
    await user.selectOptions(due, 'later')
    expect(allTitles()).toEqual(['Tune alerts'])

    // Leave the screen and come back: the filters are still set.
    cleanup()
    render(FollowUpsView)
    await screen.findByRole('table', { name: 'Later follow-ups' })
    expect(allTitles()).toEqual(['Tune alerts'])
    expect(screen.getByLabelText('Source')).toHaveValue('id:i1')
    expect(screen.getByLabelText('Due')).toHaveValue('later')

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(allTitles()).toHaveLength(5))
  })

  it('builds the incident options of Source when the select is first pointed at or focused', async () => {
    const user = userEvent.setup()
    await renderView()
    const source = screen.getByLabelText('Source')
    expect(within(source).queryByRole('option', { name: 'Checkout down' })).toBeNull()
    expect(within(source).getByRole('option', { name: 'Stand-alone' })).toBeInTheDocument()
    await user.hover(source)
    expect(within(source).getByRole('option', { name: 'Checkout down' })).toBeInTheDocument()
    expect(within(source).getByRole('option', { name: 'Search slow' })).toBeInTheDocument()
  })

  it('asks the backend for one owner’s follow-ups', async () => {
    const user = userEvent.setup()
    await renderView()
    await user.selectOptions(screen.getByLabelText('Owner'), 'Eli Moss')
    await waitFor(() =>
      expect(api.loadFollowUps).toHaveBeenLastCalledWith({ filter: expect.objectContaining({ ownerIds: ['p2'] }) }),
    )
  })
})

describe('FollowUpsView bulk actions', () => {
  it('completes the ticked rows; one that fails says why in its row and stays ticked; Undo restores the others', async () => {
    const user = userEvent.setup()
    const overdue = await renderView()
    vi.mocked(api.changeFollowUps).mockImplementation(async (changes) => ({
      items: [],
      problems: changes.filter((c) => c.id === 'f2').map((c) => ({ id: c.id, code: 'conflict', message: 'Changed elsewhere.', field: '' })),
    }))
    const bar = screen.getByRole('group', { name: 'Bulk actions' })
    expect(within(bar).getByRole('button', { name: 'Complete' })).toBeDisabled()
    const route = { ...router.route }

    await user.click(within(overdue).getByRole('checkbox', { name: 'Select all: Overdue follow-ups' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Write the runbook' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Tune alerts' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Tune alerts' }))
    expect(within(bar).getByText('3 selected')).toBeInTheDocument()
    // Ticking rows opens nothing.
    expect(router.route).toEqual(route)

    await user.click(within(bar).getByRole('button', { name: 'Complete' }))
    expect(api.changeFollowUps).toHaveBeenCalledWith([
      { id: 'f2', status: 'done' },
      { id: 'f1', status: 'done' },
      { id: 'f3', status: 'done' },
    ])
    const failed = await screen.findByRole('checkbox', { name: 'Select Fix retries' })
    await waitFor(() => expect(failed).toHaveAccessibleDescription('Could not complete: Changed elsewhere.'))
    expect(failed).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Select Alert on queue depth' })).not.toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Select Write the runbook' })).not.toBeChecked()
    expect(within(bar).getByText('1 selected')).toBeInTheDocument()

    const toast = toasts.items.find((t) => t.message.startsWith('Completed 2 follow-ups.'))!
    expect(toast.message).toBe('Completed 2 follow-ups. 1 follow-up was left as it was: see the row.')
    expect(toast.kind).toBe('error')
    vi.mocked(api.changeFollowUps).mockResolvedValue({ items: [], problems: [] })
    await toast.action!.run()
    expect(api.changeFollowUps).toHaveBeenLastCalledWith([
      { id: 'f1', status: 'open' },
      { id: 'f3', status: 'open' },
    ])
  })

  it('the header box ticks and unticks a whole group and shows a part ticked', async () => {
    const user = userEvent.setup()
    const overdue = await renderView()
    const all = within(overdue).getByRole('checkbox', { name: 'Select all: Overdue follow-ups' })
    await user.click(screen.getByRole('checkbox', { name: 'Select Fix retries' }))
    expect(all).not.toBeChecked()
    expect((all as HTMLInputElement).indeterminate).toBe(true)
    await user.click(all)
    expect(all).toBeChecked()
    expect((all as HTMLInputElement).indeterminate).toBe(false)
    await user.click(all)
    expect(screen.getByRole('checkbox', { name: 'Select Fix retries' })).not.toBeChecked()
    expect(screen.getByText('Tick follow-ups to act on several at once')).toBeInTheDocument()
  })

  it('postpones by a week (undated ones from today) and reassigns, each with Undo', async () => {
    const user = userEvent.setup()
    await renderView()
    vi.mocked(api.changeFollowUps).mockResolvedValue({ items: [], problems: [] })
    const bar = screen.getByRole('group', { name: 'Bulk actions' })
    await user.click(screen.getByRole('checkbox', { name: 'Select Alert on queue depth' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Share the notes' }))
    await user.click(within(bar).getByRole('button', { name: 'Postpone' }))
    await user.click(await screen.findByRole('menuitem', { name: '1 week' }))
    expect(api.changeFollowUps).toHaveBeenCalledWith([
      { id: 'f1', dueDate: '2025-01-10' },
      { id: 'f5', dueDate: '2025-01-13' },
    ])
    let toast = toasts.items.at(-1)!
    expect(toast.message).toBe('Postponed 2 follow-ups by 1 week (those without a date are now due 1 week from today).')
    await toast.action!.run()
    expect(api.changeFollowUps).toHaveBeenLastCalledWith([
      { id: 'f1', dueDate: '2025-01-03' },
      { id: 'f5', clearDue: true },
    ])

    // Postponing unticked them; tick two for reassigning (Eli owns one already).
    await user.click(screen.getByRole('checkbox', { name: 'Select Alert on queue depth' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Fix retries' }))
    await user.selectOptions(within(bar).getByLabelText('New owner'), 'Eli Moss')
    await user.click(within(bar).getByRole('button', { name: 'Reassign' }))
    expect(api.changeFollowUps).toHaveBeenLastCalledWith([{ id: 'f1', ownerId: 'p2' }])
    toast = toasts.items.at(-1)!
    expect(toast.message).toBe('Reassigned 1 follow-up to Eli Moss.')
    await toast.action!.run()
    expect(api.changeFollowUps).toHaveBeenLastCalledWith([{ id: 'f1', ownerId: 'p1' }])
  })
})

describe('FollowUpsView with a thousand rows (windowed tables)', () => {
  const MANY = Array.from({ length: 1200 }, (_, i) =>
    row(brief({ id: `m${i}`, title: `Task ${i}`, ownerId: 'p1', dueDate: '2024-12-01', priority: 'medium' }), 'overdue'),
  )

  beforeEach(() => {
    const stats = { total: 1200, open: 1200, done: 0, wontDo: 0, overdue: 1200, completionRate: 0 }
    vi.mocked(api.loadFollowUps).mockResolvedValue(followUpsView({ rows: MANY, overdue: 1200, all: stats }))
  })
  afterEach(() => vi.restoreAllMocks())

  it('renders a window of the group, not all 1,200 rows and no “Show all”; scrolling reaches the rest', async () => {
    const layout = fakeTableLayout({ row: 50, top: 300 })
    const overdue = await renderView()
    expect(within(overdue).getByText('Task 0')).toBeInTheDocument()
    expect(bodyRows(overdue).length).toBeLessThanOrEqual(layout.window)
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull()
    await layout.scrollTo(300 + 50 * 1100)
    expect(within(overdue).queryByText('Task 0')).toBeNull()
    expect(within(overdue).getByText('Task 1100')).toBeInTheDocument()
    expect(bodyRows(overdue).length).toBeLessThanOrEqual(layout.full)
  })

  it('the header box ticks the whole group, the rows out of view too, and bulk actions count them', async () => {
    fakeTableLayout({ row: 50, top: 300 })
    const user = userEvent.setup()
    const overdue = await renderView()
    await user.click(within(overdue).getByRole('checkbox', { name: 'Select all: Overdue follow-ups' }))
    expect(screen.getByText('1200 selected')).toBeInTheDocument()
  })

  it('a follow-up opened from a reminder far down the group is rendered, scrolled to and focused', async () => {
    fakeTableLayout({ row: 50, top: 300 })
    render(FollowUpsView, { selectedId: 'm900' })
    const status = await screen.findByRole('button', { name: /^Status of Task 900/ })
    await waitFor(() => expect(status).toHaveFocus())
    expect(status.closest('tr')).toHaveClass('selected')
  })
})
