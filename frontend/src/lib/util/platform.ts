import { within } from './wait'

/**
 * Marks the document with the system it runs on (`<html data-os="linux">`),
 * before the first paint, for the styles that differ by system: on Linux
 * (WebKitGTK) app.css names only the fonts that can be installed there (every
 * family named and missing cost the first layout a fontconfig lookup per size
 * and weight: docs/performance.md, Issue 9 "Round 7").
 */
export function markPlatform(doc: Document = document, ua: string = navigator.userAgent): void {
  if (/Linux|X11/.test(ua) && !/Android/.test(ua)) doc.documentElement.dataset.os = 'linux'
}

/** The longest the app waits for its font before drawing anyway. */
export const FONT_WAIT_MS = 300

/**
 * On Linux, resolves once the app's own font (Inter, app.css) is loaded, or
 * after `waitMs`, whichever comes first; at once elsewhere (the system's font
 * is named first there). Never rejects: a font that fails to load leaves the
 * system's sans-serif, and the app draws with it.
 */
export function fontReady(doc: Document = document, waitMs = FONT_WAIT_MS): Promise<void> {
  if (doc.documentElement.dataset.os !== 'linux' || !doc.fonts?.load) return Promise.resolve()
  const loaded = doc.fonts.load(`1em "Inter Variable"`).then(
    () => undefined,
    () => undefined,
  )
  return within(loaded, waitMs).then(() => undefined)
}
