import { ApiError, loadToday, type Day } from '$lib/api'

/**
 * The Today screen: the manager's day. A newer load wins (an older answer is
 * dropped); the day stays on screen while it reloads, and after a failed
 * reload (the error is kept beside it).
 */
class TodayStore {
  data = $state<Day | null>(null)
  loading = $state(false)
  error = $state<ApiError | null>(null)
  #seq = 0

  async load(): Promise<void> {
    const seq = ++this.#seq
    this.loading = true
    try {
      const d = await loadToday()
      if (seq !== this.#seq) return
      this.data = d
      this.error = null
    } catch (e) {
      if (seq === this.#seq) this.error = e as ApiError
    } finally {
      if (seq === this.#seq) this.loading = false
    }
  }

  reset(): void {
    this.#seq++
    this.data = null
    this.loading = false
    this.error = null
  }
}

export const today = new TodayStore()
