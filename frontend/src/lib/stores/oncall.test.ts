import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', () => ({
  loadRotations: vi.fn(async () => []),
  loadShifts: vi.fn(async () => []),
  loadCoverage: vi.fn(async () => []),
  loadAdjustments: vi.fn(async () => ({ overrides: [], swaps: [], older: {} })),
}))

import * as api from '$lib/api'
import { oncall } from './oncall.svelte'

const day = (s: string) => {
  const [y, m, d] = s.split('-').map(Number)
  return new Date(y, m - 1, d, 12)
}
const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

describe('on-call view window', () => {
  let today = day('2026-12-04')
  beforeEach(() => {
    today = day('2026-12-04') // a Friday; its week starts Monday 30 November
    oncall.today = () => today
    oncall.reset()
  })

  it('the month of the current week is the month of today, not of the week start', () => {
    expect(ymd(oncall.from)).toBe('2026-11-30')
    oncall.setSpan('month')
    expect(ymd(oncall.from)).toBe('2026-12-01')
  })

  it('a week paged away from keeps its own month', () => {
    oncall.move(-1)
    oncall.move(-1) // the week of 16 November
    oncall.setSpan('month')
    expect(ymd(oncall.from)).toBe('2026-11-01')
  })

  it('follows the date while it shows today; not after the user pages away', async () => {
    today = day('2026-12-08') // the app stayed open into next week
    await oncall.load()
    expect(ymd(oncall.from)).toBe('2026-12-07')
    oncall.move(1)
    today = day('2026-12-20')
    await oncall.load()
    expect(ymd(oncall.from)).toBe('2026-12-14')
    oncall.move(0)
    expect(ymd(oncall.from)).toBe('2026-12-14')
  })

  it('jumps to a new rotation’s first turn when it is off screen', () => {
    oncall.showDate('2026-12-03')
    expect(ymd(oncall.from)).toBe('2026-11-30')
    oncall.showDate('2027-01-12')
    expect(ymd(oncall.from)).toBe('2027-01-11')
    expect(oncall.followsToday).toBe(false)
    oncall.showDate('nonsense')
    expect(ymd(oncall.from)).toBe('2027-01-11')
  })

  it('reset forgets the other workspace', async () => {
    await oncall.load()
    oncall.rotations = [{ id: 'x' } as never]
    oncall.move(1)
    oncall.reset()
    expect(oncall.rotations).toEqual([])
    expect(oncall.loaded).toBe(false)
    expect(ymd(oncall.from)).toBe('2026-11-30')
  })

  it('asks for the gaps and the adjustments beside the schedule, not after its answer', async () => {
    let answer: (v: never[]) => void = () => {}
    vi.mocked(api.loadRotations).mockImplementationOnce(() => new Promise((res) => (answer = res)))
    vi.mocked(api.loadCoverage).mockClear()
    vi.mocked(api.loadAdjustments).mockClear()
    const done = oncall.load()
    expect(api.loadCoverage).toHaveBeenCalledTimes(1)
    expect(api.loadAdjustments).toHaveBeenCalledTimes(1)
    expect(oncall.loaded).toBe(false)
    answer([])
    await done
    expect(oncall.loaded).toBe(true)
    expect(api.loadCoverage).toHaveBeenCalledTimes(1)
  })
})
