import { describe, expect, it } from 'vitest'
import { person } from '../../../test/fixtures'
import { filterPeople, formatOffset, NONE, sortPeople, zoneCity, zoneOffset } from './filter'

describe('zoneOffset', () => {
  it('is the offset at that instant, half hours and DST included', () => {
    const jan = new Date('2025-01-15T12:00:00Z')
    const jul = new Date('2025-07-15T12:00:00Z')
    expect(zoneOffset('Asia/Kolkata', jan)).toBe(330)
    expect(zoneOffset('Australia/Lord_Howe', jan)).toBe(660)
    expect(zoneOffset('Australia/Lord_Howe', jul)).toBe(630)
    expect(zoneOffset('America/New_York', jan)).toBe(-300)
    expect(zoneOffset('America/New_York', jul)).toBe(-240)
    expect(zoneOffset('UTC', jan)).toBe(0)
    expect(zoneOffset('Mars/Olympus', jan)).toBeNull()
    expect(zoneOffset('', jan)).toBeNull()
  })

  it('reads as UTC±hh:mm and a city', () => {
    expect(formatOffset(330)).toBe('UTC+05:30')
    expect(formatOffset(-240)).toBe('UTC−04:00')
    expect(formatOffset(0)).toBe('UTC+00:00')
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires')
  })
})

describe('filterPeople and sortPeople', () => {
  const a = person({ id: 'a', name: 'Ana', level: 'L5', teamIds: ['t1'], timezone: 'Mars/Olympus' })
  const b = person({ id: 'b', name: 'Bo', level: 'Principal', teamIds: [], timezone: 'UTC' })
  const c = person({ id: 'c', name: 'Cy', level: '', teamIds: ['t1'], timezone: 'UTC' })

  it('combines team, level and zone; NONE picks those without', () => {
    const ids = (f: Parameters<typeof filterPeople>[3]) => filterPeople([a, b, c], '', false, f).map((p) => p.id)
    expect(ids({ teamId: 't1' })).toEqual(['a', 'c'])
    expect(ids({ teamId: NONE })).toEqual(['b'])
    expect(ids({ level: NONE })).toEqual(['c'])
    expect(ids({ teamId: 't1', zone: 'UTC' })).toEqual(['c'])
    expect(ids({ teamId: '', level: '', zone: '' })).toEqual(['a', 'b', 'c'])
  })

  it('puts levels off the ladder after it and unknown zones last', () => {
    const ctx = { ladder: ['L4', 'L5'], teamNames: () => [], now: new Date('2025-01-15T12:00:00Z') }
    expect(sortPeople([b, c, a], 'level', 'asc', ctx).map((p) => p.id)).toEqual(['a', 'b', 'c'])
    expect(sortPeople([b, c, a], 'level', 'desc', ctx).map((p) => p.id)).toEqual(['b', 'a', 'c'])
    expect(sortPeople([a, c, b], 'zone', 'desc', ctx).map((p) => p.id)).toEqual(['b', 'c', 'a'])
  })
})
