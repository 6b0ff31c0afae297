// A rotation belongs to a team (issue 9): the editor's Team select, a
// rotation from before teams, and the timeline grouped by team.
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    previewRotation: vi.fn(),
    saveRotation: vi.fn(),
    loadTimeZones: vi.fn(),
  }
})

import * as api from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { timezones } from '$lib/stores/timezones.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError, loadedRoster, person, rotation, team } from '../../../test/fixtures'
import RotationEditor from './RotationEditor.svelte'
import ScheduleTimeline from './ScheduleTimeline.svelte'

beforeEach(() => {
  loadedRoster({
    people: [person({ id: 'p1', name: 'Ana' }), person({ id: 'p2', name: 'Bo' })],
    teams: [team('t2', 'Payments'), team('t1', 'Checkout')],
  })
  timezones.reset()
  toasts.reset()
  vi.mocked(api.loadTimeZones).mockResolvedValue([])
  vi.mocked(api.previewRotation).mockResolvedValue([])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('RotationEditor team', () => {
  it('offers the teams by name, or no team, instead of a free-text schedule', () => {
    render(RotationEditor, { props: { onclose: vi.fn(), debounce: 0 } })
    const select = screen.getByLabelText('Team') as HTMLSelectElement
    expect(select.tagName).toBe('SELECT')
    expect([...select.options].map((o) => o.textContent)).toEqual(['No team', 'Checkout', 'Payments'])
    expect(select.value).toBe('')
    expect(screen.queryByLabelText('Schedule')).toBeNull()
  })

  it('saves the chosen team and shows its error next to the select', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveRotation).mockRejectedValueOnce(
      goError({ code: 'invalid', message: 'Problems', fields: [{ field: 'teamId', message: 'The chosen team does not exist (any more).' }] }),
    )
    const r = rotation({ id: 'r1', name: 'Payments primary' })
    render(RotationEditor, { props: { rotation: r, onclose: vi.fn(), debounce: 0 } })
    await user.selectOptions(screen.getByLabelText('Team'), 'Payments')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(vi.mocked(api.saveRotation).mock.calls[0][0]).toMatchObject({ id: 'r1', teamId: 't2' })
    const select = screen.getByLabelText('Team')
    await waitFor(() => expect(select).toHaveAttribute('aria-invalid', 'true'))
    const msg = screen.getByText('The chosen team does not exist (any more).')
    expect((select.getAttribute('aria-describedby') ?? '').split(' ')).toContain(msg.id)
    expect(select).toHaveFocus()

    // No team again: saved without one.
    vi.mocked(api.saveRotation).mockResolvedValueOnce(r)
    await user.selectOptions(select, 'No team')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.saveRotation).toHaveBeenCalledTimes(2))
    expect(vi.mocked(api.saveRotation).mock.calls[1][0]).toMatchObject({ teamId: '' })
  })

  it('tells about a schedule from before teams and offers the team of that name', async () => {
    const user = userEvent.setup()
    render(RotationEditor, {
      props: { rotation: rotation({ id: 'r1', name: 'Old', scheduleName: 'payments' }), onclose: vi.fn(), debounce: 0 },
    })
    const note = screen.getByTestId('legacy-schedule')
    expect(note).toHaveTextContent('grouped with the schedule “payments” until you choose a team')
    await user.click(within(note).getByRole('button', { name: 'Put it in Payments' }))
    expect(screen.getByLabelText('Team')).toHaveValue('t2')
    expect(screen.queryByTestId('legacy-schedule')).toBeNull()
  })

  it('keeps a schedule of no known team without offering one', () => {
    render(RotationEditor, {
      props: { rotation: rotation({ id: 'r1', name: 'Old', scheduleName: 'Night owls' }), onclose: vi.fn(), debounce: 0 },
    })
    const note = screen.getByTestId('legacy-schedule')
    expect(note).toHaveTextContent('“Night owls”')
    expect(within(note).queryByRole('button')).toBeNull()
    expect(screen.getByLabelText('Team')).toHaveValue('')
  })
})

describe('ScheduleTimeline by team', () => {
  it('groups a team’s rotations under the team’s name', () => {
    const names: Record<string, string> = { t1: 'Checkout', t2: 'Payments' }
    render(ScheduleTimeline, {
      props: {
        rotations: [
          rotation({ id: 'r2', name: 'Pay secondary', teamId: 't2', layer: 2 }),
          rotation({ id: 'r1', name: 'Pay primary', teamId: 't2' }),
          rotation({ id: 'r3', name: 'Lone' }),
          rotation({ id: 'r4', name: 'Old layer', scheduleName: 'Legacy' }),
        ],
        shifts: [],
        from: new Date('2026-11-23T00:00:00Z'),
        to: new Date('2026-11-30T00:00:00Z'),
        nameOf: (id: string) => roster.personById.get(id)?.name ?? 'Nobody',
        teamName: (id: string) => names[id],
      },
    })
    const headings = [...document.querySelectorAll('.schedule-name')].map((e) => e.textContent)
    expect(headings).toEqual(['Legacy', 'Payments'])
    const lanes = screen.getAllByRole('button', { name: /^Edit / }).map((b) => b.getAttribute('aria-label'))
    // By schedule name (the lone rotation is its own), primary before secondary.
    expect(lanes).toEqual(['Edit Old layer', 'Edit Lone', 'Edit Pay primary', 'Edit Pay secondary'])
  })
})

describe('ScheduleTimeline final row', () => {
  const props = (finals: Record<string, api.FinalShift[]>) => ({
    rotations: [
      rotation({ id: 'r1', name: 'Pay office hours', teamId: 't2' }),
      rotation({ id: 'r2', name: 'Pay secondary', teamId: 't2', layer: 2 }),
      rotation({ id: 'r3', name: 'Lone', teamId: 't1' }),
    ],
    shifts: [],
    from: new Date('2026-11-23T00:00:00Z'),
    to: new Date('2026-11-30T00:00:00Z'),
    nameOf: (id: string) => ({ p1: 'Ana Lind', p2: 'Bo Berg' })[id] ?? 'Nobody',
    teamName: (id: string) => ({ t1: 'Checkout', t2: 'Payments' })[id],
    finals,
  })
  const piece = (x: Partial<api.FinalShift>): api.FinalShift => ({
    start: '2026-11-23T00:00:00Z',
    end: '2026-11-23T08:00:00Z',
    rotationId: 'r2',
    rotation: 'Pay secondary',
    layer: 2,
    slot: 0,
    personId: 'p2',
    reason: 'scheduled',
    replacedPersonId: '',
    unavailable: false,
    gap: false,
    unstaffed: false,
    ...x,
  })

  it('shows a team’s final schedule above its rotations: who a page reaches, from which layer, and gaps', () => {
    render(ScheduleTimeline, {
      props: props({
        t2: [
          piece({}),
          piece({ start: '2026-11-23T08:00:00Z', end: '2026-11-23T16:00:00Z', rotationId: 'r1', rotation: 'Pay office hours', layer: 1, personId: 'p1' }),
          piece({ start: '2026-11-23T16:00:00Z', end: '2026-11-24T00:00:00Z', rotationId: '', rotation: '', layer: 0, personId: '', reason: 'gap', gap: true }),
        ],
        t1: [piece({ rotationId: 'r3', rotation: 'Lone', layer: 1, personId: 'p1' })],
      }),
    })
    const rows = screen.getAllByTestId('final-row')
    // Only a team with more than one rotation: a lone rotation is its own final schedule.
    expect(rows).toHaveLength(1)
    const bars = within(rows[0]).getAllByRole('img')
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Bo Berg, .* from Pay secondary \(secondary\)$/),
      expect.stringMatching(/^Ana Lind, .* from Pay office hours \(primary\)$/),
      expect.stringMatching(/^Nobody on call in any layer, /),
    ])
    expect(bars[2]).toHaveClass('gap')
    // The row sits above the team's rotations, under its name.
    const order = [...document.querySelectorAll('.schedule-name, .lane-name')].map((e) => e.textContent?.trim())
    expect(order.indexOf('Final')).toBe(order.indexOf('Payments') + 1)
    expect(order.indexOf('Final')).toBeLessThan(order.indexOf('Pay office hours'))
    // Not a rotation: nothing to edit.
    expect(within(rows[0]).queryByRole('button')).toBeNull()
  })

  it('has no final row before the final schedule is loaded', () => {
    render(ScheduleTimeline, { props: props({}) })
    expect(screen.queryByTestId('final-row')).toBeNull()
  })
})

