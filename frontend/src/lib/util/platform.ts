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
