import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadSubscriptions: vi.fn(),
    saveSubscription: vi.fn(),
    deleteSubscription: vi.fn(),
    fetchSubscription: vi.fn(),
    applyImport: vi.fn(),
    deleteOverride: vi.fn(),
    deleteSwap: vi.fn(),
    passwordPlace: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { CalendarSubscription, ImportPreview, Override, SwapView } from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError, loadedRoster, person, rotation } from '../../../test/fixtures'
import AdjustmentsPanel from './AdjustmentsPanel.svelte'
import CalendarSubscriptions from './CalendarSubscriptions.svelte'

const REGIONS = [{ id: 'g1', name: 'Germany', memberIds: [], holidays: [] }]

function sub(s: Partial<CalendarSubscription> = {}): CalendarSubscription {
  return {
    id: 's1',
    name: 'German holidays',
    url: 'https://example.com/de.ics',
    refresh: 'weekly',
    target: { kind: 'holidays', regionId: 'g1', personId: '', timeOffKind: '', calendar: 'German holidays' },
    createdAt: '2026-11-20T10:00:00Z',
    lastAttemptAt: '',
    lastFetchedAt: '',
    lastAppliedAt: '',
    lastError: '',
    cachedBytes: 0,
    cachedAt: '',
    source: 'ics',
    user: '',
    trustSha256: '',
    passwordIn: '',
    untrustedCertificate: '',
    ...s,
  }
}

const PREVIEW: ImportPreview = {
  token: 'tk9',
  targetName: 'Germany',
  calendar: 'Holidays in Germany',
  events: 2,
  new: 2,
  updated: 0,
  unchanged: 0,
  removed: 0,
  warnings: [],
  changes: [
    { action: 'new', uid: 'a', name: 'Christmas Day', when: '2026-12-25', was: '' },
    { action: 'new', uid: 'b', name: 'Second Day of Christmas', when: '2026-12-26', was: '' },
  ],
}

beforeEach(() => {
  loadedRoster({ people: [person({ id: 'p1', name: 'Ana' }), person({ id: 'p2', name: 'Bo' })] })
  toasts.reset()
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('CalendarSubscriptions', () => {
  it('puts validation messages next to their fields, from the form and from the backend', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadSubscriptions).mockResolvedValue([])
    render(CalendarSubscriptions, { props: { regions: REGIONS } })
    expect(await screen.findByText('No calendar subscriptions yet')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    const url = screen.getByLabelText('Calendar address')
    expect(url).toHaveAttribute('aria-invalid', 'true')
    const msg = screen.getByText('Enter the calendar’s address (https://…).')
    expect((url.getAttribute('aria-describedby') ?? '').split(' ')).toContain(msg.id)
    const region = screen.getByLabelText('Region')
    expect(region).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText('Choose a region or name a new one.')).toBeInTheDocument()
    expect(api.saveSubscription).not.toHaveBeenCalled()

    await user.type(url, 'ftp://example.com/x.ics')
    await user.type(screen.getByLabelText('New region’s name'), 'Germany (Berlin)')
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    expect(screen.getByText('Use an http:// or https:// address (webcal:// works too).')).toBeInTheDocument()
    expect(api.saveSubscription).not.toHaveBeenCalled()

    // The backend's own field errors land on the same fields.
    vi.mocked(api.saveSubscription).mockRejectedValue(
      goError({ code: 'invalid', message: 'Problems', fields: [{ field: 'name', message: 'Another subscription into the same place is already called X.' }] }),
    )
    await user.clear(url)
    await user.type(url, 'https://example.com/x.ics')
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    const name = screen.getByLabelText('Name (optional)')
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(screen.getByText('Another subscription into the same place is already called X.')).toBeInTheDocument()
    expect(url).not.toHaveAttribute('aria-invalid')
    expect(vi.mocked(api.saveSubscription).mock.calls[0][0]).toEqual({
      name: '',
      url: 'https://example.com/x.ics',
      refresh: 'weekly',
      target: { kind: 'holidays', regionId: undefined, regionName: 'Germany (Berlin)' },
    })
  })

  it('subscribes, fetches now with a preview first, applies it, and deletes with a confirmation', async () => {
    const user = userEvent.setup()
    const onimported = vi.fn()
    vi.mocked(api.loadSubscriptions).mockResolvedValue([])
    vi.mocked(api.saveSubscription).mockResolvedValue(sub())
    render(CalendarSubscriptions, { props: { regions: REGIONS, onimported } })
    await screen.findByText('No calendar subscriptions yet')

    await user.type(screen.getByLabelText('Calendar address'), 'https://example.com/de.ics')
    await user.selectOptions(screen.getByLabelText('Region'), 'g1')
    await user.selectOptions(screen.getByLabelText('Refresh'), 'daily')
    vi.mocked(api.loadSubscriptions).mockResolvedValue([sub({ refresh: 'daily' })])
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() => expect(api.saveSubscription).toHaveBeenCalled())
    expect(vi.mocked(api.saveSubscription).mock.calls[0][0]).toMatchObject({ url: 'https://example.com/de.ics', refresh: 'daily', target: { kind: 'holidays', regionId: 'g1' } })
    const list = await screen.findByRole('list', { name: 'Calendar subscriptions' })
    const item = within(list).getByText('German holidays').closest('li')!
    expect(within(item).getByText('Holidays of Germany')).toBeInTheDocument()
    expect(within(item).getByText('Daily')).toBeInTheDocument()
    expect(within(item).getByText('Never fetched')).toBeInTheDocument()

    // Fetch now: the first time, a preview in a dialog.
    vi.mocked(api.fetchSubscription).mockResolvedValue({ subscription: sub(), notModified: false, preview: PREVIEW, applied: null })
    vi.mocked(api.applyImport).mockResolvedValue({ added: 2, updated: 0, removed: 0, unchanged: 0 })
    vi.mocked(api.loadSubscriptions).mockResolvedValue([
      sub({ lastFetchedAt: '2026-11-23T10:00:00Z', lastAppliedAt: '2026-11-23T10:00:05Z', cachedBytes: 2048 }),
    ])
    await user.click(within(item).getByRole('button', { name: 'Fetch German holidays now' }))
    const dialog = await screen.findByRole('dialog')
    const preview = within(dialog).getByRole('region', { name: 'Subscription preview' })
    expect(within(preview).getByText('2 new')).toBeInTheDocument()
    expect(within(preview).getByText('Christmas Day')).toBeInTheDocument()
    expect(api.applyImport).not.toHaveBeenCalled()
    await user.click(within(preview).getByRole('button', { name: 'Apply' }))
    await waitFor(() => expect(api.applyImport).toHaveBeenCalledWith('tk9'))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(onimported).toHaveBeenCalled()
    expect(toasts.items.map((t) => t.message)).toContain('Imported “German holidays”: 2 new, 0 updated, 0 removed.')
    await waitFor(() => expect(within(list).getByText(/2\.0 KB kept offline/)).toBeInTheDocument())

    // Delete asks first.
    vi.mocked(api.deleteSubscription).mockResolvedValue()
    await user.click(within(list).getByRole('button', { name: 'Delete German holidays' }))
    const confirm = await screen.findByRole('alertdialog')
    expect(confirm).toHaveTextContent('What it imported stays')
    expect(api.deleteSubscription).not.toHaveBeenCalled()
    vi.mocked(api.loadSubscriptions).mockResolvedValue([])
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(api.deleteSubscription).toHaveBeenCalledWith('s1'))
    expect(await screen.findByText('No calendar subscriptions yet')).toBeInTheDocument()
  })

  it('subscribes to a CalDAV calendar: reads it at once, a refused password goes next to its field, then the preview opens', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadSubscriptions).mockResolvedValue([])
    vi.mocked(api.passwordPlace).mockResolvedValue({ place: 'workspace', encrypted: true, reason: '' })
    const dav = sub({
      id: 's2',
      name: 'Vacations',
      source: 'caldav',
      url: 'https://dav.example.com/ana/vacations/',
      user: 'ana',
      passwordIn: 'workspace',
      target: { kind: 'timeoff', regionId: '', personId: 'p1', timeOffKind: 'vacation', calendar: 'Vacations' },
    })
    vi.mocked(api.saveSubscription).mockResolvedValue(dav)
    vi.mocked(api.fetchSubscription).mockRejectedValueOnce(
      goError({
        code: 'invalid',
        message: 'The calendar server dav.example.com refused the user name or password (401 Unauthorized).',
        fields: [{ field: 'password', message: 'The calendar server dav.example.com refused the user name or password (401 Unauthorized).' }],
      }),
    )
    render(CalendarSubscriptions, { props: { regions: REGIONS } })
    await screen.findByText('No calendar subscriptions yet')
    await user.selectOptions(screen.getByLabelText('Read from'), 'caldav')
    expect(await screen.findByText(/Kept inside this workspace, which is encrypted/)).toBeInTheDocument()
    await user.type(screen.getByLabelText('Calendar or server address'), 'https://dav.example.com/ana/vacations/')
    await user.type(screen.getByLabelText('User'), 'ana')
    await user.type(screen.getByLabelText('Password or app token'), 'wrong')
    await user.selectOptions(screen.getByLabelText('Import as'), 'timeoff')
    await user.selectOptions(screen.getByLabelText('Person'), 'p1')
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() => expect(api.fetchSubscription).toHaveBeenCalledWith('s2'))
    expect(vi.mocked(api.saveSubscription).mock.calls[0][0]).toMatchObject({
      source: 'caldav',
      url: 'https://dav.example.com/ana/vacations/',
      user: 'ana',
      password: 'wrong',
      target: { kind: 'timeoff', personId: 'p1' },
    })
    const pw = screen.getByLabelText('Password or app token')
    await waitFor(() => expect(pw).toHaveAttribute('aria-invalid', 'true'))
    expect(screen.getByText(/refused the user name or password/)).toBeInTheDocument()
    expect(pw).toHaveAttribute('placeholder', '••••••• (stored)')

    // The right password: saved on the same subscription, read, previewed.
    vi.mocked(api.fetchSubscription).mockResolvedValueOnce({ subscription: dav, notModified: false, preview: PREVIEW, applied: null })
    await user.type(pw, 'right')
    await user.click(screen.getByRole('button', { name: 'Save and read' }))
    await waitFor(() => expect(api.saveSubscription).toHaveBeenCalledTimes(2))
    expect(vi.mocked(api.saveSubscription).mock.calls[1][0]).toMatchObject({ id: 's2', source: 'caldav', password: 'right' })
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('2 new')).toBeInTheDocument()
  })

  it('offers to trust the certificate a CalDAV fetch was refused by, then fetches again', async () => {
    const user = userEvent.setup()
    const fp = 'AB:CD:' + '00:'.repeat(29) + 'EF'
    const dav = sub({
      id: 's3',
      name: 'Team vacations',
      source: 'caldav',
      url: 'https://dav.example.com/team/vacations/',
      user: 'ana',
      passwordIn: 'keyring',
      lastAttemptAt: '2026-11-23T10:00:00Z',
      lastError: 'The certificate of dav.example.com is not signed by an authority this computer trusts (self-signed?).',
      untrustedCertificate: fp,
      target: { kind: 'timeoff', regionId: '', personId: 'p1', timeOffKind: 'vacation', calendar: 'Team vacations' },
    })
    vi.mocked(api.loadSubscriptions).mockResolvedValue([dav])
    vi.mocked(api.saveSubscription).mockResolvedValue({ ...dav, trustSha256: fp })
    vi.mocked(api.fetchSubscription).mockResolvedValue({ subscription: dav, notModified: false, preview: PREVIEW, applied: null })
    render(CalendarSubscriptions, { props: { regions: REGIONS } })
    const list = await screen.findByRole('list', { name: 'Calendar subscriptions' })
    expect(within(list).getByText('CalDAV')).toBeInTheDocument()
    expect(within(list).getByText(/As ana · password in the OS keyring/)).toBeInTheDocument()
    await user.click(within(list).getByRole('button', { name: 'Trust the certificate of Team vacations' }))
    const confirm = await screen.findByRole('alertdialog')
    expect(within(confirm).getByText(fp)).toBeInTheDocument()
    expect(api.saveSubscription).not.toHaveBeenCalled()
    await user.click(within(confirm).getByRole('button', { name: 'Trust and fetch' }))
    await waitFor(() => expect(api.fetchSubscription).toHaveBeenCalledWith('s3'))
    expect(vi.mocked(api.saveSubscription).mock.calls[0][0]).toMatchObject({ id: 's3', source: 'caldav', user: 'ana', password: '', trustSha256: fp })
    expect(await screen.findByRole('dialog')).toBeInTheDocument()
  })

  it('edits a subscription: address, name and schedule change, the target is shown but locked', async () => {
    const user = userEvent.setup()
    vi.mocked(api.loadSubscriptions).mockResolvedValue([sub()])
    vi.mocked(api.saveSubscription).mockResolvedValue(sub({ refresh: 'manual', url: 'https://example.com/de-2027.ics' }))
    render(CalendarSubscriptions, { props: { regions: REGIONS } })
    const list = await screen.findByRole('list', { name: 'Calendar subscriptions' })
    await user.click(within(list).getByRole('button', { name: 'Edit German holidays' }))
    const form = screen.getByRole('form', { name: 'Edit the calendar subscription' })
    const address = within(form).getByLabelText('Calendar address') as HTMLInputElement
    expect(address.value).toBe(sub().url)
    expect(within(form).getByLabelText('Region')).toBeDisabled()
    expect(within(form).getByLabelText('Import as')).toBeDisabled()
    await user.clear(address)
    await user.type(address, 'https://example.com/de-2027.ics')
    await user.selectOptions(within(form).getByLabelText('Refresh'), 'manual')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(api.saveSubscription).toHaveBeenCalled())
    expect(vi.mocked(api.saveSubscription).mock.calls[0][0]).toMatchObject({ id: 's1', url: 'https://example.com/de-2027.ics', refresh: 'manual' })
    // back to subscribing to a new one
    expect(await screen.findByRole('button', { name: 'Subscribe' })).toBeInTheDocument()
    expect((screen.getByLabelText('Calendar address') as HTMLInputElement).value).toBe('')
  })

  it('shows the last error, and a failed fetch says nothing changed', async () => {
    const user = userEvent.setup()
    const failed = sub({
      target: { kind: 'timeoff', regionId: '', personId: 'p2', timeOffKind: 'vacation', calendar: 'Bo' },
      name: 'Bo’s leave',
      refresh: 'manual',
      lastFetchedAt: '2026-11-20T10:00:00Z',
      lastAppliedAt: '2026-11-20T10:00:00Z',
      lastAttemptAt: '2026-11-23T10:00:00Z',
      lastError: 'example.com answered 404 Not Found.',
      cachedBytes: 100,
    })
    vi.mocked(api.loadSubscriptions).mockResolvedValue([failed])
    render(CalendarSubscriptions, { props: { regions: REGIONS } })
    const list = await screen.findByRole('list', { name: 'Calendar subscriptions' })
    expect(within(list).getByText('Time off of Bo (vacation)')).toBeInTheDocument()
    expect(within(list).getByText('Manual')).toBeInTheDocument()
    const note = within(list).getByRole('note')
    expect(note).toHaveTextContent('Last fetch failed')
    expect(note).toHaveTextContent('example.com answered 404 Not Found.')
    expect(note).toHaveTextContent('Nothing was changed; the copy from')

    vi.mocked(api.fetchSubscription).mockRejectedValue(goError({ code: 'unavailable', message: 'Cannot reach example.com: the connection was refused.' }))
    await user.click(within(list).getByRole('button', { name: 'Fetch Bo’s leave now' }))
    await waitFor(() =>
      expect(toasts.items.map((t) => t.message)).toContain('Could not fetch “Bo’s leave”: Cannot reach example.com: the connection was refused. Nothing was changed.'),
    )
    expect(screen.queryByRole('dialog')).toBeNull()

    // Applied before: Fetch now applies and says what changed.
    vi.mocked(api.fetchSubscription).mockResolvedValue({ subscription: failed, notModified: false, preview: null, applied: { added: 1, updated: 2, removed: 0, unchanged: 3 } })
    await user.click(within(list).getByRole('button', { name: 'Fetch Bo’s leave now' }))
    await waitFor(() => expect(toasts.items.map((t) => t.message)).toContain('Fetched “Bo’s leave”: 1 new, 2 updated, 0 removed.'))
  })
})

const ROTATIONS = [rotation()]

describe('AdjustmentsPanel', () => {
  const now = new Date('2026-11-23T12:00:00Z')
  const nameOf = (id: string) => roster.personById.get(id)?.name ?? 'Someone removed'
  const overrides: Override[] = [
    { id: 'o1', rotationId: 'r1', personId: 'p2', start: '2026-11-25T12:00:00Z', end: '2026-11-25T18:00:00Z', note: 'Dentist' },
    { id: 'o2', rotationId: 'r1', personId: 'p1', start: '2026-11-10T08:00:00Z', end: '2026-11-11T08:00:00Z', note: '' },
    { id: 'o3', rotationId: 'r1', personId: 'p1', start: '2026-08-01T08:00:00Z', end: '2026-08-02T08:00:00Z', note: '' },
  ]
  const swaps: SwapView[] = [
    {
      id: 'w1',
      rotationId: 'r1',
      slotA: 5,
      slotB: 6,
      note: '',
      startA: '2026-12-07T09:00:00Z',
      endA: '2026-12-14T09:00:00Z',
      startB: '2026-12-14T09:00:00Z',
      endB: '2026-12-21T09:00:00Z',
      personA: 'p2',
      personB: 'p1',
    },
  ]

  it('lists upcoming and recent overrides and swaps with who and when, and deletes one after a confirmation', async () => {
    const user = userEvent.setup()
    const onchanged = vi.fn()
    vi.mocked(api.deleteOverride).mockResolvedValue()
    render(AdjustmentsPanel, { props: { rotations: ROTATIONS, overrides, swaps, nameOf, now, onchanged } })
    const upcoming = screen.getByRole('list', { name: 'Upcoming overrides and swaps' })
    const items = within(upcoming).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent('Override')
    expect(items[0]).toHaveTextContent('Bo covers')
    expect(items[0]).toHaveTextContent('Dentist')
    expect(items[0]).toHaveTextContent('(6 h)')
    expect(items[1]).toHaveTextContent('Swap')
    expect(items[1]).toHaveTextContent('Bo ⇄ Ana')
    const recent = screen.getByRole('list', { name: 'Recent overrides and swaps' })
    expect(within(recent).getAllByRole('listitem')).toHaveLength(1)
    expect(within(recent).getByText('Ana')).toBeInTheDocument()
    expect(screen.getByText('1 older not shown.')).toBeInTheDocument()

    await user.click(within(items[0]).getByRole('button', { name: /^Delete the Bo covering Payments primary/ }))
    const confirm = await screen.findByRole('alertdialog')
    expect(confirm).toHaveTextContent('Bo no longer covers Payments primary')
    expect(api.deleteOverride).not.toHaveBeenCalled()
    await user.click(within(confirm).getByRole('button', { name: 'Delete override' }))
    await waitFor(() => expect(api.deleteOverride).toHaveBeenCalledWith('o1'))
    expect(onchanged).toHaveBeenCalled()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    vi.mocked(api.deleteSwap).mockResolvedValue()
    await user.click(within(items[1]).getByRole('button', { name: /^Delete the swap/ }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Undo swap' }))
    await waitFor(() => expect(api.deleteSwap).toHaveBeenCalledWith('w1'))
  })

  it('counts the older overrides and swaps the backend only counted (all rotations, or the one picked)', async () => {
    render(AdjustmentsPanel, { props: { rotations: ROTATIONS, overrides: overrides.slice(0, 2), swaps, older: { r1: 40, r2: 2 }, nameOf, now } })
    expect(screen.getByText('42 older not shown.')).toBeInTheDocument()
  })

  it('has an empty state that offers an override', async () => {
    const user = userEvent.setup()
    const onoverride = vi.fn()
    render(AdjustmentsPanel, { props: { rotations: ROTATIONS, overrides: [overrides[2]], swaps: [], nameOf, now, onoverride } })
    expect(screen.getByText('No overrides or swaps')).toBeInTheDocument()
    expect(screen.getByText(/1 older than 30 days not shown/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add an override…' }))
    expect(onoverride).toHaveBeenCalled()
  })

  it('shows 20 of 400 upcoming overrides and 20 more a click, focus on the first that appeared', async () => {
    const user = userEvent.setup()
    const many: Override[] = Array.from({ length: 400 }, (_, i) => ({
      id: `m${i}`,
      rotationId: 'r1',
      personId: 'p2',
      start: new Date(Date.UTC(2026, 10, 24) + i * 86_400_000).toISOString(),
      end: new Date(Date.UTC(2026, 10, 24, 6) + i * 86_400_000).toISOString(),
      note: `Cover ${i}`,
    }))
    render(AdjustmentsPanel, { props: { rotations: ROTATIONS, overrides: many, swaps: [], nameOf, now } })
    const upcoming = screen.getByRole('list', { name: 'Upcoming overrides and swaps' })
    expect(within(upcoming).getAllByRole('listitem')).toHaveLength(20)
    expect(screen.getByText('400 upcoming')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show 20 more of 380' }))
    expect(within(upcoming).getAllByRole('listitem')).toHaveLength(40)
    expect(document.activeElement).toBe(within(within(upcoming).getAllByRole('listitem')[20]).getByRole('button'))
    expect(screen.getByRole('button', { name: 'Show 20 more of 360' })).toBeInTheDocument()
  })
})
