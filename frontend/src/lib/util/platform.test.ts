import { afterEach, describe, expect, it } from 'vitest'
import { markPlatform } from './platform'

afterEach(() => delete document.documentElement.dataset.os)

describe('markPlatform', () => {
  it('marks Linux (WebKitGTK, Chromium on Linux)', () => {
    markPlatform(document, 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15')
    expect(document.documentElement.dataset.os).toBe('linux')
  })

  it('leaves macOS, Windows and Android unmarked', () => {
    for (const ua of [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
    ]) {
      markPlatform(document, ua)
      expect(document.documentElement.dataset.os).toBeUndefined()
    }
  })
})
