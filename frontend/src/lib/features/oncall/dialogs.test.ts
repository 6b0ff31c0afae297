import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    saveOverride: vi.fn(),
    previewRotation: vi.fn(),
    saveRotation: vi.fn(),
    loadTimeZones: vi.fn(),
    loadRotations: vi.fn(),
    loadShifts: vi.fn(),
    loadCoverage: vi.fn(),
    loadFeeds: vi.fn(),
    feedServer: vi.fn(),
    loadRegions: vi.fn(),
    previewImport: vi.fn(),
    applyImport: vi.fn(),
    loadSubscriptions: vi.fn(),
  }
})

import * as api from '$lib/api'
import { oncall } from '$lib/stores/oncall.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { timezones } from '$lib/stores/timezones.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { loadedRoster, person, rotation } from '../../../test/fixtures'
import CalendarPanel from './CalendarPanel.svelte'
import OverrideDialog from './OverrideDialog.svelte'
import RotationEditor from './RotationEditor.svelte'

const ROTATION = rotation()

beforeEach(() => {
  loadedRoster({ people: [person({ id: 'p1', name: 'Ana' }), person({ id: 'p2', name: 'Bo' })] })
  timezones.reset()
  toasts.reset()
  oncall.reset()
  vi.mocked(api.loadTimeZones).mockResolvedValue([])
  vi.mocked(api.previewRotation).mockResolvedValue([])
  vi.mocked(api.loadRotations).mockResolvedValue([ROTATION])
  vi.mocked(api.loadShifts).mockResolvedValue([])
  vi.mocked(api.loadCoverage).mockResolvedValue([])
  vi.mocked(api.loadFeeds).mockResolvedValue([])
  vi.mocked(api.feedServer).mockResolvedValue({ running: true, baseUrl: '', note: '' })
  vi.mocked(api.loadRegions).mockResolvedValue([{ id: 'g1', name: 'Germany', memberIds: [], holidays: [] }])
  vi.mocked(api.loadSubscriptions).mockResolvedValue([])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('OverrideDialog', () => {
  it('saves and shows the warnings the save returns', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveOverride).mockResolvedValue({
      item: { id: 'o1', rotationId: 'r1', personId: 'p2', start: '', end: '', note: '' },
      warnings: ['Bo is on vacation then'],
    })
    const onclose = vi.fn()
    render(OverrideDialog, {
      props: { rotations: [ROTATION], rotationId: 'r1', start: '2026-11-25T09:00:00Z', end: '2026-11-26T09:00:00Z', onclose },
    })
    await user.selectOptions(screen.getByLabelText('Who covers'), 'p2')
    await user.click(screen.getByRole('button', { name: 'Save override' }))
    await waitFor(() => expect(onclose).toHaveBeenCalled())
    expect(toasts.items.map((t) => t.message)).toContain('Bo is on vacation then')
    const sent = vi.mocked(api.saveOverride).mock.calls[0][0]
    expect(sent).toMatchObject({ rotationId: 'r1', personId: 'p2', start: '2026-11-25T09:00:00.000Z', end: '2026-11-26T09:00:00.000Z' })
  })
})

describe('RotationEditor participants', () => {
  it('moves a participant down and saves the new order', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveRotation).mockImplementation(async (r) => ({ ...r, id: 'r1' }))
    render(RotationEditor, { props: { rotation: ROTATION, onclose: vi.fn(), debounce: 0 } })
    const list = screen.getByRole('list', { name: 'Participants' })
    await user.click(within(list).getByRole('button', { name: 'Move Ana down' }))
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Bo'),
      expect.stringContaining('Ana'),
    ])
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.saveRotation).toHaveBeenCalled())
    expect(vi.mocked(api.saveRotation).mock.calls[0][0].participants).toEqual(['p2', 'p1'])
  })
})

describe('RotationEditor preview', () => {
  it('an existing rotation with participants is never told to add some while its preview is coming', async () => {
    let answer: (v: Awaited<ReturnType<typeof api.previewRotation>>) => void = () => {}
    vi.mocked(api.previewRotation).mockImplementation(() => new Promise((r) => (answer = r)))
    render(RotationEditor, { props: { rotation: ROTATION, onclose: vi.fn(), debounce: 0 } })
    const preview = screen.getByRole('region', { name: /Next shifts/ })
    expect(preview).toHaveTextContent('Working out the next shifts…')
    expect(preview).not.toHaveTextContent('Add participants')
    await waitFor(() => expect(api.previewRotation).toHaveBeenCalled())
    answer([])
    await waitFor(() => expect(preview).toHaveTextContent('No shifts in the next weeks.'))
    expect(preview).not.toHaveTextContent('Add participants')
  })

  it('a new rotation without participants says to add them', async () => {
    render(RotationEditor, { props: { rotation: undefined, onclose: vi.fn(), debounce: 0 } })
    expect(screen.getByRole('region', { name: /Next shifts/ })).toHaveTextContent('Add participants to see who takes which turn.')
  })
})

describe('CalendarPanel import', () => {
  it('previews a file, then applies it', async () => {
    const user = userEvent.setup()
    vi.mocked(api.previewImport).mockResolvedValue({
      token: 'tk1',
      targetName: 'Germany',
      calendar: 'de',
      events: 3,
      new: 1,
      updated: 1,
      unchanged: 0,
      removed: 1,
      warnings: [],
      changes: [
        { action: 'new', uid: 'a', name: 'Whit Monday', when: '2027-05-17', was: '' },
        { action: 'removed', uid: 'b', name: 'Old day', when: '2026-12-31', was: '' },
      ],
    })
    vi.mocked(api.applyImport).mockResolvedValue({ added: 1, updated: 1, removed: 1, unchanged: 0 })
    render(CalendarPanel)
    const panel = within(screen.getByRole('heading', { name: 'Import a calendar file' }).closest('section')!)
    await waitFor(() => expect(panel.getByRole('option', { name: 'Germany' })).toBeInTheDocument())
    await user.selectOptions(panel.getByLabelText('Region'), 'g1')
    await user.upload(panel.getByLabelText('Calendar file'), new File(['BEGIN:VCALENDAR'], 'de.ics', { type: 'text/calendar' }))
    await user.click(panel.getByRole('button', { name: 'Preview' }))
    const preview = await screen.findByRole('region', { name: 'Import preview' })
    expect(within(preview).getByText('1 new')).toBeInTheDocument()
    expect(within(preview).getByText('Whit Monday')).toBeInTheDocument()
    expect(vi.mocked(api.previewImport).mock.calls[0][2]).toEqual({ kind: 'holidays', regionId: 'g1', regionName: undefined })
    await user.click(within(preview).getByRole('button', { name: 'Apply' }))
    await waitFor(() => expect(api.applyImport).toHaveBeenCalledWith('tk1'))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Import preview' })).toBeNull())
  })
})
