import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, setFollowUpStatus: vi.fn(), loadFollowUps: vi.fn(), deleteFollowUp: vi.fn() }
})

import * as api from '$lib/api'
import { followups } from '$lib/stores/followups.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { brief, followUpsView, goError, loadedRoster, person } from '../../../test/fixtures'
import { bodyRows, fakeTableLayout } from '../../../test/layout'
import FollowUpTable from './FollowUpTable.svelte'

const ITEM = brief({
  id: 'f1',
  title: 'Alert on queue depth',
  ownerId: 'p1',
  dueDate: '2025-01-03',
  priority: 'high',
  source: { kind: 'incident_review', id: 'i1', label: 'Checkout down' },
})

beforeEach(() => {
  followups.reset()
  toasts.reset()
  loadedRoster({ people: [person({ id: 'p1', name: 'Dana Xu' })] })
  vi.mocked(api.loadFollowUps).mockResolvedValue(followUpsView())
  vi.mocked(api.setFollowUpStatus).mockImplementation(async (id, status, reason) => ({
    ...ITEM,
    id,
    status,
    reason: reason ?? '',
    notes: '',
    updatedAt: '',
  }))
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.clearAllMocks()
})

function renderRow(onchanged = vi.fn()) {
  render(FollowUpTable, { props: { items: [ITEM], today: '2025-01-06', showSource: true, label: 'Overdue follow-ups', onchanged } })
  return onchanged
}

async function choose(user: ReturnType<typeof userEvent.setup>, option: string) {
  await user.click(screen.getByRole('button', { name: /^Status of Alert on queue depth/ }))
  await user.click(await screen.findByRole('menuitemradio', { name: option }))
}

describe('FollowUpTable row', () => {
  it('shows owner, due date with days overdue, priority and a link to the incident', () => {
    renderRow()
    const row = screen.getByRole('row', { name: /Alert on queue depth/ })
    expect(within(row).getByText('Dana Xu')).toBeInTheDocument()
    expect(within(row).getByText('3 days overdue')).toBeInTheDocument()
    expect(within(row).getByText('High')).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: 'Checkout down' })).toHaveAttribute('href', '#/incidents/i1')
    expect(within(row).getByRole('button', { name: 'Status of Alert on queue depth: Open' })).toBeInTheDocument()
  })

  it('"Won’t do…" needs a reason, shown next to the field, before anything is saved', async () => {
    const user = userEvent.setup()
    const onchanged = renderRow()
    await choose(user, 'Won’t do…')
    const dialog = await screen.findByRole('alertdialog', { name: 'Won’t do “Alert on queue depth”?' })
    const reason = within(dialog).getByLabelText('Reason')
    await waitFor(() => expect(reason).toHaveFocus())

    await user.click(within(dialog).getByRole('button', { name: 'Mark won’t do' }))
    expect(api.setFollowUpStatus).not.toHaveBeenCalled()
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(reason).toHaveAccessibleDescription('Say why this follow-up won’t be done.')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say why this follow-up won’t be done.')

    await user.type(reason, 'Superseded by the queue migration')
    expect(reason).not.toHaveAttribute('aria-invalid')
    await user.click(within(dialog).getByRole('button', { name: 'Mark won’t do' }))
    await waitFor(() => expect(api.setFollowUpStatus).toHaveBeenCalledWith('f1', 'wont_do', 'Superseded by the queue migration'))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(onchanged).toHaveBeenCalled()
  })

  it('puts the backend’s reason message next to the field too', async () => {
    const user = userEvent.setup()
    vi.mocked(api.setFollowUpStatus).mockRejectedValueOnce(
      goError({ code: 'invalid', message: 'Reason is too long.', field: 'reason' }),
    )
    renderRow()
    await choose(user, 'Won’t do…')
    const dialog = await screen.findByRole('alertdialog')
    await user.type(within(dialog).getByLabelText('Reason'), 'x')
    await user.click(within(dialog).getByRole('button', { name: 'Mark won’t do' }))
    await waitFor(() => expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription('Reason is too long.'))
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()
  })

  it('marks done with an Undo that restores the previous status', async () => {
    const user = userEvent.setup()
    renderRow()
    await choose(user, 'Done')
    await waitFor(() => expect(api.setFollowUpStatus).toHaveBeenCalledWith('f1', 'done', ''))
    const toast = toasts.items.find((t) => t.message === 'Marked “Alert on queue depth” done.')
    expect(toast?.action?.label).toBe('Undo')
    await toast!.action!.run()
    expect(api.setFollowUpStatus).toHaveBeenLastCalledWith('f1', 'open', '')
  })

  it('works from the keyboard: Enter opens the menu on the current status, arrows move, Escape closes', async () => {
    const user = userEvent.setup()
    renderRow()
    const button = screen.getByRole('button', { name: /^Status of Alert on queue depth/ })
    button.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('menuitemradio', { name: 'Open' })).toHaveFocus())
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitemradio', { name: 'In progress' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(button).toHaveFocus()
    await user.keyboard('{Enter}{ArrowDown}{Enter}')
    await waitFor(() => expect(api.setFollowUpStatus).toHaveBeenCalledWith('f1', 'in_progress', ''))
  })
})

describe('FollowUpTable windowed', () => {
  it('renders the rows in view of 1,000, and an arrow key moves to the next row’s checkbox beyond them', async () => {
    const layout = fakeTableLayout({ row: 50, top: 200 })
    const user = userEvent.setup()
    const items = Array.from({ length: 1000 }, (_, i) => brief({ id: `x${i}`, title: `Task ${i}`, dueDate: '2025-01-03' }))
    const onselect = vi.fn()
    render(FollowUpTable, { props: { items, today: '2025-01-06', label: 'Overdue follow-ups', selected: new Set<string>(), onselect } })
    const table = screen.getByRole('table', { name: 'Overdue follow-ups' })
    const rows = bodyRows(table)
    expect(rows.length).toBeLessThanOrEqual(layout.window)
    const last = rows.length - 1
    screen.getByRole('checkbox', { name: `Select Task ${last}` }).focus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('checkbox', { name: `Select Task ${last + 1}` })).toHaveFocus()
    await user.keyboard(' ')
    expect(onselect).toHaveBeenCalledWith([`x${last + 1}`], true)
  })
})
