import { Mark, Screen } from '$wails/go/app/PerfAPI'
import { answers } from './call'

/**
 * Readiness marks for scripts/bench-launch.sh: the page tells the Go side
 * (PerfAPI.Mark, logged as `ready mark=… t=…ms since process start`) when
 *
 * - "first-paint": the first frame after the app mounted has been drawn;
 * - "first-screen": the first screen has settled: no loading indicator
 *   (skeleton, labelled spinner, aria-busy) is showing, the app's <main> is
 *   there, and the document has not changed for QUIET_MS. The instant sent
 *   is the frame after the LAST change, not the moment the quiet was noticed.
 *   On a workspace with data that is the data on the first screen.
 *
 * Each is sent once per page load. After that, every switch to another
 * screen (screenSwitched, from App.svelte) is timed the same way from the
 * route change to the screen settled and logged through PerfAPI.Screen as
 * `ready mark=screen name=<screen> ms=<n> render=<r> api=<a> nodes=<elements> rows=<rows>`:
 * r = the part spent tearing down the old screen and building the new one
 * before any frame (the route change to App's effect), a = when the last bound
 * call in that time answered (ms after the change, 0 if none did: the data was
 * there), then the elements in the document and the rows (table body rows,
 * list items) in <main> once it settled. Without the Wails bridge (unit tests, a plain
 * browser) nothing happens.
 */
export const QUIET_MS = 300
/** After this long the first screen is given up on (an error screen, say). */
export const GIVE_UP_MS = 30_000
/** A screen switch that has not settled by then is not logged. */
export const SCREEN_GIVE_UP_MS = 10_000

const BUSY = '.skeleton, .skeleton-wait, .spinner[role="status"], [aria-busy="true"]'
/** Rows shown in <main>: table body rows (not a virtual list's spacers) and list items. */
const ROWS = 'main tbody > tr:not(.v-gap), main li'

/** Epoch milliseconds of a performance.now() instant. */
function epoch(t: number): number {
  return performance.timeOrigin + t
}

function send(name: string, t: number): void {
  Mark(name, epoch(t)).catch(() => {
    // a mark is a measurement aid: never an error for the user
  })
}

function bridged(): boolean {
  if (typeof window === 'undefined' || typeof document === 'undefined') return false
  const w = window as { go?: { app?: { PerfAPI?: unknown } } }
  return !!w.go?.app?.PerfAPI
}

/** What a settled document holds: every element, and the rows in <main>. */
export function documentSize(doc: Document = document): { nodes: number; rows: number } {
  return { nodes: doc.getElementsByTagName('*').length, rows: doc.querySelectorAll(ROWS).length }
}

/**
 * Calls settled(t) once the document has settled after `started` (a
 * performance.now() instant): <main> is there, no loading indicator shows and
 * nothing changed for QUIET_MS; t is the frame after the last change (or
 * `started` if nothing changed). Gives up after giveUp ms. Returns the stop
 * function.
 */
export function whenSettled(started: number, giveUp: number, settled: (t: number) => void): () => void {
  let lastChange = started
  let lastFrame = started
  const changed = () => {
    const at = performance.now()
    lastChange = at
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (lastChange === at) lastFrame = performance.now()
      }),
    )
  }
  // The caller may start watching just after the document changed (a screen
  // switch renders before App's effect runs): that counts as a change, so the
  // instant is at least the frame that shows it.
  changed()
  const seen = new MutationObserver(changed)
  seen.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true })
  const timer = setInterval(() => {
    const now = performance.now()
    if (now - started > giveUp) return stop()
    // The quiet must have begun after the last change's frame was drawn.
    if (now - lastChange < QUIET_MS || lastFrame < lastChange) return
    if (!document.querySelector('main') || document.querySelector(BUSY)) return
    stop()
    settled(lastFrame)
  }, 50)
  function stop(): void {
    clearInterval(timer)
    seen.disconnect()
  }
  return stop
}

export function startReadinessMarks(): void {
  if (!bridged()) return
  // Two frames: the first callback runs before the first frame is drawn,
  // the second once it has been.
  requestAnimationFrame(() => requestAnimationFrame(() => send('first-paint', performance.now())))
  whenSettled(performance.now(), GIVE_UP_MS, (t) => send('first-screen', t))
}

let stopScreen: (() => void) | null = null

/**
 * The route moved to another screen at `at` (performance.now() of the route
 * change): logs `ready mark=screen` once it has settled. A newer switch
 * before that replaces it (the older one is not logged).
 */
export function screenSwitched(name: string, at: number = performance.now()): void {
  if (!bridged()) return
  stopScreen?.()
  const render = performance.now() - at
  stopScreen = whenSettled(at, SCREEN_GIVE_UP_MS, (t) => {
    stopScreen = null
    const { nodes, rows } = documentSize()
    const api = answers.last > at ? Math.min(answers.last, t) - at : 0
    Screen(name, Math.max(0, t - at), render, api, nodes, rows, epoch(t)).catch(() => {})
  })
}
