import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    hasNativeDialogs: vi.fn(() => true),
    exportWorkspace: vi.fn(),
    chooseWorkspaceFile: vi.fn(),
    previewWorkspaceImport: vi.fn(),
    importWorkspace: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { WorkspaceFilePreview, WorkspaceInfo } from '$lib/api'
import { toasts } from '$lib/stores/toasts.svelte'
import { workspace } from '$lib/stores/workspace.svelte'
import { goError } from '../../../test/fixtures'
import WorkspaceFilePanel from './WorkspaceFilePanel.svelte'

const preview = (p: Partial<WorkspaceFilePreview> = {}): WorkspaceFilePreview => ({
  path: '/home/me/team.json',
  name: 'team.json',
  valid: true,
  problems: [],
  exportedAt: '2026-12-04T16:30:00Z',
  generator: 'Wheelhouse 0.9',
  privateNotes: true,
  people: 12,
  teams: 2,
  services: 4,
  incidents: 5,
  followUps: 9,
  rotations: 3,
  meetings: 40,
  feedback: 1,
  ...p,
})

beforeEach(() => {
  toasts.reset()
  workspace.info = { demo: false, path: '/data/db', dataDir: '/data' } as unknown as WorkspaceInfo
  vi.mocked(api.chooseWorkspaceFile).mockResolvedValue('/home/me/team.json')
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
  workspace.info = null
})

describe('Workspace file', () => {
  it('exports with or without private notes and says where', async () => {
    const user = userEvent.setup()
    vi.mocked(api.exportWorkspace).mockResolvedValue('/home/me/ws.json')
    render(WorkspaceFilePanel)
    await user.click(screen.getByRole('checkbox', { name: 'Leave private notes out (docs/privacy.md)' }))
    await user.click(screen.getByRole('button', { name: 'Export workspace…' }))
    expect(api.exportWorkspace).toHaveBeenCalledWith(true)
    await waitFor(() => expect(toasts.items.map((t) => t.message).join()).toContain('without private notes to /home/me/ws.json'))

    vi.mocked(api.exportWorkspace).mockRejectedValue(goError({ code: 'unavailable', message: 'Cannot write /ro/ws.json: read-only file system' }))
    await user.click(screen.getByRole('button', { name: 'Export workspace…' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('read-only file system')
  })

  it('shows what the file holds before it replaces the workspace, then where the old one is kept', async () => {
    const user = userEvent.setup()
    let release: (p: WorkspaceFilePreview) => void = () => {}
    vi.mocked(api.previewWorkspaceImport).mockReturnValue(new Promise((r) => (release = r)))
    vi.mocked(api.importWorkspace).mockResolvedValue({ preview: preview(), aside: '/data/db.before-import-1' })
    render(WorkspaceFilePanel)
    await user.click(screen.getByRole('button', { name: 'Import workspace…' }))
    const dlg = await screen.findByRole('alertdialog', { name: 'Import this workspace?' })
    expect(within(dlg).getByRole('button', { name: 'Replace my workspace' })).toBeDisabled()
    expect(api.importWorkspace).not.toHaveBeenCalled()
    release(preview({ feedback: 1, privateNotes: false }))
    const sum = await within(dlg).findByTestId('import-summary')
    expect(sum).toHaveTextContent('12 people, 2 teams, 4 services, 5 incidents, 9 follow-ups, 3 rotations, 40 1:1s, 1 feedback entry')
    expect(dlg).toHaveTextContent('without private notes')
    expect(dlg).toHaveTextContent('kept aside')
    await user.click(within(dlg).getByRole('button', { name: 'Replace my workspace' }))
    await waitFor(() => expect(api.importWorkspace).toHaveBeenCalledWith('/home/me/team.json'))
    await waitFor(() => expect(toasts.items.map((t) => t.message).join()).toContain('kept in /data/db.before-import-1'))
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('lists the problems of a file that cannot be imported, with where they are, and offers nothing to confirm', async () => {
    const user = userEvent.setup()
    vi.mocked(api.previewWorkspaceImport).mockResolvedValue(
      preview({
        valid: false,
        problem: 'The workspace file has 2 problems; nothing was imported:',
        problems: ['people[3] "Dana Xu" timezone: "Mars/Base" is not a known time zone', 'teams[0] "Core" leadId: no person has id 01J'],
      }),
    )
    render(WorkspaceFilePanel)
    await user.click(screen.getByRole('button', { name: 'Import workspace…' }))
    const dlg = await screen.findByRole('alertdialog', { name: 'Import this workspace?' })
    const list = await within(dlg).findByRole('list', { name: 'Problems in the file' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    expect(list).toHaveTextContent('people[3] "Dana Xu" timezone')
    expect(within(dlg).getByRole('button', { name: 'Replace my workspace' })).toBeDisabled()
    expect(within(dlg).queryByTestId('import-summary')).toBeNull()
  })

  it('shows a failed import in the dialog; in the demo there is no import', async () => {
    const user = userEvent.setup()
    vi.mocked(api.previewWorkspaceImport).mockResolvedValue(preview())
    vi.mocked(api.importWorkspace).mockRejectedValue(goError({ code: 'unavailable', message: 'Cannot write the staging folder: no space left on device' }))
    const { unmount } = render(WorkspaceFilePanel)
    await user.click(screen.getByRole('button', { name: 'Import workspace…' }))
    const dlg = await screen.findByRole('alertdialog', { name: 'Import this workspace?' })
    await user.click(await within(dlg).findByRole('button', { name: 'Replace my workspace' }))
    expect(await within(dlg).findByRole('alert')).toHaveTextContent('no space left on device')
    unmount()

    workspace.info = { demo: true, path: '/data/demo', dataDir: '/data' } as unknown as WorkspaceInfo
    render(WorkspaceFilePanel)
    expect(screen.getByRole('button', { name: 'Import workspace…' })).toBeDisabled()
    expect(screen.getByText(/switch to your workspace to import/)).toBeInTheDocument()
  })
})
