import {
  ApiError,
  loadCadenceStatuses,
  loadFeedback,
  loadHealth,
  loadOneOnOnes,
  type CadenceStatus,
  type PersonFeedback,
  type PersonOneOnOnes,
  type TeamHealth,
} from '$lib/api'

/**
 * One person's data from a loader: a newer load wins (an answer for a person
 * no longer shown is dropped), the data stays while it reloads.
 */
class PersonStore<T> {
  personId = $state('')
  /** Replaced on each load, never changed in place: raw, not proxied (five years of 1:1s). */
  data = $state.raw<T | null>(null)
  loading = $state(false)
  error = $state<ApiError | null>(null)
  #seq = 0
  #loader: (personId: string) => Promise<T>

  constructor(loader: (personId: string) => Promise<T>) {
    this.#loader = loader
  }

  async load(personId: string): Promise<void> {
    const seq = ++this.#seq
    if (personId !== this.personId) {
      this.personId = personId
      this.data = null
      this.error = null
    }
    this.loading = true
    try {
      const d = await this.#loader(personId)
      if (seq !== this.#seq) return
      this.data = d
      this.error = null
    } catch (e) {
      if (seq === this.#seq) this.error = e as ApiError
    } finally {
      if (seq === this.#seq) this.loading = false
    }
  }

  reload(): Promise<void> {
    return this.personId ? this.load(this.personId) : Promise.resolve()
  }

  reset(): void {
    this.#seq++
    this.personId = ''
    this.data = null
    this.loading = false
    this.error = null
  }
}

/** One person's 1:1 page: cadence, status, meetings and open follow-ups. */
class PersonOneOnOnesStore extends PersonStore<PersonOneOnOnes> {
  constructor() {
    super((id) => loadOneOnOnes(id))
  }

  /** The page (the loaded data). */
  get page(): PersonOneOnOnes | null {
    return this.data
  }

  set page(p: PersonOneOnOnes | null) {
    this.data = p
  }
}

/** One person's feedback with its balance. */
class PersonFeedbackStore extends PersonStore<PersonFeedback> {
  constructor() {
    super((id) => loadFeedback(id))
  }
}

/** Every report's cadence status (overview card, team health view). */
class CadenceStore {
  statuses = $state.raw<CadenceStatus[]>([])
  loaded = $state(false)
  loading = $state(false)
  error = $state<ApiError | null>(null)
  overdue = $derived(this.statuses.filter((s) => s.overdue))
  #seq = 0

  async load(): Promise<void> {
    const seq = ++this.#seq
    this.loading = true
    try {
      const s = await loadCadenceStatuses()
      if (seq !== this.#seq) return
      this.statuses = s
      this.error = null
      this.loaded = true
    } catch (e) {
      if (seq === this.#seq) this.error = e as ApiError
    } finally {
      if (seq === this.#seq) this.loading = false
    }
  }

  reset(): void {
    this.#seq++
    this.statuses = []
    this.loaded = false
    this.loading = false
    this.error = null
  }
}

/** The team health table with its team filter ('' = everyone). */
class HealthStore {
  teamId = $state('')
  data = $state.raw<TeamHealth | null>(null)
  loading = $state(false)
  error = $state<ApiError | null>(null)
  #seq = 0

  async load(): Promise<void> {
    const seq = ++this.#seq
    this.loading = true
    try {
      const d = await loadHealth(this.teamId)
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
    this.teamId = ''
    this.data = null
    this.loading = false
    this.error = null
  }
}

export const personOneOnOnes = new PersonOneOnOnesStore()
export const personFeedback = new PersonFeedbackStore()
export const cadences = new CadenceStore()
export const health = new HealthStore()
