import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    previewRotation: vi.fn(),
    saveRotation: vi.fn(),
    loadTimeZones: vi.fn(),
    saveTimeOff: vi.fn(),
    loadFairness: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { Shift } from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { timezones } from '$lib/stores/timezones.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError, loadedRoster, person, rotation } from '../../../test/fixtures'
import { colourOf, shiftNote } from './format'
import FairnessPanel from './FairnessPanel.svelte'
import RotationEditor from './RotationEditor.svelte'
import ScheduleTimeline from './ScheduleTimeline.svelte'
import TimeOffDialog from './TimeOffDialog.svelte'

const ROTATION = rotation({ scheduleName: 'Payments', participants: ['p1', 'p2', 'p3'] })

function shift(s: Partial<Shift>): Shift {
  return {
    rotationId: 'r1',
    slot: 0,
    piece: 0,
    start: '2026-11-23T09:00:00Z',
    end: '2026-11-25T09:00:00Z',
    personId: 'p1',
    reason: 'scheduled',
    replacedPersonId: '',
    gap: false,
    unavailable: false,
    notes: '',
    ...s,
  }
}

beforeEach(() => {
  loadedRoster({ people: [person({ id: 'p1', name: 'Ana' }), person({ id: 'p2', name: 'Bo' }), person({ id: 'p3', name: 'Cy' })] })
  timezones.reset()
  toasts.reset()
  vi.mocked(api.loadTimeZones).mockResolvedValue([])
  vi.mocked(api.previewRotation).mockResolvedValue([])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('RotationEditor', () => {
  it('shows a field error from the live preview next to its field', async () => {
    vi.mocked(api.previewRotation).mockRejectedValue(
      goError({ code: 'invalid', message: 'Problems', fields: [{ field: 'handoffTime', message: 'Use a time such as 09:00.' }] }),
    )
    render(RotationEditor, { props: { rotation: ROTATION, onclose: vi.fn(), debounce: 0 } })
    const input = screen.getByLabelText('Handoff time')
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'))
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ')
    const msg = screen.getByText('Use a time such as 09:00.')
    expect(described).toContain(msg.id)
    expect(msg).toHaveAttribute('role', 'alert')
    expect(api.previewRotation).toHaveBeenCalled()
    // The name is fine: no error there.
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid')
  })

  it('lists the next shifts the preview returns', async () => {
    vi.mocked(api.previewRotation).mockResolvedValue([
      shift({ personId: 'p1' }),
      shift({ slot: 1, personId: 'p3', reason: 'replacement', replacedPersonId: 'p2', notes: 'covers for Bo (vacation)' }),
    ])
    render(RotationEditor, { props: { rotation: ROTATION, onclose: vi.fn(), debounce: 0 } })
    const list = await screen.findByRole('region', { name: /Next shifts/ })
    await waitFor(() => expect(within(list).getByText('covering for Bo (vacation)')).toBeInTheDocument())
  })
})

describe('ScheduleTimeline', () => {
  it('marks a replacement and a gap', async () => {
    render(ScheduleTimeline, {
      props: {
        rotations: [ROTATION],
        shifts: [
          shift({ personId: 'p1', end: '2026-11-24T09:00:00Z' }),
          shift({
            slot: 1,
            start: '2026-11-24T09:00:00Z',
            end: '2026-11-26T09:00:00Z',
            personId: 'p3',
            reason: 'replacement',
            replacedPersonId: 'p2',
            notes: 'covers for Bo (vacation)',
          }),
          shift({ slot: 2, start: '2026-11-26T09:00:00Z', end: '2026-11-28T09:00:00Z', personId: '', reason: 'gap', gap: true }),
        ],
        from: new Date('2026-11-23T00:00:00Z'),
        to: new Date('2026-11-30T00:00:00Z'),
        nameOf: (id: string) => roster.personById.get(id)?.name ?? 'Nobody',
        now: new Date('2026-11-24T12:00:00Z'),
      },
    })
    const repl = screen.getByRole('button', { name: /^Cy,.*covering for Bo \(vacation\)/ })
    expect(repl).toHaveAttribute('data-reason', 'replacement')
    expect(repl.className).toContain('marked')
    // No native tooltip (it stayed over the shift dialog's buttons): a hover card that takes no clicks.
    expect(repl).not.toHaveAttribute('title')
    // Built for the bar under the pointer only (one card, not one a bar).
    expect(document.querySelectorAll('.tip')).toHaveLength(0)
    await fireEvent.pointerOver(repl)
    expect(document.querySelectorAll('.tip')).toHaveLength(1)
    const tip = repl.nextElementSibling as HTMLElement
    expect(tip).toHaveClass('tip')
    expect(tip).toHaveAttribute('aria-hidden', 'true')
    expect(tip.textContent).toContain('covering for Bo (vacation)')
    // Moving onto the bar's own text keeps it; leaving the timeline removes it.
    await fireEvent.pointerOut(repl, { relatedTarget: repl.querySelector('.bar-text') })
    expect(repl.nextElementSibling).toHaveClass('tip')
    await fireEvent.pointerOut(repl, { relatedTarget: document.body })
    expect(document.querySelectorAll('.tip')).toHaveLength(0)
    // The keyboard: the focused bar's card.
    await fireEvent.focusIn(repl)
    expect(repl.nextElementSibling).toHaveClass('tip')
    const gap = screen.getByRole('button', { name: /^Nobody on call/ })
    expect(gap.className).toContain('gap')
    expect(within(gap).getByText('Gap')).toBeInTheDocument()
    // A scheduled turn is not marked.
    expect(screen.getByRole('button', { name: /^Ana,/ }).className).not.toContain('marked')
  })
})

describe('shiftNote', () => {
  it('says why the replaced person is away, not the last bracket of why the cover was chosen', () => {
    const names: Record<string, string> = { p1: 'Bo Berg' }
    const s = {
      reason: 'replacement',
      replacedPersonId: 'p1',
      notes: 'covers for Bo Berg (vacation): least on-call in the last 5 weeks of those available (31 h, weighted); Cy Okafor passed over (turn comes next)',
    } as Shift
    expect(shiftNote(s, (id) => names[id] ?? '?')).toBe('covering for Bo Berg (vacation)')
    expect(shiftNote({ ...s, notes: 'covers for Bo Berg (holiday: Christmas Day)' }, (id) => names[id] ?? '?')).toBe(
      'covering for Bo Berg (holiday: Christmas Day)',
    )
  })
})

describe('TimeOffDialog', () => {
  it('shows the warnings the save returns', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveTimeOff).mockResolvedValue({
      item: { id: 't1', personId: 'p2', kind: 'vacation', startDate: '2026-11-30', endDate: '2026-12-07', start: '', end: '', note: '', source: 'manual' },
      warnings: ['Cy now takes 30 Nov–7 Dec'],
    })
    const onclose = vi.fn()
    render(TimeOffDialog, { props: { onclose } })
    await user.selectOptions(screen.getByLabelText('Person'), 'p2')
    await user.type(screen.getByLabelText('First day'), '2026-11-30')
    await user.type(screen.getByLabelText('Last day'), '2026-12-07')
    await user.click(screen.getByRole('button', { name: 'Add time off' }))
    const status = await screen.findByRole('status')
    expect(status).toHaveTextContent('Cy now takes 30 Nov–7 Dec')
    expect(toasts.items.some((t) => t.message === 'Cy now takes 30 Nov–7 Dec')).toBe(true)
    expect(onclose).not.toHaveBeenCalled()
    expect(vi.mocked(api.saveTimeOff).mock.calls[0][0]).toMatchObject({ personId: 'p2', kind: 'vacation', startDate: '2026-11-30', endDate: '2026-12-07' })
  })
})

describe('FairnessPanel', () => {
  it('flags people on call more often than one week in four', async () => {
    const row = {
      heavier: false,
      longestStretch: 0,
      longStretch: false,
      shifts: 4,
      overrides: 0,
      hours: 672,
      weekendHours: 192,
      holidayHours: 0,
      nightHours: 252,
      weeks: 13,
      owes: 0,
      owed: 0,
      paidBack: 0,
      firstHours: 0,
      pages: 0,
      sleepPages: 0,
      pagesPerOnCallDay: 0,
    }
    vi.mocked(api.loadFairness).mockResolvedValue({
      from: '',
      to: '',
      warnings: [],
      pagingImported: false,
      rows: [
        { ...row, personId: 'p1', name: 'Ana', weeksOnCall: 5, frequency: 5 / 13, tooFrequent: true },
        { ...row, personId: 'p2', name: 'Bo', hours: 336, weeksOnCall: 3, frequency: 3 / 13, tooFrequent: false },
      ],
    })
    render(FairnessPanel)
    const table = await screen.findByRole('table')
    const ana = within(table).getByText('Ana').closest('tr')!
    const bo = within(table).getByText('Bo').closest('tr')!
    expect(within(ana).getByText('More than 1 in 4')).toBeInTheDocument()
    expect(within(bo).queryByText('More than 1 in 4')).toBeNull()
    expect(within(ana).getByText(/1 in 3/)).toBeInTheDocument()
    expect(screen.getByText(/No paging history imported/)).toBeInTheDocument()
    expect(within(table).queryByText('Per day')).toBeNull()
  })

  it('shows the imported pages beside the hours', async () => {
    const row = {
      heavier: false, longestStretch: 0, longStretch: false, shifts: 4, overrides: 0, hours: 168, weekendHours: 48,
      holidayHours: 0, nightHours: 63, weeks: 4, weeksOnCall: 1, frequency: 0.25, tooFrequent: false, owes: 0, owed: 0, paidBack: 0,
    }
    vi.mocked(api.loadFairness).mockResolvedValue({
      from: '',
      to: '',
      warnings: ['Ana: 4 pages in sleep hours (22:00–08:00 Europe/Berlin), in 1 week.'],
      pagingImported: true,
      rows: [
        { ...row, personId: 'p1', name: 'Ana', firstHours: 168, pages: 20, sleepPages: 4, pagesPerOnCallDay: 2.857 },
        { ...row, personId: 'p2', name: 'Bo', firstHours: 0, pages: 0, sleepPages: 0, pagesPerOnCallDay: 0 },
      ],
    })
    render(FairnessPanel)
    const table = await screen.findByRole('table')
    expect(within(table).getByText('Per day')).toBeInTheDocument()
    const ana = within(table).getByText('Ana').closest('tr')!
    expect(within(ana).getByText('20')).toBeInTheDocument()
    expect(within(ana).getByTitle('4 in sleep hours (22:00–08:00 their time)')).toBeInTheDocument()
    expect(within(ana).getByText('2.9')).toBeInTheDocument()
    expect(screen.getByText(/4 pages in sleep hours/)).toBeInTheDocument()
    expect(screen.queryByText(/No paging history imported/)).toBeNull()
  })
})

describe('colourOf', () => {
  const hue = (c: string) => Number(/hsl\((\d+)/.exec(c)?.[1])
  it('gives the people of a rotation distinct colours, neighbours far apart in hue', () => {
    const participants = Array.from({ length: 12 }, (_, i) => `01a2-${i}`)
    const colours = participants.map((p) => colourOf(p, { participants, colors: {} }))
    expect(new Set(colours).size).toBe(12)
    for (let i = 1; i < colours.length; i++) {
      const d = Math.abs(hue(colours[i]) - hue(colours[i - 1]))
      expect(Math.min(d, 360 - d)).toBeGreaterThanOrEqual(30)
    }
  })
  it('an override by someone outside the rotation takes a colour no participant has', () => {
    const participants = ['a', 'b', 'c']
    const mine = participants.map((p) => colourOf(p, { participants, colors: {} }))
    for (const outsider of ['x', 'y', 'zz', 'someone-else']) expect(mine).not.toContain(colourOf(outsider, { participants, colors: {} }))
  })
  it('a colour chosen for a person wins', () => {
    expect(colourOf('a', { participants: ['a'], colors: { a: '#123456' } })).toBe('#123456')
  })
})
