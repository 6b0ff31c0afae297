import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, setLadder: vi.fn() }
})

import * as api from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { loadedRoster, person } from '../../../test/fixtures'
import LadderEditor from './LadderEditor.svelte'

beforeEach(() => {
  toasts.reset()
  loadedRoster({ ladder: ['L1', 'L2', 'L3'], people: [person({ id: 'p', name: 'Pat Lee', level: 'L2' })] })
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

function values() {
  return screen.getAllByRole('textbox').map((i) => (i as HTMLInputElement).value)
}

describe('LadderEditor', () => {
  it('reorders, applies a preset and saves', async () => {
    const user = userEvent.setup()
    vi.mocked(api.setLadder).mockImplementation(async (l) => l)
    render(LadderEditor)
    const save = screen.getByRole('button', { name: 'Save' })
    expect(save).toBeDisabled()

    await user.click(screen.getByRole('button', { name: 'Move L3 up' }))
    expect(values()).toEqual(['L1', 'L3', 'L2'])
    expect(save).toBeEnabled()

    await user.click(screen.getByRole('button', { name: 'Junior/Mid/Senior/Staff/Principal' }))
    expect(values()).toEqual(['Junior', 'Mid', 'Senior', 'Staff', 'Principal'])
    await user.click(screen.getByRole('button', { name: 'Remove Principal' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(api.setLadder).toHaveBeenCalledWith(['Junior', 'Mid', 'Senior', 'Staff'])
    await waitFor(() => expect(roster.ladder).toEqual(['Junior', 'Mid', 'Senior', 'Staff']))
  })

  it('shows the conflict when a removed level is still in use', async () => {
    const user = userEvent.setup()
    const msg = 'Level "L2" is still held by Pat Lee; change their level first.'
    vi.mocked(api.setLadder).mockRejectedValue(JSON.stringify({ code: 'conflict', message: msg, field: 'ladder' }))
    render(LadderEditor)
    await user.click(screen.getByRole('button', { name: 'Remove L2' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(msg)
    expect(roster.ladder).toEqual(['L1', 'L2', 'L3'])
  })

  it('puts a per-level error next to its row', async () => {
    const user = userEvent.setup()
    vi.mocked(api.setLadder).mockRejectedValue(
      JSON.stringify({ code: 'invalid', message: 'x', fields: [{ field: 'ladder.3', message: 'Level name is required.' }] }),
    )
    render(LadderEditor)
    await user.click(screen.getByRole('button', { name: 'Add level' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const row = screen.getByLabelText('Level 4')
    await waitFor(() => expect(row).toHaveAccessibleDescription('Level name is required.'))
    expect(row).toHaveFocus()
  })
})
