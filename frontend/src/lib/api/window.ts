import { WindowSetTitle } from '$wails/runtime/runtime'

/**
 * The window's title: what is open, then the app ("Dana Xu — Wheelhouse"), so
 * the window list, the task switcher and screen readers name the open record.
 * Without the Wails runtime (unit tests, a plain browser) only the document title.
 */
export function setWindowTitle(title: string): void {
  if (typeof document === 'undefined') return
  if (document.title === title) return
  document.title = title
  const w = window as { runtime?: unknown }
  if (typeof w.runtime === 'object' && w.runtime) {
    try {
      WindowSetTitle(title)
    } catch {
      // the document title is set; the native one is a nicety
    }
  }
}
