import type { ApiError } from '$lib/api'

/**
 * One thing read from the backend, reloaded now and then: a newer load wins
 * (an older answer is dropped); the last data stays on screen while it
 * reloads, and after a failed reload (the error is kept beside it).
 */
export class Resource<T> {
  data = $state<T | null>(null)
  loading = $state(false)
  error = $state<ApiError | null>(null)
  #seq = 0
  readonly #fetch: () => Promise<T>

  constructor(fetch: () => Promise<T>) {
    this.#fetch = fetch
  }

  async load(): Promise<void> {
    const seq = ++this.#seq
    this.loading = true
    try {
      const d = await this.#fetch()
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
