import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadBackups: vi.fn(),
    saveBackupSettings: vi.fn(),
    backupNow: vi.fn(),
    inspectBackup: vi.fn(),
    restoreBackup: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { BackupOverview } from '$lib/api'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError } from '../../../test/fixtures'
import BackupSettingsPanel from './BackupSettingsPanel.svelte'

const summary = { people: 12, teams: 2, incidents: 5, followUps: 9, rotations: 3, meetings: 40, feedback: 6, records: 900, schema: 2 }
const overview = (o: Partial<BackupOverview> = {}): BackupOverview => ({
  settings: { enabled: true, folder: '', keepDaily: 7, keepWeekly: 4 },
  status: { lastAt: '2026-12-05T09:00:00Z', lastBytes: 2_400_000, lastSummary: summary },
  folder: '/data/backups',
  defaultFolder: '/data/backups',
  files: [{ path: '/data/backups/wheelhouse-20261205T090000Z.backup', name: 'wheelhouse-20261205T090000Z.backup', at: '2026-12-05T09:00:00Z', bytes: 2_400_000 }],
  due: false,
  demo: false,
  ...o,
})

beforeEach(() => {
  toasts.reset()
  vi.mocked(api.loadBackups).mockResolvedValue(overview())
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('Backups', () => {
  it('reloads when the workspace was replaced (encrypted beside it: the backups were rewritten)', async () => {
    const handlers: ((...d: unknown[]) => void)[] = []
    ;(window as Window & { runtime?: unknown }).runtime = {
      EventsOnMultiple: vi.fn((name: string, cb: (...d: unknown[]) => void) => {
        if (name === 'workspace:changed') handlers.push(cb)
        return () => {}
      }),
    }
    try {
      render(BackupSettingsPanel)
      expect(await screen.findByText('2.3 MB')).toBeInTheDocument()
      vi.mocked(api.loadBackups).mockResolvedValue(
        overview({ files: [{ ...overview().files[0], bytes: 3_100_000 }] }),
      )
      handlers.forEach((h) => h({ demo: false }))
      expect(await screen.findByText('3.0 MB')).toBeInTheDocument()
      expect(api.loadBackups).toHaveBeenCalledTimes(2)
    } finally {
      delete (window as Window & { runtime?: unknown }).runtime
    }
  })

  it('says what the last backup held, and warns when there is none or it failed', async () => {
    const { unmount } = render(BackupSettingsPanel)
    const status = await screen.findByTestId('backup-status')
    expect(status).toHaveTextContent('2.3 MB, verified: 12 people, 2 teams, 5 incidents')
    unmount()
    vi.mocked(api.loadBackups).mockResolvedValue(
      overview({ status: { lastError: 'Cannot write the backup to /mnt/usb: no space left.', lastErrorAt: '2026-12-05T10:00:00Z' } }),
    )
    render(BackupSettingsPanel)
    expect(await screen.findByRole('alert')).toHaveTextContent('The last backup failed')
    expect(screen.getByText(/No backup yet/)).toBeInTheDocument()
  })

  it('refuses a bad count before the round trip and a bad folder from the backend, next to the field', async () => {
    const user = userEvent.setup()
    render(BackupSettingsPanel)
    const daily = await screen.findByLabelText('Daily backups kept')
    await user.clear(daily)
    await user.type(daily, '0')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByText('Keep from 1 to 90 daily backups.')).toBeInTheDocument()
    expect(api.saveBackupSettings).not.toHaveBeenCalled()

    await user.clear(daily)
    await user.type(daily, '7')
    vi.mocked(api.saveBackupSettings).mockRejectedValue(goError({ code: 'invalid', message: 'Invalid', fields: [{ field: 'folder', message: 'Choose a full path, like /home/you/Backups.' }] }))
    await user.type(screen.getByLabelText('Folder'), 'relative')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Choose a full path, like /home/you/Backups.')
    expect(screen.getByLabelText('Folder')).toHaveAttribute('aria-invalid', 'true')
  })

  it('reads a backup before a restore and only then offers to replace the workspace', async () => {
    const user = userEvent.setup()
    let release: (s: typeof summary) => void = () => {}
    vi.mocked(api.inspectBackup).mockReturnValue(new Promise((r) => (release = r)))
    vi.mocked(api.restoreBackup).mockResolvedValue({ summary, aside: '/data/db.before-restore-1' })
    render(BackupSettingsPanel)
    await user.click(await screen.findByRole('button', { name: /^Restore the backup of/ }))
    const dlg = screen.getByRole('alertdialog', { name: 'Restore this backup?' })
    expect(within(dlg).getByRole('button', { name: 'Replace my workspace' })).toBeDisabled()
    release(summary)
    expect(await within(dlg).findByTestId('restore-summary')).toHaveTextContent('12 people')
    await user.click(within(dlg).getByRole('button', { name: 'Replace my workspace' }))
    await waitFor(() => expect(api.restoreBackup).toHaveBeenCalledWith('/data/backups/wheelhouse-20261205T090000Z.backup'))
    expect(toasts.items.map((t) => t.message).join()).toContain('kept in /data/db.before-restore-1')
  })

  it('in the demo, says it is not backed up', async () => {
    vi.mocked(api.loadBackups).mockResolvedValue(overview({ demo: true }))
    render(BackupSettingsPanel)
    expect(await screen.findByText(/The demo workspace is not backed up/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Back up now' })).toBeNull()
  })
})
