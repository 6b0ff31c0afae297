import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IdleTimer } from './idle'

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('fires once after the idle minutes, not before', () => {
    const idle = vi.fn()
    const t = new IdleTimer(idle)
    t.set(15)
    vi.advanceTimersByTime(15 * 60_000 - 1)
    expect(idle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(idle).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60 * 60_000)
    expect(idle).toHaveBeenCalledTimes(1)
  })

  it('mouse and keyboard activity start the count again', () => {
    const idle = vi.fn()
    const t = new IdleTimer(idle)
    const stop = t.listen(window)
    t.set(2)
    vi.advanceTimersByTime(90_000)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    vi.advanceTimersByTime(90_000)
    window.dispatchEvent(new MouseEvent('pointermove'))
    vi.advanceTimersByTime(119_000)
    expect(idle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_000)
    expect(idle).toHaveBeenCalledTimes(1)
    stop()
  })

  it('0 minutes never fires; stop stops', () => {
    const idle = vi.fn()
    const t = new IdleTimer(idle)
    t.set(0)
    vi.advanceTimersByTime(24 * 60 * 60_000)
    t.set(1)
    t.stop()
    vi.advanceTimersByTime(5 * 60_000)
    expect(idle).not.toHaveBeenCalled()
  })

  it('after stopping to listen, activity no longer counts', () => {
    const idle = vi.fn()
    const t = new IdleTimer(idle)
    const stop = t.listen(window)
    stop()
    t.set(1)
    vi.advanceTimersByTime(50_000)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    vi.advanceTimersByTime(10_000)
    expect(idle).toHaveBeenCalledTimes(1)
  })
})
