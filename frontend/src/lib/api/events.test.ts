import { afterEach, describe, expect, it, vi } from 'vitest'
import { on } from './events'

type Win = Window & { runtime?: unknown }

afterEach(() => {
  delete (window as Win).runtime
})

describe('events.on', () => {
  it('is a safe no-op without the Wails runtime', () => {
    const cb = vi.fn()
    const off = on('workspace:changed', cb)
    expect(typeof off).toBe('function')
    expect(() => off()).not.toThrow()
    expect(cb).not.toHaveBeenCalled()
  })

  it('subscribes through the runtime, passes the payload and returns the unsubscribe function', () => {
    const handlers: ((...d: unknown[]) => void)[] = []
    const unsubscribe = vi.fn()
    ;(window as Win).runtime = {
      EventsOnMultiple: vi.fn((name: string, cb: (...d: unknown[]) => void, max: number) => {
        expect(name).toBe('workspace:changed')
        expect(max).toBe(-1)
        handlers.push(cb)
        return unsubscribe
      }),
    }
    const cb = vi.fn()
    const off = on('workspace:changed', cb)
    handlers[0]({ demo: true })
    expect(cb).toHaveBeenCalledWith({ demo: true })
    off()
    expect(unsubscribe).toHaveBeenCalledTimes(1)
  })
})
