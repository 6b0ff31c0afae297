import { afterEach, describe, expect, it, vi } from 'vitest'
import { dateFormat } from '$lib/stores/datefmt.svelte'
import {
  addDays,
  civilToday,
  daysBetween,
  dueRelative,
  formatAgo,
  formatClock,
  formatDateTime,
  formatDay,
  formatDayTime,
  formatHours,
  formatMonth,
  formatShort,
  fromLocalInput,
  humanDuration,
  toLocalInput,
} from './time'

const MIN = 60_000_000_000 // a minute in nanoseconds, as Go's time.Duration
const HOUR = 60 * MIN

describe('humanDuration (metrics send nanoseconds)', () => {
  it.each([
    [0, '0 min'],
    [30_000_000_000, '< 1 min'],
    [MIN, '1 min'],
    [12 * MIN, '12 min'],
    [12 * MIN + 29_000_000_000, '12 min'],
    [59 * MIN + 31_000_000_000, '1 h'],
    [HOUR, '1 h'],
    [3 * HOUR + 20 * MIN, '3 h 20 min'],
    [24 * HOUR, '1 d'],
    [2 * 24 * HOUR + 4 * HOUR + 10 * MIN, '2 d 4 h'],
  ])('%d ns is "%s"', (ns, want) => {
    expect(humanDuration(ns)).toBe(want)
  })

  it('refuses nonsense', () => {
    expect(humanDuration(-1)).toBe('—')
    expect(humanDuration(Number.NaN)).toBe('—')
  })
})

describe('due dates', () => {
  it('counts civil days across month and year ends', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(daysBetween('2025-03-29', '2025-04-02')).toBe(4)
  })

  it('says how a due date relates to today', () => {
    expect(dueRelative('2025-01-03', '2025-01-06')).toBe('3 days overdue')
    expect(dueRelative('2025-01-05', '2025-01-06')).toBe('1 day overdue')
    expect(dueRelative('2025-01-06', '2025-01-06')).toBe('due today')
    expect(dueRelative('2025-01-07', '2025-01-06')).toBe('due tomorrow')
    expect(dueRelative('2025-01-10', '2025-01-06')).toBe('in 4 days')
    expect(dueRelative('', '2025-01-06')).toBe('')
  })

  it("today is the local civil date, late in the evening too (not UTC's)", () => {
    vi.useFakeTimers()
    try {
      vi.setSystemTime(new Date(2026, 11, 31, 23, 59))
      expect(civilToday()).toBe('2026-12-31')
      vi.setSystemTime(new Date(2027, 0, 1, 0, 1))
      expect(civilToday()).toBe('2027-01-01')
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('datetime-local inputs', () => {
  it('round-trips an instant through local time, to the minute, in RFC 3339 UTC', () => {
    const iso = '2025-03-30T00:59:00Z'
    const local = toLocalInput(iso)
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    expect(fromLocalInput(local)).toBe(iso)
  })

  it('never gives "" for an empty or broken value (Go cannot read it as a time)', () => {
    expect(fromLocalInput('')).toBeUndefined()
    expect(fromLocalInput('tomorrow')).toBeUndefined()
    expect(toLocalInput(undefined)).toBe('')
  })

  it('shortens dates of this year in tables', () => {
    const now = new Date(2025, 5, 1)
    expect(formatShort(new Date(2025, 0, 6, 14, 5).toISOString(), now)).toBe('6 Jan, 14:05')
    expect(formatShort(new Date(2024, 11, 31, 9, 0).toISOString(), now)).toBe('31 Dec 2024, 09:00')
  })
})

describe('one way of showing dates and times', () => {
  afterEach(() => {
    dateFormat.locale = 'en-GB'
    dateFormat.pref = 'iso'
  })
  // 4 Dec 2026 19:25 and 00:05 local time.
  const evening = new Date(2026, 11, 4, 19, 25).toISOString()
  const night = new Date(2026, 11, 5, 0, 5).toISOString()

  it('24-hour clock with ISO or a 24-hour locale', () => {
    dateFormat.pref = 'system'
    dateFormat.locale = 'en-GB'
    expect(formatDayTime(evening)).toBe('Fri 4 Dec, 19:25')
    expect(formatDateTime(night)).toBe('5 Dec 2026, 00:05')
    expect(formatClock(night)).toBe('00:05')
  })

  it('12-hour clock where this computer writes 12 hours; ISO keeps 24', () => {
    dateFormat.pref = 'system'
    dateFormat.locale = 'en-US'
    expect(formatDayTime(evening)).toBe('Fri 4 Dec, 7:25 PM')
    expect(formatClock(night)).toBe('12:05 AM')
    dateFormat.pref = 'iso'
    expect(formatClock(evening)).toBe('19:25')
  })

  it('days, months and hours', () => {
    expect(formatDay(new Date(2026, 11, 4))).toBe('Fri 4 Dec')
    expect(formatDay(new Date(2026, 11, 4), true)).toBe('Fri 4 Dec 2026')
    expect(formatMonth(new Date(2026, 11, 1))).toBe('December 2026')
    expect(formatMonth('2027-01')).toBe('January 2027')
    expect(formatHours(1234.56)).toBe('1,234.6')
    expect(formatHours(168)).toBe('168')
    expect(formatDay('garbage')).toBe('')
  })

  // Nothing else formats dates: a toLocaleDateString or an Intl.DateTimeFormat
  // somewhere else is how "Sun, Dec 13, 05:00 PM" and "12/04/2026" came about.
  it('no source formats dates or times by itself', () => {
    const files = import.meta.glob('/src/**/*.{ts,svelte}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>
    const allowed = [
      '/src/lib/util/time.ts', // this module
      '/src/lib/util/datefmt.ts', // the date inputs' patterns
      '/src/lib/features/people/filter.ts', // reads zone offsets to sort, shows nothing
      '/src/lib/features/oncall/RotationEditor.svelte', // reads this computer's zone name
    ]
    const offenders = Object.entries(files)
      .filter(([p]) => !p.endsWith('.test.ts') && !allowed.includes(p))
      .filter(([, src]) => /toLocale(Date|Time)?String\(|new Intl\.DateTimeFormat\(|Intl\.DateTimeFormat\(\)\.resolvedOptions\(\)\.timeZone/.test(src))
      .map(([p]) => p)
    expect(offenders).toEqual([])
  })

  it('formatAgo says how long ago, then falls back to the date', () => {
    const now = new Date(2026, 11, 4, 15, 0)
    const iso = (d: Date) => d.toISOString()
    expect(formatAgo(iso(new Date(2026, 11, 4, 14, 59, 40)), now)).toBe('just now')
    expect(formatAgo(iso(new Date(2026, 11, 4, 14, 55)), now)).toBe('5 min ago')
    expect(formatAgo(iso(new Date(2026, 11, 4, 12, 10)), now)).toBe('2 h ago')
    expect(formatAgo(iso(new Date(2026, 10, 1, 9, 5)), now)).toBe(formatDateTime(iso(new Date(2026, 10, 1, 9, 5))))
    expect(formatAgo('', now)).toBe('')
  })
})
