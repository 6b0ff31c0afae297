import {
  ApiError,
  loadCoverage,
  loadOverrides,
  loadRotations,
  loadShifts,
  loadSwapViews,
  type CoverageGap,
  type Override,
  type Rotation,
  type Shift,
  type SwapView,
} from '$lib/api'

export type OnCallTab = 'schedule' | 'timeoff' | 'fairness'
export type Span = 'week' | 'month'

const DAY = 86_400_000

/** Midnight (local) at the start of the week (Monday) or month holding d. */
export function startOf(span: Span, d: Date): Date {
  const x = new Date(d.getFullYear(), d.getMonth(), d.getDate())
  if (span === 'month') return new Date(x.getFullYear(), x.getMonth(), 1)
  const dow = (x.getDay() + 6) % 7
  return new Date(x.getFullYear(), x.getMonth(), x.getDate() - dow)
}

export function endOf(span: Span, start: Date): Date {
  return span === 'month'
    ? new Date(start.getFullYear(), start.getMonth() + 1, 1)
    : new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7)
}

/** Rotations, the shifts of the visible window and the coverage gaps of the next 90 days. */
class OnCallStore {
  rotations = $state<Rotation[]>([])
  shifts = $state<Shift[]>([])
  gaps = $state<CoverageGap[]>([])
  loading = $state(false)
  loaded = $state(false)
  error = $state<ApiError | null>(null)
  gapsError = $state<ApiError | null>(null)
  /** Every rotation's overrides and swaps (the schedule lists upcoming and recent ones). */
  overrides = $state<Override[]>([])
  swaps = $state<SwapView[]>([])
  adjustmentsError = $state<ApiError | null>(null)

  tab = $state<OnCallTab>('schedule')
  span = $state<Span>('week')
  anchor = $state<Date>(startOf('week', new Date()))
  /** The view shows the current week or month and moves with the date (until the user pages away). */
  followsToday = $state(true)
  /** Today, for tests; the real clock otherwise. */
  today: () => Date = () => new Date()
  /** The rotation being edited: null = closed, '' = a new one. */
  editing = $state<string | null>(null)

  from = $derived(startOf(this.span, this.anchor))
  to = $derived(endOf(this.span, this.from))
  byId = $derived(new Map(this.rotations.map((r) => [r.id, r])))
  #seq = 0

  async load(): Promise<void> {
    // An app left open overnight: a view that follows today moves with it.
    if (this.followsToday) {
      const a = startOf(this.span, this.today())
      if (a.getTime() !== this.anchor.getTime()) this.anchor = a
    }
    const seq = ++this.#seq
    this.loading = true
    const w = { from: this.from.toISOString(), to: this.to.toISOString() }
    try {
      const [rots, shifts] = await Promise.all([loadRotations(), loadShifts('', w)])
      if (seq !== this.#seq) return
      this.rotations = rots
      this.shifts = shifts
      this.error = null
      this.loaded = true
    } catch (e) {
      if (seq === this.#seq) this.error = e as ApiError
    } finally {
      if (seq === this.#seq) this.loading = false
    }
    this.loadGaps()
    this.loadAdjustments()
  }

  #adjSeq = 0
  async loadAdjustments(): Promise<void> {
    const seq = ++this.#adjSeq
    try {
      const [overrides, swaps] = await Promise.all([loadOverrides(''), loadSwapViews('')])
      if (seq !== this.#adjSeq) return // a newer load (or a workspace switch) came after
      this.overrides = overrides
      this.swaps = swaps
      this.adjustmentsError = null
    } catch (e) {
      if (seq === this.#adjSeq) this.adjustmentsError = e as ApiError
    }
  }

  #gapSeq = 0
  async loadGaps(): Promise<void> {
    const seq = ++this.#gapSeq
    const now = this.today()
    try {
      const gaps = await loadCoverage({ from: now.toISOString(), to: new Date(now.getTime() + 90 * DAY).toISOString() })
      if (seq !== this.#gapSeq) return
      this.gaps = gaps
      this.gapsError = null
    } catch (e) {
      if (seq === this.#gapSeq) this.gapsError = e as ApiError
    }
  }

  move(step: -1 | 0 | 1): void {
    this.followsToday = step === 0
    if (step === 0) this.anchor = startOf(this.span, this.today())
    else if (this.span === 'week') this.anchor = new Date(this.from.getFullYear(), this.from.getMonth(), this.from.getDate() + 7 * step)
    else this.anchor = new Date(this.from.getFullYear(), this.from.getMonth() + step, 1)
    this.load()
  }

  /** Week or month. From a view holding today, the new one holds today too
   * (the week of 30 Nov–6 Dec becomes December on 4 December, not November). */
  setSpan(span: Span): void {
    const today = this.today()
    const holdsToday = this.from <= today && today < this.to
    this.span = span
    this.anchor = startOf(span, holdsToday ? today : this.anchor)
    this.load()
  }

  /** Shows the week or month of a date (a new rotation's first turn), unless it is on screen already. */
  showDate(date: string): void {
    const [y, m, d] = date.split('-').map(Number)
    if (!y || !m || !d) return
    const at = new Date(y, m - 1, d)
    if (this.from <= at && at < this.to) return
    this.anchor = startOf(this.span, at)
    this.followsToday = this.anchor.getTime() === startOf(this.span, this.today()).getTime()
  }

  reset(): void {
    this.rotations = []
    this.shifts = []
    this.gaps = []
    this.overrides = []
    this.swaps = []
    this.adjustmentsError = null
    this.loaded = false
    this.loading = false
    this.error = null
    this.gapsError = null
    this.editing = null
    this.tab = 'schedule'
    this.span = 'week'
    this.followsToday = true
    this.anchor = startOf('week', this.today())
    this.#seq++
    this.#adjSeq++
    this.#gapSeq++
  }
}

export const oncall = new OnCallStore()
