import { describe, expect, it } from 'vitest'
import type { IncidentStatus } from '$lib/api'
import { allowedMoves, parseTags } from './incidents'

const moves = (s: IncidentStatus, settled = false) => allowedMoves(s, settled).map((m) => `${m.to}:${m.label}`)

describe('allowedMoves mirrors the backend workflow', () => {
  it('moves forward while open, up to resolved', () => {
    expect(moves('investigating')).toEqual(['identified:Mark identified', 'monitoring:Mark monitoring', 'resolved:Resolve'])
    expect(moves('identified')).toEqual(['monitoring:Mark monitoring', 'resolved:Resolve'])
    expect(moves('monitoring')).toEqual(['resolved:Resolve'])
  })

  it('offers closing only with a completed or skipped review, and reopening until closed', () => {
    expect(moves('resolved')).toEqual(['in_review:Start review', 'investigating:Reopen'])
    expect(moves('resolved', true)).toEqual(['closed:Close incident', 'investigating:Reopen'])
    expect(moves('in_review')).toEqual(['investigating:Reopen'])
    expect(moves('in_review', true)).toEqual(['closed:Close incident', 'investigating:Reopen'])
    expect(moves('closed', true)).toEqual([])
  })

  it('marks the first move as the primary one', () => {
    expect(allowedMoves('identified', false).map((m) => m.primary)).toEqual([true, false])
  })
})

describe('parseTags', () => {
  it('splits on commas and drops empties', () => {
    expect(parseTags(' database, deploy ,, rate limit ')).toEqual(['database', 'deploy', 'rate limit'])
  })
})
