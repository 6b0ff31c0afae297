import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    encryptionStatus: vi.fn(),
    encryptWorkspace: vi.fn(),
    changePassphrase: vi.fn(),
    decryptWorkspace: vi.fn(),
    rememberOnThisComputer: vi.fn(),
    forgetOnThisComputer: vi.fn(),
  }
})

import * as api from '$lib/api'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError } from '../../../test/fixtures'
import EncryptionSettingsPanel from './EncryptionSettingsPanel.svelte'

beforeEach(() => {
  toasts.reset()
  vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: false, demo: false, remembered: false, keyringReason: '' })
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('Encryption', () => {
  it('says the workspace is not encrypted and refuses a short or mismatched passphrase next to its field', async () => {
    const user = userEvent.setup()
    render(EncryptionSettingsPanel)
    expect(await screen.findByText('Not encrypted')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Encrypt…' }))
    const pass = screen.getByLabelText('Passphrase')
    await user.type(pass, 'short')
    expect(screen.getByText('Too short: 5 of at least 8 characters.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Encrypt' }))
    expect(pass).toHaveAttribute('aria-invalid', 'true')
    expect(pass).toHaveAccessibleDescription('Use a passphrase of at least 8 characters.')
    await user.clear(pass)
    await user.type(pass, 'correct horse battery')
    await user.type(screen.getByLabelText('The same again'), 'correct horse batterz')
    await user.click(screen.getByRole('button', { name: 'Encrypt' }))
    expect(screen.getByLabelText('The same again')).toHaveAccessibleDescription('The two passphrases differ.')
    expect(api.encryptWorkspace).not.toHaveBeenCalled()
  })

  it('puts a backend error on its field, and on success says what happened to the backups', async () => {
    const user = userEvent.setup()
    vi.mocked(api.encryptWorkspace).mockRejectedValueOnce(
      goError({ code: 'invalid', field: 'passphrase', message: 'Use a passphrase of at least 8 characters.' }),
    )
    render(EncryptionSettingsPanel)
    await user.click(await screen.findByRole('button', { name: 'Encrypt…' }))
    await user.type(screen.getByLabelText('Passphrase'), '        x')
    await user.type(screen.getByLabelText('The same again'), '        x')
    await user.click(screen.getByRole('button', { name: 'Encrypt' }))
    await waitFor(() => expect(screen.getByLabelText('Passphrase')).toHaveAccessibleDescription('Use a passphrase of at least 8 characters.'))

    vi.mocked(api.encryptWorkspace).mockResolvedValueOnce({ reencrypted: ['/d/backups/a.backup', '/d/backups/b.backup'], removed: ['/d/db.before-x'], plainLeft: ['/d/backups/mine.backup'] })
    vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: true, demo: false, remembered: false, keyringReason: '' })
    await user.click(screen.getByRole('button', { name: 'Encrypt' }))
    await waitFor(() => expect(toasts.items.map((t) => t.message).join()).toContain('2 backups were re-encrypted. 1 old unencrypted copy was deleted.'))
    expect(await screen.findByText('Encrypted')).toBeInTheDocument()
    expect(screen.getByTestId('plain-left')).toHaveTextContent('/d/backups/mine.backup')
    expect(api.encryptWorkspace).toHaveBeenLastCalledWith('        x', '        x')
  })

  it('changes the passphrase: a wrong current one and a mismatch are shown on their fields', async () => {
    const user = userEvent.setup()
    vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: true, demo: false, remembered: false, keyringReason: '' })
    vi.mocked(api.changePassphrase).mockRejectedValueOnce(
      goError({ code: 'invalid', field: 'current', message: 'That is not the current passphrase. Nothing was changed.' }),
    )
    render(EncryptionSettingsPanel)
    await user.click(await screen.findByRole('button', { name: 'Change passphrase…' }))
    await user.type(screen.getByLabelText('Current passphrase'), 'old one!!')
    await user.type(screen.getByLabelText('New passphrase'), 'new passphrase 42')
    await user.type(screen.getByLabelText('The same again'), 'new passphrase 43')
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }))
    expect(screen.getByLabelText('The same again')).toHaveAccessibleDescription('The two passphrases differ.')
    expect(api.changePassphrase).not.toHaveBeenCalled()
    await user.clear(screen.getByLabelText('The same again'))
    await user.type(screen.getByLabelText('The same again'), 'new passphrase 42')
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }))
    await waitFor(() =>
      expect(screen.getByLabelText('Current passphrase')).toHaveAccessibleDescription('That is not the current passphrase. Nothing was changed.'),
    )
    vi.mocked(api.changePassphrase).mockResolvedValueOnce()
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }))
    await waitFor(() => expect(screen.queryByLabelText('Current passphrase')).not.toBeInTheDocument())
    expect(api.changePassphrase).toHaveBeenLastCalledWith('old one!!', 'new passphrase 42', 'new passphrase 42')
  })

  it('turning it off says what it means and needs the current passphrase', async () => {
    const user = userEvent.setup()
    vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: true, demo: false, remembered: false, keyringReason: '' })
    render(EncryptionSettingsPanel)
    await user.click(await screen.findByRole('button', { name: 'Turn off encryption…' }))
    const dialog = screen.getByRole('alertdialog')
    expect(dialog).toHaveTextContent('anyone with a copy of the data folder can then read it')
    await user.click(screen.getByRole('button', { name: 'Store unencrypted' }))
    expect(screen.getByLabelText('Current passphrase')).toHaveAccessibleDescription('Enter the current passphrase.')
    expect(api.decryptWorkspace).not.toHaveBeenCalled()
  })

  it('in the demo offers nothing', async () => {
    vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: false, demo: true, remembered: false, keyringReason: '' })
    render(EncryptionSettingsPanel)
    expect(await screen.findByText(/demo workspace holds made-up people/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Encrypt…' })).not.toBeInTheDocument()
  })

  it('remembers the key on this computer and forgets it again', async () => {
    const user = userEvent.setup()
    vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: true, demo: false, remembered: false, keyringReason: '' })
    vi.mocked(api.rememberOnThisComputer).mockResolvedValueOnce()
    render(EncryptionSettingsPanel)
    expect(await screen.findByTestId('remember-state')).toHaveTextContent('can keep the workspace\'s key in the system keyring')
    vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: true, demo: false, remembered: true, keyringReason: '' })
    await user.click(screen.getByRole('button', { name: 'Remember on this computer' }))
    expect(api.rememberOnThisComputer).toHaveBeenCalledOnce()
    expect(await screen.findByRole('button', { name: 'Forget on this computer' })).toBeInTheDocument()
    expect(screen.getByTestId('remember-state')).toHaveTextContent('opens without asking')
    vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: true, demo: false, remembered: false, keyringReason: '' })
    await user.click(screen.getByRole('button', { name: 'Forget on this computer' }))
    expect(api.forgetOnThisComputer).toHaveBeenCalledOnce()
    expect(await screen.findByRole('button', { name: 'Remember on this computer' })).toBeInTheDocument()
  })

  it('says why the keyring cannot remember, with no button', async () => {
    vi.mocked(api.encryptionStatus).mockResolvedValue({
      encrypted: true,
      demo: false,
      remembered: false,
      keyringReason: 'The system keyring is unavailable: no D-Bus session bus.',
    })
    render(EncryptionSettingsPanel)
    expect(await screen.findByTestId('remember-unavailable')).toHaveTextContent('not available: The system keyring is unavailable: no D-Bus session bus.')
    expect(screen.queryByRole('button', { name: 'Remember on this computer' })).not.toBeInTheDocument()
  })
})
