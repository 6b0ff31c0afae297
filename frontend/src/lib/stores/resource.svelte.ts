import { toApiError, type ApiError } from '$lib/api'

/**
 * Loading with a stale guard, for a store or a component that reads from the
 * backend now and then: a newer load wins (an older, slower answer is
 * dropped); what is shown stays while it reloads, and after a failed reload
 * (the error is kept beside it). A store that keeps its answer in fields of
 * its own extends Loader (or holds one) and loads with run(); one that keeps
 * the answer as it came is a Resource.
 */
export class Loader {
  loading = $state(false)
  /** An answer has been taken since the last reset. */
  loaded = $state(false)
  error = $state<ApiError | null>(null)
  /** performance.now() when the last answer was taken (see loaded; not reactive). */
  takenAt = 0
  #seq = 0

  /**
   * Fetches, and when the answer is still the newest hands it to take() and
   * clears the error. A failure lands in error, never thrown. Resolves true
   * when the answer was taken.
   */
  async run<T>(fetch: () => Promise<T>, take: (answer: T) => void): Promise<boolean> {
    const seq = ++this.#seq
    this.loading = true
    try {
      const answer = await fetch()
      if (seq !== this.#seq) return false
      take(answer)
      this.error = null
      this.loaded = true
      this.takenAt = typeof performance !== 'undefined' ? performance.now() : Date.now()
      return true
    } catch (e) {
      if (seq === this.#seq) this.error = toApiError(e)
      return false
    } finally {
      if (seq === this.#seq) this.loading = false
    }
  }

  /** Drops the answers on their way (what is shown was set another way, or is to be forgotten). */
  cancel(): void {
    this.#seq++
    this.loading = false
  }

  /** Forgets everything, and the answers on their way. */
  reset(): void {
    this.cancel()
    this.takenAt = 0
    this.loaded = false
    this.error = null
  }
}

/**
 * One thing read from the backend as it came (data), reloaded now and then;
 * load() takes the arguments fetch takes, reload() repeats the last ones.
 * The data is replaced on each load, never changed in place: raw, not proxied
 * (five years of 1:1s, 2,000 incidents).
 */
export class Resource<T, A extends unknown[] = []> extends Loader {
  data = $state.raw<T | null>(null)
  readonly #fetch: (...args: A) => Promise<T>
  #args: A | null = null

  constructor(fetch: (...args: A) => Promise<T>) {
    super()
    this.#fetch = fetch
  }

  async load(...args: A): Promise<void> {
    this.#args = args
    await this.run(
      () => this.#fetch(...args),
      (d) => (this.data = d),
    )
  }

  /** Loads again what was loaded last (nothing before the first load). */
  reload(): Promise<void> {
    return this.#args ? this.load(...this.#args) : Promise.resolve()
  }

  override reset(): void {
    super.reset()
    this.#args = null
    this.data = null
  }
}

/**
 * A record edited in place (a settings panel): what is stored, the form's own
 * copy of it, whether they differ. load() reads it; saved() takes what a save
 * returned; discard() puts the stored values back in the form.
 */
export class Draft<T> extends Loader {
  stored = $state.raw<T | null>(null)
  form = $state<T | null>(null)
  dirty = $derived(this.form !== null && this.stored !== null && JSON.stringify(this.form) !== JSON.stringify(this.stored))
  readonly #fetch: () => Promise<T>

  constructor(fetch: () => Promise<T>) {
    super()
    this.#fetch = fetch
  }

  async load(): Promise<void> {
    this.error = null // a retry shows the skeleton, not the last failure
    await this.run(this.#fetch, (s) => this.saved(s))
  }

  /** The record as stored now (after a save), and the form afresh from it. */
  saved(s: T): void {
    this.stored = s
    this.form = copy(s)
  }

  discard(): void {
    if (this.stored) this.form = copy(this.stored)
  }

  override reset(): void {
    super.reset()
    this.stored = null
    this.form = null
  }
}

/** A deep copy of plain data (a form edits its own, never what is stored). */
function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify($state.snapshot(v)))
}

/**
 * A Resource of one record or person at a time, by id: loading another one
 * forgets what was shown of the last (and its error) at once, so nothing of
 * one person shows on another's page; reloading the same one keeps it.
 */
export class SubjectResource<T> extends Resource<T, [id: string]> {
  /** Whose data is (being) loaded ('' before the first load). */
  id = $state('')

  override load(id: string): Promise<void> {
    if (id !== this.id) {
      this.id = id
      this.data = null
      this.error = null
    }
    return super.load(id)
  }

  override reset(): void {
    super.reset()
    this.id = ''
  }
}
