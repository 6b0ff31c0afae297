import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    listReminders: vi.fn(),
    notificationStatus: vi.fn(),
    snoozeReminder: vi.fn(),
    dismissReminder: vi.fn(),
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
