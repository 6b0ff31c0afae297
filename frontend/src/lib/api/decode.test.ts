import { describe, expect, it } from 'vitest'
import { ApiError } from './errors'
import { arr, callList, callRaw, dropEmpty, num, obj, objOrNull, optTime, str, strOr, strs } from './decode'

describe('decode: what Go left out reads as empty, never as undefined or null', () => {
  it('strings', () => {
    expect(str('a')).toBe('a')
    expect(str(undefined)).toBe('')
    expect(str(null)).toBe('')
    expect(str(3)).toBe('')
    expect(strOr<'open' | 'done'>('done', 'open')).toBe('done')
    expect(strOr<'open' | 'done'>('', 'open')).toBe('open')
    expect(strOr<'open' | 'done'>(undefined, 'open')).toBe('open')
  })

  it('numbers: finite ones only', () => {
    expect(num(2.5)).toBe(2.5)
    expect(num(undefined)).toBe(0)
    expect(num('4')).toBe(0)
    expect(num(Number.NaN)).toBe(0)
    expect(num(Number.POSITIVE_INFINITY)).toBe(0)
  })

  it('lists: a nil slice (null) is []', () => {
    expect(arr(null)).toEqual([])
    expect(arr(undefined)).toEqual([])
    expect(arr({ length: 1 })).toEqual([])
    expect(arr<number>([1, 2])).toEqual([1, 2])
    expect(strs(['a', 2, null, 'b'])).toEqual(['a', 'b'])
    expect(strs('a')).toEqual([])
  })

  it('objects: {} or null for anything else', () => {
    expect(obj({ a: 1 })).toEqual({ a: 1 })
    expect(obj(null)).toEqual({})
    expect(obj('x')).toEqual({})
    expect(objOrNull(null)).toBeNull()
    expect(objOrNull(undefined)).toBeNull()
    expect(objOrNull({ a: 1 })).toEqual({ a: 1 })
  })

  it('times: a zero (left out or empty) time is undefined, not ""', () => {
    expect(optTime('2026-03-01T10:00:00Z')).toBe('2026-03-01T10:00:00Z')
    expect(optTime('')).toBeUndefined()
    expect(optTime(undefined)).toBeUndefined()
    expect(optTime(null)).toBeUndefined()
  })

  it('dropEmpty leaves unset times out of what is sent, and leaves the rest alone', () => {
    const sent = dropEmpty({ title: '', startedAt: '2026-03-01T10:00:00Z', detectedAt: '', resolvedAt: undefined }, [
      'startedAt',
      'detectedAt',
      'resolvedAt',
    ])
    expect(sent).toEqual({ title: '', startedAt: '2026-03-01T10:00:00Z' })
    expect('detectedAt' in sent).toBe(false)
    expect('resolvedAt' in sent).toBe(false)
  })
})

describe('decode: bound calls', () => {
  it('callRaw reads an object, and null as {}', async () => {
    await expect(callRaw(async () => ({ a: 1 }))).resolves.toEqual({ a: 1 })
    await expect(callRaw(async () => null)).resolves.toEqual({})
  })

  it('callList reads a list, and null as []', async () => {
    await expect(callList(async () => [{ a: 1 }])).resolves.toEqual([{ a: 1 }])
    await expect(callList(async () => null)).resolves.toEqual([])
  })

  it('a rejection (Go sends a JSON string) becomes a typed ApiError with its field', async () => {
    const err = await callRaw(async () => {
      throw JSON.stringify({ code: 'invalid', message: 'Name is required.', field: 'name' })
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('invalid')
    expect((err as ApiError).fieldMessage('name')).toBe('Name is required.')
  })
})
