import { afterEach, describe, expect, it } from 'vitest'
import { flushSync } from 'svelte'
import { theme, THEME_KEY } from './theme.svelte'

afterEach(() => {
  theme.reset()
  localStorage.clear()
  delete document.documentElement.dataset.theme
})

describe('theme', () => {
  it('starts from the saved choice and puts the resolved theme on <html>', () => {
    localStorage.setItem(THEME_KEY, 'dark')
    theme.start()
    expect(theme.pref).toBe('dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it('saves a choice; System forgets it and follows the system again', () => {
    theme.start()
    theme.set('dark')
    expect(localStorage.getItem(THEME_KEY)).toBe('dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
    theme.set('system')
    flushSync()
    expect(localStorage.getItem(THEME_KEY)).toBeNull()
    expect(document.documentElement.dataset.theme).toBe('light') // jsdom's system is light
  })

  it('follows a change made by another window (storage event)', () => {
    theme.start()
    localStorage.setItem(THEME_KEY, 'dark')
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_KEY }))
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it('ignores an unknown saved value', () => {
    localStorage.setItem(THEME_KEY, 'sepia')
    theme.start()
    expect(theme.pref).toBe('system')
  })
})
