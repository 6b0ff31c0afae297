import { describe, expect, it } from 'vitest'
import { Resource } from './resource.svelte'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

describe('Resource', () => {
  it('a newer load wins over an older, slower answer', async () => {
    const calls = [deferred<string>(), deferred<string>()]
    let i = 0
    const r = new Resource(() => calls[i++].promise)
    const first = r.load()
    const second = r.load()
    calls[1].resolve('new')
    await second
    calls[0].resolve('old')
    await first
    expect(r.data).toBe('new')
    expect(r.loading).toBe(false)
  })

  it('keeps the data after a failed reload, with the error beside it', async () => {
    let fail = false
    const r = new Resource(async () => {
      if (fail) throw { code: 'unavailable', message: 'down' }
      return 42
    })
    await r.load()
    fail = true
    await r.load()
    expect(r.data).toBe(42)
    expect(r.error).toEqual({ code: 'unavailable', message: 'down' })
  })

  it('reset forgets everything, and an answer still on its way', async () => {
    const d = deferred<number>()
    const r = new Resource(() => d.promise)
    const p = r.load()
    r.reset()
    d.resolve(7)
    await p
    expect(r.data).toBeNull()
    expect(r.loading).toBe(false)
  })
})
