import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, deletePreview: vi.fn(), deletePerson: vi.fn(), loadDirectory: vi.fn() }
})

import * as api from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { directory } from '../../../test/fixtures'
import DeletePersonDialog from './DeletePersonDialog.svelte'

beforeEach(() => {
  roster.reset()
  vi.mocked(api.deletePreview).mockResolvedValue({
    personId: 'p1',
    personName: 'Dana Xu',
    items: ['The person Dana Xu and everything recorded on them (skills, notes).', 'Membership of team Payments.'],
  })
  vi.mocked(api.deletePerson).mockResolvedValue()
  vi.mocked(api.loadDirectory).mockResolvedValue(directory())
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('DeletePersonDialog', () => {
  it('lists what will be removed and keeps the delete button disabled until the exact name is typed', async () => {
    const user = userEvent.setup()
    const ondeleted = vi.fn()
    render(DeletePersonDialog, { props: { personId: 'p1', personName: 'Dana Xu', oncancel: vi.fn(), ondeleted } })

    expect(await screen.findByText('Membership of team Payments.')).toBeInTheDocument()
    expect(api.deletePreview).toHaveBeenCalledWith('p1')
    const button = screen.getByRole('button', { name: 'Delete person' })
    expect(button).toBeDisabled()

    const input = screen.getByLabelText(/to confirm/)
    await user.type(input, 'dana xu')
    expect(button).toBeDisabled()
    await user.keyboard('{Enter}')
    expect(api.deletePerson).not.toHaveBeenCalled()

    await user.clear(input)
    await user.type(input, 'Dana X')
    expect(button).toBeDisabled()
    await user.type(input, 'u')
    expect(button).toBeEnabled()

    await user.click(button)
    await waitFor(() => expect(ondeleted).toHaveBeenCalledWith('Dana Xu'))
    expect(api.deletePerson).toHaveBeenCalledWith('p1', 'Dana Xu')
  })

  it('shows a refusal from the backend in the dialog', async () => {
    const user = userEvent.setup()
    vi.mocked(api.deletePerson).mockRejectedValue(
      JSON.stringify({ code: 'invalid', message: 'Type "Dana Xu" to confirm the deletion.', field: 'confirm' }),
    )
    const ondeleted = vi.fn()
    render(DeletePersonDialog, { props: { personId: 'p1', personName: 'Dana Xu', oncancel: vi.fn(), ondeleted } })
    await screen.findByText('Membership of team Payments.')
    await user.type(screen.getByLabelText(/to confirm/), 'Dana Xu')
    await user.click(screen.getByRole('button', { name: 'Delete person' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Type "Dana Xu" to confirm the deletion.')
    expect(ondeleted).not.toHaveBeenCalled()
  })
})
