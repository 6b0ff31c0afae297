import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    listReminders: vi.fn(),
    countReminders: vi.fn(),
    notificationStatus: vi.fn(),
    snoozeReminder: vi.fn(),
    dismissReminder: vi.fn(),
    dismissReminders: vi.fn(),
    snoozeReminders: vi.fn(),
    restoreReminders: vi.fn(),
  }
})

import * as api from '$lib/api'
import { reminders } from '$lib/stores/reminders.svelte'
import { router } from '$lib/stores/router.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { addDays, civilDate } from '$lib/util/time'
import { reminder } from '../../../test/fixtures'
import NotificationCentre from './NotificationCentre.svelte'

const DELIVERED = reminder({ key: 'k1', title: 'Overdue follow-up: Add an alert', linkArea: 'followups', linkId: 'f1' })
const HELD = reminder({
  key: 'k2',
  title: 'Overdue follow-up: Fix retries',
  status: 'held',
  deliveredAt: '',
  heldUntil: '2025-01-07T07:00:00Z',
})
const SNOOZED = reminder({
  key: 'k3',
  title: 'Post-incident review overdue: SEV2 Checkout',
  status: 'snoozed',
  linkArea: 'incidents',
  linkId: 'i1',
  snoozedUntil: '2025-01-08T08:00:00Z',
})

beforeEach(() => {
  reminders.reset()
  toasts.reset()
  router.reset()
  vi.mocked(api.listReminders).mockResolvedValue([DELIVERED, HELD, SNOOZED])
  vi.mocked(api.notificationStatus).mockResolvedValue({ available: true, reason: '' })
  vi.mocked(api.snoozeReminder).mockResolvedValue('2025-01-07T08:00:00Z')
  vi.mocked(api.dismissReminder).mockResolvedValue()
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

async function openCentre(user: ReturnType<typeof userEvent.setup>) {
  render(NotificationCentre)
  await user.click(screen.getByRole('button', { name: 'Notifications' }))
  const panel = await screen.findByRole('dialog', { name: 'Notifications' })
  await within(panel).findByText(DELIVERED.title)
  return panel
}

function item(panel: HTMLElement, title: string) {
  return within(panel).getByRole('listitem', { name: title })
}

describe('NotificationCentre', () => {
  it('counts active reminders on the bell without changing its name', async () => {
    await reminders.load()
    render(NotificationCentre)
    const bell = screen.getByRole('button', { name: 'Notifications' })
    expect(bell).toHaveAccessibleDescription('3 active reminders')
    expect(bell).toHaveAttribute('aria-expanded', 'false')
  })

  it('counts from the count alone, reads the list when it opens (loading, never "all caught up" before), and follows changes while open', async () => {
    vi.mocked(api.countReminders).mockResolvedValue(3)
    let answer: (l: typeof DELIVERED[]) => void = () => {}
    vi.mocked(api.listReminders).mockReturnValueOnce(new Promise((r) => (answer = r)))
    await reminders.loadCount()
    const user = userEvent.setup()
    render(NotificationCentre)
    const bell = screen.getByRole('button', { name: 'Notifications' })
    expect(bell).toHaveAccessibleDescription('3 active reminders')
    expect(api.listReminders).not.toHaveBeenCalled()
    // Closed, a change reads the count only.
    vi.mocked(api.countReminders).mockResolvedValue(2)
    await reminders.refresh()
    expect(bell).toHaveAccessibleDescription('2 active reminders')
    expect(api.listReminders).not.toHaveBeenCalled()
    await user.click(bell)
    const panel = await screen.findByRole('dialog', { name: 'Notifications' })
    expect(api.listReminders).toHaveBeenCalledTimes(1)
    expect(within(panel).queryByText('You’re all caught up')).toBeNull()
    expect(panel.querySelector('[aria-busy="true"], [role="status"]')).not.toBeNull()
    answer([DELIVERED, HELD, SNOOZED])
    await within(panel).findByText(DELIVERED.title)
    expect(bell).toHaveAccessibleDescription('3 active reminders')
    // Open, a change reads the list again.
    vi.mocked(api.listReminders).mockResolvedValue([DELIVERED])
    await reminders.refresh()
    await waitFor(() => expect(within(panel).queryByText(HELD.title)).toBeNull())
    expect(bell).toHaveAccessibleDescription('1 active reminder')
    expect(api.countReminders).toHaveBeenCalledTimes(2)
  })

  it('Escape closes the panel even when the focus is outside it (a toast’s Undo), but not over a dialog', async () => {
    const user = userEvent.setup()
    await openCentre(user)
    const outside = document.createElement('button')
    document.body.appendChild(outside)
    outside.focus()
    const dialog = document.createElement('div')
    dialog.setAttribute('data-modal-root', '')
    document.body.appendChild(dialog)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).not.toBeNull()
    dialog.remove()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull())
    outside.remove()
  })

  it('lists each reminder with its status: delivered, held by quiet hours, snoozed', async () => {
    const user = userEvent.setup()
    const panel = await openCentre(user)
    expect(within(item(panel, DELIVERED.title)).getByText(/^Delivered /)).toBeInTheDocument()
    expect(within(item(panel, DELIVERED.title)).getByText(DELIVERED.body)).toBeInTheDocument()
    expect(within(item(panel, HELD.title)).getByText(/Held by quiet hours until .*\d{2}:\d{2}/)).toBeInTheDocument()
    expect(within(item(panel, SNOOZED.title)).getByText(/Snoozed until .*\d{2}:\d{2}/)).toBeInTheDocument()
    expect(within(panel).queryByText(/Desktop notifications are off/)).toBeNull()
  })

  it('snoozes for an hour, until tomorrow morning or a picked date', async () => {
    const user = userEvent.setup()
    const panel = await openCentre(user)
    const first = item(panel, DELIVERED.title)
    await user.click(within(first).getByRole('button', { name: 'Snooze' }))
    await user.click(await screen.findByRole('menuitem', { name: '1 hour' }))
    expect(api.snoozeReminder).toHaveBeenCalledWith('k1', '1h')

    await user.click(within(item(panel, HELD.title)).getByRole('button', { name: 'Snooze' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Tomorrow morning' }))
    expect(api.snoozeReminder).toHaveBeenLastCalledWith('k2', 'tomorrow')

    await user.click(within(item(panel, SNOOZED.title)).getByRole('button', { name: 'Snooze' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Pick a date…' }))
    const date = await within(panel).findByLabelText('Snooze until')
    await waitFor(() => expect(date).toHaveFocus())
    // Today is refused next to the field; a later day is sent as YYYY-MM-DD.
    await user.clear(date)
    await user.type(date, civilDate(new Date()))
    await user.click(within(item(panel, SNOOZED.title)).getByRole('button', { name: 'Snooze' }))
    expect(date).toHaveAccessibleDescription('Pick a day after today.')
    const later = addDays(civilDate(new Date()), 5)
    await user.clear(date)
    await user.type(date, later)
    await user.click(within(item(panel, SNOOZED.title)).getByRole('button', { name: 'Snooze' }))
    await waitFor(() => expect(api.snoozeReminder).toHaveBeenLastCalledWith('k3', later))
    expect(toasts.items.some((t) => t.message.startsWith('Snoozed until'))).toBe(true)
  })

  it('dismisses a reminder and shows the empty state when nothing is left', async () => {
    const user = userEvent.setup()
    const panel = await openCentre(user)
    vi.mocked(api.listReminders).mockResolvedValue([])
    await user.click(within(item(panel, DELIVERED.title)).getByRole('button', { name: 'Dismiss' }))
    expect(api.dismissReminder).toHaveBeenCalledWith('k1')
    expect(await within(panel).findByRole('heading', { name: 'You’re all caught up' })).toBeInTheDocument()
  })

  it('"Open" goes to what the reminder is about and closes the panel', async () => {
    const user = userEvent.setup()
    const panel = await openCentre(user)
    await user.click(within(item(panel, SNOOZED.title)).getByRole('button', { name: 'Open' }))
    expect(router.route).toEqual({ screen: 'incidents', id: 'i1', tab: '' })
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull()
  })

  it('a 1:1 or feedback reminder opens that part of the person’s page', async () => {
    const user = userEvent.setup()
    const overdue = reminder({ key: 'o1', kind: 'oneonone.overdue', title: '1:1 with Dana Reyes is overdue', linkArea: 'people', linkId: 'dana' })
    const stale = reminder({ key: 's1', kind: 'feedback.stale', title: 'Feedback for Eli Moss is waiting', linkArea: 'people', linkId: 'eli' })
    vi.mocked(api.listReminders).mockResolvedValue([DELIVERED, overdue, stale])
    let panel = await openCentre(user)
    await user.click(within(item(panel, overdue.title)).getByRole('button', { name: 'Open' }))
    expect(router.route).toEqual({ screen: 'people', id: 'dana', tab: 'oneonones' })
    await user.click(screen.getByRole('button', { name: 'Notifications' }))
    panel = await screen.findByRole('dialog', { name: 'Notifications' })
    await user.click(within(item(panel, stale.title)).getByRole('button', { name: 'Open' }))
    expect(router.route).toEqual({ screen: 'people', id: 'eli', tab: 'feedback' })
  })

  it('says why desktop notifications are off; the centre still works', async () => {
    const user = userEvent.setup()
    vi.mocked(api.notificationStatus).mockResolvedValue({
      available: false,
      reason: 'No notification service is running on the session bus.',
    })
    const panel = await openCentre(user)
    expect(
      await within(panel).findByText('Desktop notifications are off: No notification service is running on the session bus.'),
    ).toBeInTheDocument()
    expect(item(panel, DELIVERED.title)).toBeInTheDocument()
  })

  it('Escape closes the panel and gives focus back to the bell', async () => {
    const user = userEvent.setup()
    await openCentre(user)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Notifications' })).toHaveFocus())
  })
})

describe('NotificationCentre groups and bulk actions', () => {
  const FU = [1, 2, 3].map((i) => reminder({ key: `fu${i}`, title: `Overdue follow-up: Task ${i}`, linkId: `f${i}` }))
  const ONE = reminder({ key: 'o1', kind: 'oneonone.overdue', title: '1:1 with Dana Reyes is overdue', linkArea: 'people', linkId: 'dana' })
  const SNZ = reminder({
    key: 'o2',
    kind: 'oneonone.overdue',
    title: '1:1 with Eli Moss is overdue',
    linkArea: 'people',
    linkId: 'eli',
    status: 'snoozed',
    snoozedUntil: '2025-01-08T08:00:00Z',
  })
  const REVIEW = reminder({ key: 'r1', kind: 'review.overdue', title: 'Post-incident review overdue: SEV2 Checkout', linkArea: 'incidents', linkId: 'i1' })

  // A backend that keeps what is dismissed out of the list until restored.
  let all: ReturnType<typeof reminder>[] = []
  let gone = new Set<string>()
  beforeEach(() => {
    all = [...FU, REVIEW, ONE, SNZ]
    gone = new Set()
    vi.mocked(api.listReminders).mockImplementation(async () => all.filter((r) => !gone.has(r.key)))
    vi.mocked(api.dismissReminders).mockImplementation(async (keys) => {
      keys.forEach((k) => gone.add(k))
      return []
    })
    vi.mocked(api.restoreReminders).mockImplementation(async (prev) => {
      prev.forEach((p) => gone.delete(p.key))
      return []
    })
    vi.mocked(api.snoozeReminders).mockResolvedValue({ until: '2025-01-07T08:00:00Z', problems: [] })
  })

  function group(panel: HTMLElement, label: string) {
    return within(panel).getByRole('region', { name: label })
  }

  async function openIt(user: ReturnType<typeof userEvent.setup>) {
    render(NotificationCentre)
    await user.click(screen.getByRole('button', { name: 'Notifications' }))
    const panel = await screen.findByRole('dialog', { name: 'Notifications' })
    await within(panel).findByText(FU[0].title)
    return panel
  }

  it('groups reminders by kind, in a fixed order, each with its count, and collapses a group', async () => {
    const user = userEvent.setup()
    const panel = await openIt(user)
    const regions = within(panel).getAllByRole('region')
    expect(regions.map((r) => r.getAttribute('data-kind'))).toEqual(['followup.overdue', 'review.overdue', 'oneonone.overdue'])
    const fu = group(panel, 'Overdue follow-ups')
    expect(within(fu).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      FU.map((r) => expect.stringContaining(r.title)),
    )
    const toggle = within(fu).getByRole('button', { name: 'Overdue follow-ups 3' })
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(within(group(panel, '1:1s overdue')).getByRole('button', { name: '1:1s overdue 2' })).toBeInTheDocument()
    expect(within(panel).getByText('6 reminders in 3 groups')).toBeInTheDocument()

    // Keyboard: the header is a button; Enter folds the group away and back.
    toggle.focus()
    await user.keyboard('{Enter}')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(within(fu).queryAllByRole('listitem')).toHaveLength(0)
    expect(item(panel, REVIEW.title)).toBeInTheDocument()
    await user.keyboard(' ')
    expect(within(fu).getAllByRole('listitem')).toHaveLength(3)
  })

  it('"Dismiss all" of a group dismisses only that group, with an Undo that puts each back as it was', async () => {
    const user = userEvent.setup()
    const panel = await openIt(user)
    await user.click(within(group(panel, '1:1s overdue')).getByRole('button', { name: 'Dismiss all: 1:1s overdue' }))
    expect(api.dismissReminders).toHaveBeenCalledWith(['o1', 'o2'])
    await waitFor(() => expect(within(panel).queryByRole('region', { name: '1:1s overdue' })).toBeNull())
    expect(item(panel, FU[0].title)).toBeInTheDocument()
    // Focus is not lost with the group: it is on what is left.
    expect(panel.contains(document.activeElement)).toBe(true)

    const toast = toasts.items.find((t) => t.message === 'Dismissed 2 reminders.')
    expect(toast?.action?.label).toBe('Undo')
    await toast!.action!.run()
    expect(api.restoreReminders).toHaveBeenCalledWith([
      { key: 'o1', snoozedUntil: '' },
      { key: 'o2', snoozedUntil: '2025-01-08T08:00:00Z' },
    ])
    expect(await within(panel).findByRole('region', { name: '1:1s overdue' })).toBeInTheDocument()
    expect(item(panel, SNZ.title)).toBeInTheDocument()
    expect(toasts.items.some((t) => t.message === 'Put back 2 reminders.')).toBe(true)
  })

  it('"Dismiss all" for everything, one failure reported and the rest still undoable', async () => {
    const user = userEvent.setup()
    vi.mocked(api.dismissReminders).mockImplementation(async (keys) => {
      keys.filter((k) => k !== 'r1').forEach((k) => gone.add(k))
      return [{ id: 'r1', code: 'not_found', message: 'That reminder is no longer due.', field: '' }]
    })
    const panel = await openIt(user)
    await user.click(within(panel).getByRole('button', { name: 'Dismiss all reminders' }))
    expect(api.dismissReminders).toHaveBeenCalledWith(['fu1', 'fu2', 'fu3', 'r1', 'o1', 'o2'])
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(1))
    const toast = toasts.items.find((t) => t.message.startsWith('Dismissed 5 reminders.'))!
    expect(toast.message).toBe('Dismissed 5 reminders. 1 reminder could not be dismissed: That reminder is no longer due.')
    expect(toast.kind).toBe('error')
    await toast.action!.run()
    expect(vi.mocked(api.restoreReminders).mock.calls[0][0].map((p) => p.key)).toEqual(['fu1', 'fu2', 'fu3', 'o1', 'o2'])
  })

  it('"Snooze all" of a group snoozes its reminders until one time, with Undo', async () => {
    const user = userEvent.setup()
    const panel = await openIt(user)
    await user.click(within(group(panel, 'Overdue follow-ups')).getByRole('button', { name: 'Snooze all: Overdue follow-ups' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Tomorrow morning' }))
    expect(api.snoozeReminders).toHaveBeenCalledWith(['fu1', 'fu2', 'fu3'], 'tomorrow')
    const toast = await waitFor(() => {
      const t = toasts.items.find((x) => x.message.startsWith('Snoozed 3 reminders until'))
      expect(t).toBeTruthy()
      return t!
    })
    await toast.action!.run()
    expect(api.restoreReminders).toHaveBeenCalledWith(FU.map((r) => ({ key: r.key, snoozedUntil: '' })))
  })

  it('shows the first 20 of a long group, then 20 more at a time', async () => {
    const user = userEvent.setup()
    all = Array.from({ length: 45 }, (_, i) => reminder({ key: `k${i}`, title: `Overdue follow-up: Item ${i + 1}` }))
    render(NotificationCentre)
    await user.click(screen.getByRole('button', { name: 'Notifications' }))
    const panel = await screen.findByRole('dialog', { name: 'Notifications' })
    const fu = await within(panel).findByRole('region', { name: 'Overdue follow-ups' })
    expect(within(fu).getAllByRole('listitem')).toHaveLength(20)
    expect(within(fu).getByText('20 of 45 shown')).toBeInTheDocument()
    await user.click(within(fu).getByRole('button', { name: 'Show 20 more' }))
    expect(within(fu).getAllByRole('listitem')).toHaveLength(40)
    // The keyboard carries on with the first new row.
    expect(within(item(panel, 'Overdue follow-up: Item 21')).getByRole('button', { name: 'Open' })).toHaveFocus()
    await user.click(within(fu).getByRole('button', { name: 'Show 5 more' }))
    expect(within(fu).getAllByRole('listitem')).toHaveLength(45)
    expect(within(fu).queryByRole('button', { name: /more$/ })).toBeNull()
    // One group: its own buttons are enough, no second "Dismiss all".
    expect(within(panel).queryByRole('button', { name: 'Dismiss all reminders' })).toBeNull()
  })

  it('has no native tooltips that could cover the buttons', async () => {
    const user = userEvent.setup()
    const panel = await openIt(user)
    expect(screen.getByRole('button', { name: 'Notifications' })).not.toHaveAttribute('title')
    expect(panel.querySelectorAll('[title]')).toHaveLength(0)
    expect(within(panel).getByRole('button', { name: 'Close notifications' })).toHaveAttribute('aria-keyshortcuts', 'Escape')
  })
})
