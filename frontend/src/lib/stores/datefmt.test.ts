import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dateFormat, DATE_FORMAT_KEY } from './datefmt.svelte'

beforeEach(() => {
  localStorage.clear()
  dateFormat.reset()
})

afterEach(() => {
  dateFormat.reset()
  localStorage.clear()
})

describe('dateFormat', () => {
  it('follows the locale by default', () => {
    dateFormat.locale = 'en-GB'
    expect(dateFormat.pref).toBe('system')
    expect(dateFormat.pattern.placeholder).toBe('dd/mm/yyyy')
    expect(dateFormat.hour12).toBe(false)
    dateFormat.locale = 'en-US'
    expect(dateFormat.pattern.placeholder).toBe('mm/dd/yyyy')
    expect(dateFormat.hour12).toBe(true)
  })

  it('starts from the saved choice; ISO shows YYYY-MM-DD and 24-hour times', () => {
    localStorage.setItem(DATE_FORMAT_KEY, 'iso')
    dateFormat.locale = 'en-US'
    dateFormat.start()
    expect(dateFormat.pref).toBe('iso')
    expect(dateFormat.pattern.placeholder).toBe('yyyy-mm-dd')
    expect(dateFormat.hour12).toBe(false)
  })

  it('saves a choice; System forgets it', () => {
    dateFormat.start()
    dateFormat.set('iso')
    expect(localStorage.getItem(DATE_FORMAT_KEY)).toBe('iso')
    dateFormat.set('system')
    expect(localStorage.getItem(DATE_FORMAT_KEY)).toBeNull()
    expect(dateFormat.pref).toBe('system')
  })

  it('follows a change made by another window, and ignores an unknown value', () => {
    dateFormat.start()
    localStorage.setItem(DATE_FORMAT_KEY, 'iso')
    window.dispatchEvent(new StorageEvent('storage', { key: DATE_FORMAT_KEY }))
    expect(dateFormat.pref).toBe('iso')
    localStorage.setItem(DATE_FORMAT_KEY, 'klingon')
    window.dispatchEvent(new StorageEvent('storage', { key: DATE_FORMAT_KEY }))
    expect(dateFormat.pref).toBe('system')
  })

  it('stops listening on reset', () => {
    dateFormat.start()
    dateFormat.reset()
    localStorage.setItem(DATE_FORMAT_KEY, 'iso')
    window.dispatchEvent(new StorageEvent('storage', { key: DATE_FORMAT_KEY }))
    expect(dateFormat.pref).toBe('system')
  })
})
