import { afterEach, describe, expect, it } from 'vitest'
import { fontReady, markPlatform } from './platform'

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

describe('fontReady', () => {
  const linuxDoc = (load: (font: string) => Promise<unknown>) => {
    document.documentElement.dataset.os = 'linux'
    Object.defineProperty(document, 'fonts', { configurable: true, value: { load } })
    return document
  }
  afterEach(() => delete (document as { fonts?: unknown }).fonts)

  it('waits for Inter on Linux', async () => {
    const asked: string[] = []
    let loaded!: () => void
    const doc = linuxDoc((font) => {
      asked.push(font)
      return new Promise((r) => (loaded = () => r([])))
    })
    let done = false
    const ready = fontReady(doc, 10_000).then(() => (done = true))
    await Promise.resolve()
    expect(asked).toEqual(['1em "Inter Variable"'])
    expect(done).toBe(false)
    loaded()
    await ready
    expect(done).toBe(true)
  })

  it('draws anyway after the wait, and when the font fails', async () => {
    await fontReady(linuxDoc(() => new Promise(() => {})), 5) // never loads
    await fontReady(linuxDoc(() => Promise.reject(new Error('bad font'))), 10_000)
  })

  it('does not wait elsewhere', async () => {
    let asked = false
    Object.defineProperty(document, 'fonts', { configurable: true, value: { load: () => ((asked = true), new Promise(() => {})) } })
    await fontReady(document, 10_000)
    expect(asked).toBe(false)
  })
})
