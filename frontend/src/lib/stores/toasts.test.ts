import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { toasts } from './toasts.svelte'

beforeEach(() => {
  vi.useFakeTimers()
  toasts.reset()
})
afterEach(() => vi.useRealTimers())

describe('toasts', () => {
  it('dismisses plain notices after 4 s and ones with an action after 8 s', () => {
    toasts.show('Saved.')
    toasts.show('Archived Dana.', { action: { label: 'Undo', run: () => {} } })
    expect(toasts.items.map((t) => t.message)).toEqual(['Saved.', 'Archived Dana.'])
    vi.advanceTimersByTime(4001)
    expect(toasts.items.map((t) => t.message)).toEqual(['Archived Dana.'])
    vi.advanceTimersByTime(4000)
    expect(toasts.items).toEqual([])
  })

  it('keeps at most four at once', () => {
    for (let i = 1; i <= 6; i++) toasts.show(`n${i}`)
    expect(toasts.items.map((t) => t.message)).toEqual(['n3', 'n4', 'n5', 'n6'])
  })
})
