import { ApiError, loadOverview, type Overview } from '$lib/api'

class OverviewStore {
  data = $state<Overview | null>(null)
  loading = $state(false)
  error = $state<ApiError | null>(null)
  #seq = 0

  async load(): Promise<void> {
    const seq = ++this.#seq
    this.loading = true
    try {
      const d = await loadOverview()
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

export const overview = new OverviewStore()
