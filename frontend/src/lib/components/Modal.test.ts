import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import ModalHarness from '../../test/ModalHarness.svelte'

afterEach(() => cleanup())

describe('Modal', () => {
  it('focuses inside, traps Tab, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup()
    render(ModalHarness)
    const opener = screen.getByRole('button', { name: 'Open' })
    await user.click(opener)

    const dialog = await screen.findByRole('dialog', { name: 'Harness' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    await waitFor(() => expect(screen.getByLabelText('First')).toHaveFocus())
    // The page behind is hidden from assistive tech while the dialog is open.
    expect(screen.queryByRole('button', { name: 'Open' })).toBeNull()

    await user.tab() // Last
    await user.tab() // Close (x)
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus()
    await user.tab() // wraps to the first control
    expect(screen.getByLabelText('First')).toHaveFocus()
    await user.tab({ shift: true }) // and back to the last one
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus()

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus()
  })
})
