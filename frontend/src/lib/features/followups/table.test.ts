import { describe, expect, it } from 'vitest'
import { brief } from '../../../test/fixtures'
import { endOfWeek, matchesDue, matchesSource, sortFollowUps } from './table'

const TODAY = '2025-01-08' // a Wednesday

describe('follow-up filters', () => {
  it('ends the week on Sunday (a Sunday ends its own)', () => {
    expect(endOfWeek('2025-01-06')).toBe('2025-01-12')
    expect(endOfWeek('2025-01-08')).toBe('2025-01-12')
    expect(endOfWeek('2025-01-12')).toBe('2025-01-12')
    expect(endOfWeek('2024-12-30')).toBe('2025-01-05')
  })

  it('due: overdue is open and past due; this week is today to Sunday; later after; none without a date', () => {
    const at = (dueDate: string, status: 'open' | 'done' = 'open') => brief({ id: dueDate + status, title: 'x', dueDate, status })
    const cases: [ReturnType<typeof at>, string[]][] = [
      [at('2025-01-07'), ['overdue']],
      [at('2025-01-07', 'done'), []],
      [at('2025-01-08'), ['week']],
      [at('2025-01-12'), ['week']],
      [at('2025-01-13'), ['later']],
      [at(''), ['none']],
    ]
    for (const [it, want] of cases) {
      const got = (['overdue', 'week', 'later', 'none'] as const).filter((d) => matchesDue(it, d, TODAY))
      expect(got, `${it.dueDate} ${it.status}`).toEqual(want)
      expect(matchesDue(it, '', TODAY)).toBe(true)
    }
  })

  it('source: stand-alone, a kind, one record', () => {
    const inc = brief({ id: 'a', title: 'a', source: { kind: 'incident_review', id: 'i1', label: 'Checkout down' } })
    const alone = brief({ id: 'b', title: 'b' })
    expect([inc, alone].filter((i) => matchesSource(i, 'standalone')).map((i) => i.id)).toEqual(['b'])
    expect([inc, alone].filter((i) => matchesSource(i, 'kind:incident_review')).map((i) => i.id)).toEqual(['a'])
    expect([inc, alone].filter((i) => matchesSource(i, 'id:i1')).map((i) => i.id)).toEqual(['a'])
    expect([inc, alone].filter((i) => matchesSource(i, 'id:i2'))).toEqual([])
    expect([inc, alone].filter((i) => matchesSource(i, ''))).toHaveLength(2)
  })
})

describe('sortFollowUps', () => {
  const names: Record<string, string> = { p1: 'Dana', p2: 'eli', p3: 'Bo' }
  const items = [
    brief({ id: '1', title: 'one', ownerId: 'p1', dueDate: '2025-01-09', priority: 'low', status: 'in_progress' }),
    brief({ id: '2', title: 'two', ownerId: '', ownerRemoved: true, dueDate: '', priority: 'urgent', status: 'open' }),
    brief({ id: '3', title: 'three', ownerId: 'p2', dueDate: '2025-01-02', priority: 'high', status: 'done',
      source: { kind: 'incident_review', id: 'i', label: 'Zebra outage' } }),
    brief({ id: '4', title: 'four', ownerId: 'p3', dueDate: '2025-01-05', priority: 'medium', status: 'open',
      source: { kind: 'incident_review', id: 'j', label: 'api errors' } }),
  ]
  const ids = (k: Parameters<typeof sortFollowUps>[1], d: 'asc' | 'desc') => sortFollowUps(items, k, d, (i) => names[i.ownerId]).map((i) => i.id)

  it('sorts each column both ways, case-insensitively, blanks last either way', () => {
    expect(ids('owner', 'asc')).toEqual(['4', '1', '3', '2'])
    expect(ids('owner', 'desc')).toEqual(['3', '1', '4', '2'])
    expect(ids('due', 'asc')).toEqual(['3', '4', '1', '2'])
    expect(ids('due', 'desc')).toEqual(['1', '4', '3', '2'])
    expect(ids('source', 'asc')).toEqual(['4', '3', '1', '2']) // stand-alone last, then by due date
    expect(ids('priority', 'desc')).toEqual(['2', '3', '4', '1'])
    expect(ids('status', 'asc')).toEqual(['4', '2', '1', '3']) // open (by due date), in progress, done
    expect(ids('title', 'asc')).toEqual(['4', '1', '3', '2'])
  })

  it('leaves the input alone', () => {
    const before = items.map((i) => i.id)
    sortFollowUps(items, 'owner', 'desc', (i) => names[i.ownerId])
    expect(items.map((i) => i.id)).toEqual(before)
  })
})
