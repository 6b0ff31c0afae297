/** What counts as someone at the computer. */
export const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Calls onIdle once after `minutes` without activity (0: never). Activity is
 * only noted (no timer churn on every mouse move); when the timer fires it
 * checks the last activity and waits the rest if there was some.
 */
export class IdleTimer {
  private ms = 0
  private last = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly onIdle: () => void

  constructor(onIdle: () => void) {
    this.onIdle = onIdle
  }

  /** Sets the idle time and starts counting from now. */
  set(minutes: number): void {
    this.ms = Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0
    this.clear()
    this.activity()
  }

  /** Someone did something: count from now. */
  activity = (): void => {
    this.last = Date.now()
    if (this.ms > 0 && this.timer === undefined) this.schedule(this.ms)
    if (this.ms <= 0) this.clear()
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (this.ms <= 0) return
      const rest = this.last + this.ms - Date.now()
      if (rest > 0) this.schedule(rest)
      else this.onIdle()
    }, ms)
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Listens for activity on target; returns the function that stops it all. */
  listen(target: EventTarget): () => void {
    const opts = { passive: true, capture: true }
    for (const e of ACTIVITY_EVENTS) target.addEventListener(e, this.activity, opts)
    return () => {
      for (const e of ACTIVITY_EVENTS) target.removeEventListener(e, this.activity, opts)
      this.stop()
    }
  }

  /** Stops counting (until the next set). */
  stop(): void {
    this.ms = 0
    this.clear()
  }
}
