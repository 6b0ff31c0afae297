import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, lockStatus: vi.fn(), lockApp: vi.fn(), unlockApp: vi.fn() }
})

import * as api from '$lib/api'
import { lock } from '$lib/stores/lock.svelte'
import { goError } from '../../../test/fixtures'
import LockScreen from './LockScreen.svelte'

const LOCKED = { locked: true, needsPassphrase: false, lockMinutes: 15, retryAt: '' }

beforeEach(() => {
  lock.reset()
  lock.locked = true
  vi.mocked(api.lockStatus).mockResolvedValue(LOCKED)
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('LockScreen', () => {
  it('without a passphrase says so honestly and unlocks with the button', async () => {
    const user = userEvent.setup()
    const onunlocked = vi.fn()
    vi.mocked(api.unlockApp).mockResolvedValue({ ...LOCKED, locked: false })
    render(LockScreen, { onunlocked })
    expect(screen.getByRole('heading', { name: 'Wheelhouse is locked' })).toBeInTheDocument()
    expect(screen.getByText('This workspace has no passphrase: anyone at this computer can unlock it.')).toBeInTheDocument()
    expect(screen.queryByLabelText('Passphrase')).toBeNull()
    const button = screen.getByRole('button', { name: 'Unlock' })
    await waitFor(() => expect(button).toHaveFocus())
    await user.keyboard('{Escape}')
    expect(api.unlockApp).not.toHaveBeenCalled()
    expect(lock.locked).toBe(true)
    await user.click(button)
    await waitFor(() => expect(onunlocked).toHaveBeenCalledTimes(1))
    expect(api.unlockApp).toHaveBeenCalledWith('')
    expect(lock.locked).toBe(false)
  })

  it('asks for the passphrase and shows a wrong one next to the field', async () => {
    const user = userEvent.setup()
    lock.needsPassphrase = true
    const onunlocked = vi.fn()
    const message = 'That is not the workspace’s passphrase.'
    vi.mocked(api.lockStatus).mockResolvedValue({ ...LOCKED, needsPassphrase: true })
    vi.mocked(api.unlockApp).mockRejectedValueOnce(goError({ code: 'invalid', message, field: 'passphrase' }))
    render(LockScreen, { onunlocked })
    const field = screen.getByLabelText('Passphrase')
    await waitFor(() => expect(field).toHaveFocus())
    expect(screen.queryByText(/anyone at this computer/)).toBeNull()

    // Empty: told at once, the backend is not asked.
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(field).toHaveAccessibleDescription('Enter the workspace’s passphrase.')
    expect(api.unlockApp).not.toHaveBeenCalled()

    await user.type(field, 'guess{Enter}')
    await waitFor(() => expect(field).toHaveAccessibleDescription(message))
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveValue('')
    expect(onunlocked).not.toHaveBeenCalled()
    expect(lock.locked).toBe(true)

    vi.mocked(api.unlockApp).mockResolvedValueOnce({ ...LOCKED, needsPassphrase: true, locked: false })
    await user.type(field, 'right one{Enter}')
    await waitFor(() => expect(onunlocked).toHaveBeenCalledTimes(1))
    expect(api.unlockApp).toHaveBeenLastCalledWith('right one')
  })

  it('shows the time', () => {
    render(LockScreen)
    expect(screen.getByLabelText('Time').textContent).toMatch(/\d{1,2}:\d{2}/)
  })
})
