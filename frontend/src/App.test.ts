import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    workspaceInfo: vi.fn(),
    openDemo: vi.fn(),
    openMine: vi.fn(),
    unlockWorkspace: vi.fn(),
    keyringStatus: vi.fn(async () => ({ available: false, reason: 'The system keyring is unavailable: no D-Bus session bus.' })),
    loadDirectory: vi.fn(),
    loadOverview: vi.fn(),
    loadTimeZones: vi.fn(),
    listIncidents: vi.fn(),
    loadIncidentSettings: vi.fn(),
    loadFollowUps: vi.fn(),
    listReminders: vi.fn(),
    countReminders: vi.fn(),
    notificationStatus: vi.fn(),
    appClock: vi.fn(),
    loadToday: vi.fn(),
    lockStatus: vi.fn(),
    lockApp: vi.fn(),
    unlockApp: vi.fn(),
    encryptionStatus: vi.fn(),
    search: vi.fn(async () => []),
    warmSearch: vi.fn(async () => {}),
  }
})

import * as api from '$lib/api'
import type { Overview } from '$lib/api'
import { editor } from '$lib/stores/editor.svelte'
import { lock } from '$lib/stores/lock.svelte'
import { overview } from '$lib/stores/overview.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { router } from '$lib/stores/router.svelte'
import { timezones } from '$lib/stores/timezones.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { workspace } from '$lib/stores/workspace.svelte'
import { loadFirstScreen } from '$lib/stores/boot'
import App from './App.svelte'
import { directory, followUpsView, info, person, reminder, ZONES } from './test/fixtures'

const EMPTY_OVERVIEW: Overview = {
  now: '2025-01-06T10:00:00Z',
  people: 0,
  archived: 0,
  teams: 0,
  services: 0,
  levelMix: [],
  serviceProblems: [],
  singlePoints: [],
  withoutSkills: 0,
  localTimes: [],
}

beforeEach(() => {
  history.replaceState(null, '', '#/')
  for (const s of [workspace, roster, overview, timezones, editor, toasts, router, lock]) s.reset()
  const unlocked = { locked: false, needsPassphrase: false, lockMinutes: 15, retryAt: '' }
  vi.mocked(api.lockStatus).mockResolvedValue(unlocked)
  vi.mocked(api.lockApp).mockResolvedValue({ ...unlocked, locked: true })
  vi.mocked(api.unlockApp).mockResolvedValue(unlocked)
  vi.mocked(api.workspaceInfo).mockResolvedValue(info({ empty: true }))
  vi.mocked(api.loadDirectory).mockResolvedValue(directory())
  vi.mocked(api.loadOverview).mockResolvedValue(EMPTY_OVERVIEW)
  vi.mocked(api.loadTimeZones).mockResolvedValue(ZONES)
  vi.mocked(api.listIncidents).mockResolvedValue([])
  vi.mocked(api.loadFollowUps).mockResolvedValue(followUpsView())
  vi.mocked(api.listReminders).mockResolvedValue([])
  vi.mocked(api.countReminders).mockResolvedValue(0)
  vi.mocked(api.notificationStatus).mockResolvedValue({ available: true, reason: '' })
  vi.mocked(api.loadToday).mockReturnValue(new Promise(() => {}))
  vi.mocked(api.appClock).mockResolvedValue({ now: new Date().toISOString(), offsetMinutes: 0, testClock: false })
  vi.mocked(api.loadIncidentSettings).mockResolvedValue({ severities: [], reviewDueBusinessDays: 5, causeKeywords: [] })
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

/** The app on People with one person, Ada Lovelace, on screen. */
async function openPeopleWithAda() {
  const user = userEvent.setup()
  history.replaceState(null, '', '#/people')
  vi.mocked(api.workspaceInfo).mockResolvedValue(info())
  vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people: [person({ id: 'p1', name: 'Ada Lovelace' })] }))
  render(App)
  await screen.findAllByText('Ada Lovelace')
  return user
}

describe('App', () => {
  it('Ctrl+L replaces the whole UI with the lock screen; Escape does not unlock; Unlock brings the view back', async () => {
    const user = await openPeopleWithAda()
    await user.keyboard('{Control>}l{/Control}')
    await screen.findByRole('heading', { name: 'Wheelhouse is locked' })
    expect(api.lockApp).toHaveBeenCalledTimes(1)
    expect(document.body.textContent).not.toContain('Ada Lovelace')
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull()
    await user.keyboard('{Escape}')
    expect(api.unlockApp).not.toHaveBeenCalled()
    expect(screen.getByRole('heading', { name: 'Wheelhouse is locked' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    await screen.findAllByText('Ada Lovelace')
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Wheelhouse is locked' })).toBeNull()
  })

  it('Ctrl+K opens the command palette; locking closes it, and unlocking does not bring it back', async () => {
    const user = await openPeopleWithAda()
    await user.keyboard('{Control>}k{/Control}')
    const field = await screen.findByRole('combobox', { name: 'Search Wheelhouse' })
    await waitFor(() => expect(field).toHaveFocus())
    await user.type(field, 'secret words')
    await user.keyboard('{Control>}l{/Control}')
    await screen.findByRole('heading', { name: 'Wheelhouse is locked' })
    expect(screen.queryByRole('dialog', { name: 'Search and go to' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    await screen.findAllByText('Ada Lovelace')
    expect(screen.queryByRole('dialog', { name: 'Search and go to' })).toBeNull()
    expect(document.body.textContent).not.toContain('secret words')
    // The sidebar's Search opens it too.
    await user.click(screen.getByRole('button', { name: /^Search/ }))
    expect(await screen.findByRole('dialog', { name: 'Search and go to' })).toBeInTheDocument()
  })

  it('starts locked when the backend is (a reloaded page) and asks for nothing personal', async () => {
    vi.mocked(api.lockStatus).mockResolvedValue({ locked: true, needsPassphrase: true, lockMinutes: 15, retryAt: '' })
    render(App)
    await screen.findByRole('heading', { name: 'Wheelhouse is locked' })
    expect(screen.getByLabelText('Passphrase')).toBeInTheDocument()
    expect(api.loadDirectory).not.toHaveBeenCalled()
    expect(api.listReminders).not.toHaveBeenCalled()
    expect(api.countReminders).not.toHaveBeenCalled()
  })

  it('names the sidebar items exactly, with the notification bell and the overdue badge', async () => {
    vi.mocked(api.loadFollowUps).mockResolvedValue(followUpsView({ all: { ...followUpsView().all, overdue: 2 } }))
    const three = [reminder({ key: 'a' }), reminder({ key: 'b' }), reminder({ key: 'c' })]
    vi.mocked(api.listReminders).mockResolvedValue(three)
    vi.mocked(api.countReminders).mockResolvedValue(three.length)
    render(App)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    const items = within(nav).getAllByRole('listitem').map((li) => within(li).getByRole('button'))
    // Without the Alt+N hint each item shows on hover (aria-hidden) and the badge.
    expect(items.map((b) => b.textContent?.replace(/Alt\+\d$/, '').replace(/\d+$/, '').trim())).toEqual([
      'Today',
      'People',
      'Teams',
      'Services',
      'Overview',
      'Incidents',
      'Follow-ups',
      'On-call',
      '1:1s & health',
      'Settings',
    ])
    // Badges do not change the names; they describe.
    const fu = within(nav).getByRole('button', { name: 'Follow-ups' })
    await waitFor(() => expect(fu).toHaveAccessibleDescription('2 overdue'))
    const bell = within(nav).getByRole('button', { name: 'Notifications' })
    await waitFor(() => expect(bell).toHaveAccessibleDescription('3 active reminders'))
    // The bell counts; the list is read when the centre opens, not at launch.
    expect(api.listReminders).not.toHaveBeenCalled()
  })

  it('greets an empty workspace with both first-run actions; "Open demo workspace" switches to the demo', async () => {
    const user = userEvent.setup()
    vi.mocked(api.openDemo).mockResolvedValue(info({ demo: true, path: '/home/me/.local/share/wheelhouse/demo' }))
    render(App)

    expect(await screen.findByRole('heading', { name: 'Your workspace is empty' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add your first person' })).toBeInTheDocument()
    expect(screen.queryByText(/your own data is untouched/)).toBeNull()

    vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people: [person({ id: 'd1', name: 'Demo Dana' })] }))
    await user.click(screen.getByRole('button', { name: 'Open demo workspace' }))

    expect(api.openDemo).toHaveBeenCalledTimes(1)
    expect(await screen.findByText(/your own data is untouched/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Back to my workspace' })).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Your workspace is empty' })).toBeNull())
    expect(vi.mocked(api.loadDirectory).mock.calls.length).toBeGreaterThanOrEqual(2)
  })

  it('"Add your first person" opens the person editor on the People screen', async () => {
    const user = userEvent.setup()
    render(App)
    await user.click(await screen.findByRole('button', { name: 'Add your first person' }))
    expect(await screen.findByRole('dialog', { name: 'Add person' })).toBeInTheDocument()
    expect(location.hash).toBe('#/people')
  })

  it('"Back to my workspace" leaves the demo', async () => {
    const user = userEvent.setup()
    vi.mocked(api.workspaceInfo).mockResolvedValue(info({ demo: true }))
    vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people: [person({ id: 'd1', name: 'Demo Dana' })] }))
    vi.mocked(api.openMine).mockResolvedValue(info({ demo: false }))
    render(App)
    await user.click(await screen.findByRole('button', { name: 'Back to my workspace' }))
    expect(api.openMine).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(screen.queryByText(/your own data is untouched/)).toBeNull())
  })

  it('shows only a friendly error screen when the workspace cannot be opened', async () => {
    vi.mocked(api.workspaceInfo).mockResolvedValue(
      info({
        path: '',
        openError: { code: 'unavailable', message: 'Another Wheelhouse is using /home/me/.local/share/wheelhouse.' },
      }),
    )
    render(App)
    expect(await screen.findByText('Another Wheelhouse is using /home/me/.local/share/wheelhouse.')).toBeInTheDocument()
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(screen.queryByRole('button', { name: 'People' })).toBeNull()
    expect(api.loadDirectory).not.toHaveBeenCalled()
  })

  it('an encrypted workspace starts at the unlock screen; a wrong passphrase is said next to the field', async () => {
    const user = userEvent.setup()
    const locked = info({
      path: '',
      locked: true,
      openError: { code: 'invalid', message: 'The workspace in /home/me is encrypted; enter its passphrase.' },
    })
    vi.mocked(api.workspaceInfo).mockResolvedValue(locked)
    const wrong = 'That passphrase is not the one of this workspace. Nothing was changed; try again.'
    vi.mocked(api.unlockWorkspace).mockRejectedValueOnce(new api.ApiError('invalid', wrong, [{ field: 'passphrase', message: wrong }]))
    render(App)
    const field = await screen.findByLabelText('Passphrase')
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(api.loadDirectory).not.toHaveBeenCalled()
    // no keyring: "remember" is offered disabled, with the reason
    expect(await screen.findByText(/Not available: The system keyring is unavailable/)).toBeInTheDocument()
    expect(screen.getByLabelText('Remember on this computer')).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByText('Enter the passphrase of this workspace.')).toBeInTheDocument()
    expect(api.unlockWorkspace).not.toHaveBeenCalled()
    await user.type(field, 'not it{Enter}')
    expect(await screen.findByText(wrong)).toBeInTheDocument()
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveValue('')
    vi.mocked(api.unlockWorkspace).mockResolvedValueOnce(info())
    vi.mocked(api.workspaceInfo).mockResolvedValue(info())
    await user.type(field, 'correct horse battery{Enter}')
    expect(api.unlockWorkspace).toHaveBeenLastCalledWith('correct horse battery', false)
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(api.loadDirectory).toHaveBeenCalled()
  })

  it('"Try again" re-opens the workspace once the other Wheelhouse is gone', async () => {
    const user = userEvent.setup()
    vi.mocked(api.workspaceInfo).mockResolvedValue(
      info({ path: '', openError: { code: 'unavailable', message: 'The data folder is in use.' } }),
    )
    vi.mocked(api.openMine).mockRejectedValueOnce(JSON.stringify({ code: 'unavailable', message: 'Still in use.' }))
    render(App)
    await user.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(api.openMine).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('navigation')).toBeNull()

    vi.mocked(api.openMine).mockResolvedValueOnce(info())
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(api.loadDirectory).toHaveBeenCalled()
  })

  it('asks for the first screen\'s data at once, beside the roster, and Today does not ask again', async () => {
    vi.mocked(api.workspaceInfo).mockResolvedValue(info())
    let release!: (d: ReturnType<typeof directory>) => void
    vi.mocked(api.loadDirectory).mockReturnValue(new Promise((r) => (release = r)))
    render(App)
    await waitFor(() => expect(api.loadDirectory).toHaveBeenCalled())
    expect(api.loadToday).toHaveBeenCalledTimes(1)
    // The shell is drawn once, with the roster: not before it and then again.
    expect(screen.getByRole('status', { name: 'Opening your workspace…' })).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()
    release(directory())
    await screen.findByRole('navigation', { name: 'Main' })
    // Today mounted while its data was on the way: one request, not two.
    expect(api.loadToday).toHaveBeenCalledTimes(1)
  })

  it('an empty workspace: the encryption offer\'s status is asked for beside the roster, once, and the first-run screen shows it', async () => {
    vi.mocked(api.encryptionStatus).mockResolvedValue({ encrypted: false, demo: false, remembered: false, keyringReason: '' })
    let release!: (d: ReturnType<typeof directory>) => void
    vi.mocked(api.loadDirectory).mockReturnValue(new Promise((r) => (release = r)))
    render(App)
    await waitFor(() => expect(api.encryptionStatus).toHaveBeenCalledTimes(1))
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()
    release(directory())
    expect(await screen.findByTestId('encrypt-offer')).toBeInTheDocument()
    expect(api.encryptionStatus).toHaveBeenCalledTimes(1)
  })

  it('launch (main.ts): the lock and the workspace first, then the first screen\'s data at once; locked, nothing personal', async () => {
    vi.mocked(api.workspaceInfo).mockResolvedValue(info())
    let answer!: (s: Awaited<ReturnType<typeof api.lockStatus>>) => void
    vi.mocked(api.lockStatus).mockReturnValue(new Promise((r) => (answer = r)))
    const first = loadFirstScreen('today')
    await Promise.resolve()
    expect(api.workspaceInfo).toHaveBeenCalledTimes(1) // beside the lock, not after it
    expect(api.loadToday).not.toHaveBeenCalled()
    answer({ locked: false, needsPassphrase: false, lockMinutes: 15, retryAt: '' })
    await first
    expect(api.loadToday).toHaveBeenCalledTimes(1)
    expect(api.loadDirectory).toHaveBeenCalledTimes(1)
    expect(api.countReminders).toHaveBeenCalledTimes(1)

    vi.clearAllMocks()
    vi.mocked(api.lockStatus).mockResolvedValue({ locked: true, needsPassphrase: true, lockMinutes: 15, retryAt: '' })
    await loadFirstScreen('today')
    expect(api.loadToday).not.toHaveBeenCalled()
    expect(api.loadDirectory).not.toHaveBeenCalled()
    expect(api.countReminders).not.toHaveBeenCalled()
  })

  it('launch (main.ts): data there before the mount draws the shell in the first render, no spinner; later, the spinner until it comes', async () => {
    vi.mocked(api.workspaceInfo).mockResolvedValue(info())
    vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people: [person({ id: 'p1', name: 'Ada Lovelace' })] }))
    const booting = loadFirstScreen('today')
    await booting
    render(App, { props: { booting, booted: true } })
    // Synchronously after the mount: the first frame will show the shell.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(screen.queryByRole('status', { name: 'Opening your workspace…' })).not.toBeInTheDocument()
    cleanup()

    let release!: (d: ReturnType<typeof directory>) => void
    vi.mocked(api.loadDirectory).mockReturnValue(new Promise((r) => (release = r)))
    const slow = loadFirstScreen('today')
    render(App, { props: { booting: slow, booted: false } })
    expect(screen.getByRole('status', { name: 'Opening your workspace…' })).toBeInTheDocument()
    release(directory())
    await screen.findByRole('navigation', { name: 'Main' })
    expect(api.loadDirectory).toHaveBeenCalledTimes(2) // the app did not start a load of its own
  })

  it('moves between screens with Alt+digits', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people: [person({ id: 'p', name: 'Pat Lee' })] }))
    render(App)
    await screen.findByRole('navigation', { name: 'Main' })
    await user.keyboard('{Alt>}2{/Alt}')
    expect(await screen.findByRole('heading', { name: /People/, level: 1 })).toBeInTheDocument()
    expect(location.hash).toBe('#/people')
    await user.keyboard('n')
    expect(await screen.findByRole('dialog', { name: 'Add person' })).toBeInTheDocument()
  })
})
