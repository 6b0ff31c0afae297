import { describe, expect, it } from 'vitest'
import { reminder } from '../../../test/fixtures'
import { groupReminders, kindLabel } from './groups'

describe('groupReminders', () => {
  it('groups by kind in the centre’s order, unknown kinds last by name, each keeping the list’s order', () => {
    const rs = [
      reminder({ key: 'a', kind: 'zeta.thing_due' }),
      reminder({ key: 'b', kind: 'oneonone.overdue' }),
      reminder({ key: 'c', kind: 'followup.overdue' }),
      reminder({ key: 'd', kind: 'alpha.other' }),
      reminder({ key: 'e', kind: 'oneonone.overdue' }),
    ]
    const gs = groupReminders(rs)
    expect(gs.map((g) => [g.label, g.items.map((r) => r.key)])).toEqual([
      ['Overdue follow-ups', ['c']],
      ['1:1s overdue', ['b', 'e']],
      ['Alpha: other', ['d']],
      ['Zeta: thing due', ['a']],
    ])
    expect(groupReminders([])).toEqual([])
  })

  it('names kinds it does not know from the kind itself', () => {
    expect(kindLabel('feedback.stale')).toBe('Stale feedback drafts')
    expect(kindLabel('oncall.coverage_gap')).toBe('On-call coverage gaps')
    expect(kindLabel('team')).toBe('Team')
    expect(kindLabel('')).toBe('Other')
  })
})
