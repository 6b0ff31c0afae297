import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadTimeZones: vi.fn(),
    loadRotations: vi.fn(),
    loadShifts: vi.fn(),
    loadCoverage: vi.fn(),
    loadScheduleWarnings: vi.fn(),
    loadAdjustments: vi.fn(),
    loadDirectory: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { Rotation, ScheduleWarning, Shift } from '$lib/api'
import { oncall } from '$lib/stores/oncall.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { timezones } from '$lib/stores/timezones.svelte'
import { directory, person, rotation } from '../../../test/fixtures'
import OnCallView from './OnCallView.svelte'

const ROTATION: Rotation = rotation({ shiftLength: { n: 1, unit: 'days' }, payback: true })

const TODAY = new Date(2026, 10, 25, 12) // Wednesday 25 November 2026, local

function turn(slot: number, day: number, who: string): Shift {
  const start = new Date(2026, 10, day, 10)
  return {
    rotationId: 'r1',
    slot,
    piece: 0,
    start: start.toISOString(),
    end: new Date(2026, 10, day + 1, 10).toISOString(),
    personId: who,
    reason: slot === 23 ? 'replacement' : 'scheduled',
    replacedPersonId: slot === 23 ? 'p2' : '',
    gap: false,
    unavailable: false,
    notes: '',
  }
}

const B2B: ScheduleWarning = {
  kind: 'back_to_back',
  rotationId: 'r1',
  personId: 'p1',
  slot: 23,
  start: new Date(2026, 10, 24, 10).toISOString(),
  end: new Date(2026, 10, 26, 10).toISOString(),
  message: 'Ana holds turns 23 and 24 of Payments primary back to back.',
}
const FREQUENT: ScheduleWarning = {
  kind: 'too_frequent',
  rotationId: '',
  personId: 'p1',
  slot: -1,
  start: new Date(2026, 10, 26).toISOString(),
  end: new Date(2026, 11, 3).toISOString(),
  message: 'Ana is on call up to 16 of 28 days (more than one week in four), Thu 26 Nov to Wed 2 Dec.',
}

beforeEach(() => {
  roster.reset()
  timezones.reset()
  oncall.reset()
  oncall.today = () => TODAY
  roster.people = [person({ id: 'p1', name: 'Ana' }), person({ id: 'p2', name: 'Ben' })]
  roster.loaded = true
  vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people: roster.people }))
  vi.mocked(api.loadTimeZones).mockResolvedValue([])
  vi.mocked(api.loadRotations).mockResolvedValue([ROTATION])
  vi.mocked(api.loadShifts).mockResolvedValue([turn(21, 23, 'p2'), turn(22, 24, 'p1'), turn(23, 25, 'p1'), turn(24, 26, 'p2')])
  vi.mocked(api.loadAdjustments).mockResolvedValue({ overrides: [], swaps: [], older: {} })
  vi.mocked(api.loadCoverage).mockResolvedValue([])
  vi.mocked(api.loadScheduleWarnings).mockResolvedValue([B2B, FREQUENT])
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.clearAllMocks()
  oncall.today = () => new Date()
})

describe('On-call schedule warnings', () => {
  it('lists the warnings with the coverage gaps and tags both back-to-back turns on the timeline', async () => {
    render(OnCallView, { tab: '' })
    const list = await screen.findByRole('list', { name: 'Schedule warnings' })
    expect(within(list).getByText(B2B.message)).toBeInTheDocument()
    expect(within(list).getByText(FREQUENT.message)).toBeInTheDocument()
    expect(within(list).getByText('Back to back')).toBeInTheDocument()
    expect(within(list).getByText('Over 1 week in 4')).toBeInTheDocument()
    expect(screen.getByText('2 warnings')).toBeInTheDocument()
    // Both turns of the pair, and not the others.
    const tagged = screen.getAllByRole('button', { name: /back-to-back turns/ })
    expect(tagged).toHaveLength(2)
    expect(tagged.every((b) => within(b).queryByText('2×') !== null)).toBe(true)
    // Warnings ask the backend for the visible window and for the next 90 days.
    expect(api.loadScheduleWarnings).toHaveBeenCalledTimes(2)
  })

  it('shows ten warnings at first and ten more a click (the large demo has about seventy)', async () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ ...FREQUENT, message: `Warning number ${i + 1}.` }))
    vi.mocked(api.loadScheduleWarnings).mockResolvedValue(many)
    render(OnCallView, { tab: '' })
    const list = await screen.findByRole('list', { name: 'Schedule warnings' })
    expect(screen.getByText('23 warnings')).toBeInTheDocument()
    expect(within(list).getAllByRole('listitem')).toHaveLength(10)
    await fireEvent.click(screen.getByRole('button', { name: 'Show 10 more of 13' }))
    expect(within(list).getAllByRole('listitem')).toHaveLength(20)
    await fireEvent.click(screen.getByRole('button', { name: 'Show 3 more of 3' }))
    expect(within(list).getAllByRole('listitem')).toHaveLength(23)
    expect(within(list).getByText('Warning number 23.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Show \d+ more of/ })).toBeNull()
  })

  it('keeps the schedule when the warnings cannot be had', async () => {
    vi.mocked(api.loadScheduleWarnings).mockRejectedValue(new Error('boom'))
    render(OnCallView, { tab: '' })
    expect(await screen.findAllByRole('button', { name: /^Ana,/ })).not.toHaveLength(0)
    expect(screen.queryByRole('list', { name: 'Schedule warnings' })).toBeNull()
  })
})
