import { ApiError, loadTimeZones, type Zone } from '$lib/api'

/** The IANA zones with their offset now; loaded once per session. */
class TimeZonesStore {
  zones = $state<Zone[]>([])
  loading = $state(false)
  error = $state<ApiError | null>(null)
  #pending: Promise<void> | null = null

  byName = $derived(new Map(this.zones.map((z) => [z.name, z])))

  /** Loads the zones unless they are loaded or loading already. */
  load(): Promise<void> {
    if (this.zones.length > 0) return Promise.resolve()
    if (!this.#pending) {
      this.loading = true
      this.#pending = loadTimeZones()
        .then((z) => {
          this.zones = z
          this.error = null
        })
        .catch((e: unknown) => {
          this.error = e as ApiError
        })
        .finally(() => {
          this.loading = false
          this.#pending = null
        })
    }
    return this.#pending
  }

  reset(): void {
    this.zones = []
    this.loading = false
    this.error = null
    this.#pending = null
  }
}

export const timezones = new TimeZonesStore()
