import { Mark } from '$wails/go/app/PerfAPI'

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
 * Each is sent once per page load. Without the Wails bridge (unit tests, a
 * plain browser) nothing happens.
 */
export const QUIET_MS = 300
/** After this long the first screen is given up on (an error screen, say). */
export const GIVE_UP_MS = 30_000

const BUSY = '.skeleton, .spinner[role="status"], [aria-busy="true"]'

/** Epoch milliseconds of a performance.now() instant. */
function epoch(t: number): number {
  return performance.timeOrigin + t
}

function send(name: string, t: number): void {
  Mark(name, epoch(t)).catch(() => {
    // a mark is a measurement aid: never an error for the user
  })
}

export function startReadinessMarks(): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return
  const w = window as { go?: { app?: { PerfAPI?: unknown } } }
  if (!w.go?.app?.PerfAPI) return

  // Two frames: the first callback runs before the first frame is drawn,
  // the second once it has been.
  requestAnimationFrame(() => requestAnimationFrame(() => send('first-paint', performance.now())))

  const started = performance.now()
  let lastChange = started
  let lastFrame = started
  const seen = new MutationObserver(() => {
    const at = performance.now()
    lastChange = at
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (lastChange === at) lastFrame = performance.now()
    }))
  })
  seen.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true })
  const timer = setInterval(() => {
    const now = performance.now()
    if (now - started > GIVE_UP_MS) return stop()
    // The quiet must have begun after the last change's frame was drawn.
    if (now - lastChange < QUIET_MS || lastFrame < lastChange) return
    if (!document.querySelector('main') || document.querySelector(BUSY)) return
    stop()
    send('first-screen', lastFrame)
  }, 50)
  function stop(): void {
    clearInterval(timer)
    seen.disconnect()
  }
}
