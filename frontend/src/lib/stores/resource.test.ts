import { describe, expect, it } from 'vitest'
import { ApiError } from '$lib/api'
import { Draft, Loader, Resource, SubjectResource } from './resource.svelte'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

const goError = (code: string, message: string) => JSON.stringify({ code, message })

describe('Loader', () => {
  it('takes only the newest answer, and says which answer it took', async () => {
    const l = new Loader()
    const calls = [deferred<string>(), deferred<string>()]
    const taken: string[] = []
    const first = l.run(() => calls[0].promise, (v) => taken.push(v))
    const second = l.run(() => calls[1].promise, (v) => taken.push(v))
    expect(l.loading).toBe(true)
    calls[1].resolve('new')
    expect(await second).toBe(true)
    calls[0].resolve('old')
    expect(await first).toBe(false)
    expect(taken).toEqual(['new'])
    expect(l.loading).toBe(false)
    expect(l.loaded).toBe(true)
  })

  it('an older failure does not show beside a newer answer', async () => {
    const l = new Loader()
    const calls = [deferred<number>(), deferred<number>()]
    const first = l.run(() => calls[0].promise, () => {})
    const second = l.run(() => calls[1].promise, () => {})
    calls[1].resolve(1)
    await second
    calls[0].reject(goError('unavailable', 'down'))
    await first
    expect(l.error).toBeNull()
    expect(l.loading).toBe(false)
  })

  it('keeps a failure as a typed ApiError (Go rejects with a JSON string), never throws it', async () => {
    const l = new Loader()
    const taken = await l.run(async () => {
      throw goError('not_found', 'No such person.')
    }, () => {})
    expect(taken).toBe(false)
    expect(l.error).toBeInstanceOf(ApiError)
    expect(l.error?.code).toBe('not_found')
    expect(l.error?.message).toBe('No such person.')
    expect(l.loaded).toBe(false)
  })

  it('a success clears the last error', async () => {
    const l = new Loader()
    await l.run(() => Promise.reject(goError('unavailable', 'down')), () => {})
    await l.run(() => Promise.resolve(1), () => {})
    expect(l.error).toBeNull()
  })

  it('cancel drops the answer on its way and stops loading', async () => {
    const l = new Loader()
    const d = deferred<number>()
    const taken: number[] = []
    const p = l.run(() => d.promise, (v) => taken.push(v))
    l.cancel()
    expect(l.loading).toBe(false)
    d.resolve(7)
    expect(await p).toBe(false)
    expect(taken).toEqual([])
  })
})

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
    expect(r.loaded).toBe(true)
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
    expect(r.error?.code).toBe('unavailable')
    expect(r.error?.message).toBe('down')
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
    expect(r.loaded).toBe(false)
  })

  it('passes its arguments on, and reload repeats the last ones (nothing before a load)', async () => {
    const asked: [string, boolean][] = []
    const r = new Resource(async (who: string, all: boolean) => {
      asked.push([who, all])
      return `${who}:${all}`
    })
    await r.reload()
    expect(asked).toEqual([])
    await r.load('dana', true)
    await r.reload()
    expect(asked).toEqual([
      ['dana', true],
      ['dana', true],
    ])
    expect(r.data).toBe('dana:true')
    r.reset()
    await r.reload()
    expect(asked).toHaveLength(2)
  })
})

describe('SubjectResource', () => {
  it("forgets one person's data and error at once when another is loaded", async () => {
    const answers: Record<string, ReturnType<typeof deferred<string>>> = { a: deferred(), b: deferred() }
    const r = new SubjectResource((id) => answers[id].promise)
    const a = r.load('a')
    answers.a.resolve('A')
    await a
    expect(r.data).toBe('A')
    const b = r.load('b')
    expect(r.id).toBe('b')
    expect(r.data).toBeNull() // nothing of a on b's page
    answers.b.resolve('B')
    await b
    expect(r.data).toBe('B')
  })

  it('an answer for a person no longer shown is dropped', async () => {
    const answers: Record<string, ReturnType<typeof deferred<string>>> = { a: deferred(), b: deferred() }
    const r = new SubjectResource((id) => answers[id].promise)
    const a = r.load('a')
    const b = r.load('b')
    answers.b.resolve('B')
    await b
    answers.a.resolve('A')
    await a
    expect(r.data).toBe('B')
  })

  it('reloading the same one keeps what is shown meanwhile', async () => {
    let n = 0
    const later = deferred<string>()
    const r = new SubjectResource(async () => (n++ === 0 ? 'first' : later.promise))
    await r.load('a')
    const again = r.reload()
    expect(r.data).toBe('first')
    expect(r.loading).toBe(true)
    later.resolve('second')
    await again
    expect(r.data).toBe('second')
  })

  it('reset forgets whose data it was', async () => {
    const r = new SubjectResource(async (id) => id)
    await r.load('a')
    r.reset()
    expect(r.id).toBe('')
    expect(r.data).toBeNull()
  })
})

describe('Draft', () => {
  it('the form is a copy of what is stored: editing it makes it dirty, discard puts it back', async () => {
    const d = new Draft(async () => ({ days: 14, tags: ['a'] }))
    await d.load()
    expect(d.dirty).toBe(false)
    d.form!.days = 30
    d.form!.tags.push('b')
    expect(d.dirty).toBe(true)
    expect(d.stored).toEqual({ days: 14, tags: ['a'] })
    d.discard()
    expect(d.form).toEqual({ days: 14, tags: ['a'] })
    expect(d.dirty).toBe(false)
  })

  it('saved() takes what a save returned as stored, and the form afresh', async () => {
    const d = new Draft(async () => ({ days: 14 }))
    await d.load()
    d.form!.days = 30
    d.saved({ days: 30 })
    expect(d.stored).toEqual({ days: 30 })
    expect(d.dirty).toBe(false)
  })

  it('a failed load keeps the error until a retry asks again', async () => {
    let fail = true
    const d = new Draft(async () => {
      if (fail) throw goError('unavailable', 'down')
      return { days: 14 }
    })
    await d.load()
    expect(d.error?.message).toBe('down')
    expect(d.form).toBeNull()
    fail = false
    const retry = d.load()
    expect(d.error).toBeNull()
    await retry
    expect(d.form).toEqual({ days: 14 })
  })
})
