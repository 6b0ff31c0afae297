/** A minute-resolution "now" that lists use to show local times. */
class Clock {
  now = $state(new Date())
  #timer: ReturnType<typeof setInterval> | null = null
  #users = 0

  /** Starts ticking while at least one user holds it; returns release. */
  hold(): () => void {
    this.#users++
    if (!this.#timer) {
      this.now = new Date()
      this.#timer = setInterval(() => (this.now = new Date()), 30_000)
    }
    return () => {
      this.#users--
      if (this.#users <= 0 && this.#timer) {
        clearInterval(this.#timer)
        this.#timer = null
        this.#users = 0
      }
    }
  }
}

export const clock = new Clock()
