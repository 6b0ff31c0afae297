import { describe, expect, it } from 'vitest'
import { evidenceCandidatesOf, planViewOf } from '$lib/api'

describe('growth api', () => {
  it('decodes a plan view with missing lists and zero values omitted by Go', () => {
    const v = planViewOf({
      personId: 'p1',
      exists: true,
      plan: { personId: 'p1', goals: [{ id: 'g1', title: 'Grow', milestones: [{ id: 'm1', title: 'Step' }] }] },
      today: '2026-11-23',
    })
    expect(v.aspiration).toBe('undecided')
    expect(v.attention).toEqual([])
    expect(v.plan.growthAreas).toEqual([])
    expect(v.plan.goals[0]).toEqual({
      id: 'g1',
      title: 'Grow',
      description: '',
      targetDate: '',
      status: 'not_started',
      milestones: [{ id: 'm1', title: 'Step', dueDate: '', done: false, doneOn: '' }],
    })
    expect(v.plan.revision).toBe(0)
  })

  it('decodes evidence candidates: role omitted by Go, unknown kinds dropped', () => {
    const c = evidenceCandidatesOf({
      items: [
        { kind: 'incident', refId: 'i1', label: 'SEV2 Payments DB failover — commander', date: '2026-11-12', role: 'commander' },
        { kind: 'followup', refId: 'a1', label: 'Write the runbook', date: '2026-11-16' },
        { kind: 'note', refId: '', label: 'Not a record', date: '2026-11-16' },
      ],
      more: ['incident', 'nonsense'],
      limit: 50,
    })
    expect(c.items).toEqual([
      { kind: 'incident', refId: 'i1', label: 'SEV2 Payments DB failover — commander', date: '2026-11-12', role: 'commander' },
      { kind: 'followup', refId: 'a1', label: 'Write the runbook', date: '2026-11-16', role: '' },
    ])
    expect(c.more).toEqual(['incident'])
    expect(evidenceCandidatesOf({})).toEqual({ items: [], more: [], limit: 0 })
  })
})
