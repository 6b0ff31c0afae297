import { describe, expect, it } from 'vitest'
import { ApiError, toApiError } from './errors'

describe('toApiError', () => {
  it('parses the JSON string a Go call rejects with, keeping every field error', () => {
    const raw = JSON.stringify({
      code: 'invalid',
      message: 'Name is required. (and 1 more problem)',
      field: 'name',
      fields: [
        { field: 'name', message: 'Name is required.' },
        { field: 'skills.1.name', message: 'Skill name is required.' },
      ],
    })
    const e = toApiError(raw)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.code).toBe('invalid')
    expect(e.message).toBe('Name is required. (and 1 more problem)')
    expect(e.field).toBe('name')
    expect(e.fields).toEqual([
      { field: 'name', message: 'Name is required.' },
      { field: 'skills.1.name', message: 'Skill name is required.' },
    ])
    expect(e.fieldMessage('skills.1.name')).toBe('Skill name is required.')
    expect(e.fieldMessage('email')).toBe('')
  })

  it('turns a lone "field" into a one-item fields list', () => {
    const e = toApiError('{"code":"invalid","message":"Type \\"Dana\\" to confirm.","field":"confirm"}')
    expect(e.fields).toEqual([{ field: 'confirm', message: 'Type "Dana" to confirm.' }])
  })

  it('keeps conflict errors without fields as a plain message', () => {
    const e = toApiError('{"code":"conflict","message":"Payments owns ledger; give it another owning team first."}')
    expect(e.code).toBe('conflict')
    expect(e.fields).toEqual([])
    expect(e.field).toBe('')
  })

  it('makes a plain (non-JSON) string an internal error carrying that text', () => {
    const e = toApiError('runtime error: index out of range')
    expect(e.code).toBe('internal')
    expect(e.message).toBe('runtime error: index out of range')
  })

  it('does not choke on text that only looks like JSON', () => {
    const e = toApiError('{not json at all')
    expect(e.code).toBe('internal')
    expect(e.message).toBe('{not json at all')
  })

  it('reads an Error object, parsing its message when it is the JSON payload', () => {
    const plain = toApiError(new TypeError("Cannot read properties of undefined (reading 'PeopleAPI')"))
    expect(plain.code).toBe('internal')
    expect(plain.message).toContain('PeopleAPI')

    const wrapped = toApiError(new Error('{"code":"not_found","message":"No such person."}'))
    expect(wrapped.code).toBe('not_found')
    expect(wrapped.message).toBe('No such person.')
  })

  it('maps an unknown code to internal and tolerates junk', () => {
    expect(toApiError('{"code":"teapot","message":"short and stout"}').code).toBe('internal')
    expect(toApiError(undefined).code).toBe('internal')
    expect(toApiError(42).message).toBe('Something went wrong.')
  })

  it('returns an ApiError unchanged', () => {
    const e = new ApiError('conflict', 'x')
    expect(toApiError(e)).toBe(e)
  })
})
