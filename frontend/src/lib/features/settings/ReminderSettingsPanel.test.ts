import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadReminderSettings: vi.fn(),
    saveReminderSettings: vi.fn(),
    loadTimeZones: vi.fn(),
    notificationStatus: vi.fn(),
    appClock: vi.fn(),
    advanceClock: vi.fn(),
    evaluateReminders: vi.fn(),
    listReminders: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { ReminderSettings } from '$lib/api'
import { reminders } from '$lib/stores/reminders.svelte'
import { timezones } from '$lib/stores/timezones.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError, ZONES } from '../../../test/fixtures'
import ReminderSettingsPanel from './ReminderSettingsPanel.svelte'

const SETTINGS: ReminderSettings = {
  timezone: '',
  detectedZone: 'Europe/Berlin',
  quiet: { enabled: true, start: '22:00', end: '08:00', weekends: true },
  desktop: true,
  background: false,
  autostart: false,
  lockMinutes: 15,
}

beforeEach(() => {
  reminders.reset()
  timezones.reset()
  toasts.reset()
  vi.mocked(api.loadReminderSettings).mockResolvedValue(structuredClone(SETTINGS))
  vi.mocked(api.loadTimeZones).mockResolvedValue(ZONES)
  vi.mocked(api.notificationStatus).mockResolvedValue({ available: true, reason: '' })
  vi.mocked(api.appClock).mockResolvedValue({ now: '2025-01-06T10:00:00Z', offsetMinutes: 0, testClock: false })
  vi.mocked(api.listReminders).mockResolvedValue([])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

async function panel() {
  render(ReminderSettingsPanel)
  const region = await screen.findByRole('region', { name: 'Reminders & notifications' })
  await within(region).findByLabelText('Time zone')
  return region
}

describe('ReminderSettingsPanel', () => {
  it('offers this computer’s zone when the time zone is empty', async () => {
    const region = await panel()
    const tz = within(region).getByLabelText('Time zone')
    expect(tz).toHaveAttribute('placeholder', 'Use this computer’s zone (Europe/Berlin)')
    expect(tz).toHaveAccessibleDescription(/Empty: use this computer’s zone \(Europe\/Berlin\)/)
  })

  it('shows a refused time zone next to the field and keeps what was typed', async () => {
    const user = userEvent.setup()
    const message = '"Mars/Base" is not a known time zone.'
    vi.mocked(api.saveReminderSettings).mockRejectedValue(
      goError({ code: 'invalid', message, field: 'timezone', fields: [{ field: 'timezone', message }] }),
    )
    const region = await panel()
    const tz = within(region).getByLabelText('Time zone')
    await user.type(tz, 'Mars/Base')
    await user.tab()
    await user.click(within(region).getByRole('button', { name: 'Save' }))

    expect(api.saveReminderSettings).toHaveBeenCalledWith(expect.objectContaining({ timezone: 'Mars/Base' }))
    await waitFor(() => expect(tz).toHaveAttribute('aria-invalid', 'true'))
    expect(tz).toHaveAccessibleDescription(message)
    expect(within(region).getByRole('alert')).toHaveTextContent(message)
    await waitFor(() => expect(tz).toHaveFocus())
  })

  it('checks the idle minutes next to the field, then saves them', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveReminderSettings).mockImplementation(async (s) => s)
    const region = await panel()
    const minutes = within(region).getByLabelText('Lock after')
    expect(minutes).toHaveValue(15)
    await user.clear(minutes)
    await user.type(minutes, '300')
    await user.click(within(region).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(minutes).toHaveAttribute('aria-invalid', 'true'))
    expect(minutes).toHaveAccessibleDescription(/Lock after 1 to 240 minutes idle, or 0 for never\./)
    expect(api.saveReminderSettings).not.toHaveBeenCalled()
    await user.clear(minutes)
    await user.type(minutes, '30')
    expect(minutes).not.toHaveAttribute('aria-invalid')
    await user.click(within(region).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.saveReminderSettings).toHaveBeenCalledWith(expect.objectContaining({ lockMinutes: 30 })))
  })

  it('ties a quiet-hours error to both time inputs', async () => {
    const user = userEvent.setup()
    const message = 'Quiet hours: quiet hours start and end at the same time.'
    vi.mocked(api.saveReminderSettings).mockRejectedValue(goError({ code: 'invalid', message, field: 'quiet' }))
    const region = await panel()
    const end = within(region).getByLabelText('to')
    await user.clear(end)
    await user.type(end, '22:00')
    await user.click(within(region).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(within(region).getByLabelText('From')).toHaveAccessibleDescription(message))
    expect(end).toHaveAccessibleDescription(message)
    expect(end).toHaveAttribute('aria-invalid', 'true')
  })

  it('saves quiet hours off, with weekends as their own choice', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveReminderSettings).mockImplementation(async (s) => s)
    const region = await panel()
    const save = within(region).getByRole('button', { name: 'Save' })
    expect(save).toBeDisabled()
    await user.click(within(region).getByLabelText('Hold reminders back during quiet hours'))
    expect(within(region).getByLabelText('From')).toBeDisabled()
    await user.click(within(region).getByLabelText('Also hold them all weekend'))
    await user.click(within(region).getByLabelText('Keep running in the background when the window is closed'))
    await user.click(save)
    await waitFor(() =>
      expect(api.saveReminderSettings).toHaveBeenCalledWith({
        ...SETTINGS,
        quiet: { enabled: false, start: '22:00', end: '08:00', weekends: false },
        background: true,
      }),
    )
    expect(toasts.items.map((t) => t.message)).toContain('Saved the reminder settings.')
  })

  it('says why desktop notifications are off', async () => {
    vi.mocked(api.notificationStatus).mockResolvedValue({ available: false, reason: 'There is no D-Bus session bus.' })
    const region = await panel()
    expect(await within(region).findByText('Desktop notifications are off: There is no D-Bus session bus.')).toBeInTheDocument()
  })

  it('shows the test clock only when the app runs with it, and advances it', async () => {
    const user = userEvent.setup()
    let region = await panel()
    expect(within(region).queryByRole('button', { name: 'Advance clock' })).toBeNull()
    cleanup()

    vi.mocked(api.appClock).mockResolvedValue({ now: '2025-01-06T10:00:00Z', offsetMinutes: 0, testClock: true })
    vi.mocked(api.advanceClock).mockResolvedValue({ now: '2025-01-09T10:00:00Z', offsetMinutes: 4320, testClock: true })
    region = await panel()
    const advance = await within(region).findByRole('button', { name: 'Advance clock' })
    const minutes = within(region).getByLabelText('Minutes')
    await user.clear(minutes)
    await user.click(advance)
    expect(minutes).toHaveAccessibleDescription('Enter a whole number of minutes, 1 or more.')
    expect(api.advanceClock).not.toHaveBeenCalled()
    await user.type(minutes, '4320')
    await user.click(advance)
    await waitFor(() => expect(api.advanceClock).toHaveBeenCalledWith(4320))
    expect(await within(region).findByText(/\+4320 min/)).toBeInTheDocument()
  })
})
