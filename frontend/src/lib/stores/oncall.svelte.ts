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
  /** The rotation being edited: null = closed, '' = a new one. */
  editing = $state<string | null>(null)

  from = $derived(startOf(this.span, this.anchor))
  to = $derived(endOf(this.span, this.from))
  byId = $derived(new Map(this.rotations.map((r) => [r.id, r])))
  #seq = 0

  async load(): Promise<void> {
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

  async loadAdjustments(): Promise<void> {
    try {
      const [overrides, swaps] = await Promise.all([loadOverrides(''), loadSwapViews('')])
      this.overrides = overrides
      this.swaps = swaps
      this.adjustmentsError = null
    } catch (e) {
      this.adjustmentsError = e as ApiError
    }
  }

  async loadGaps(): Promise<void> {
    const now = new Date()
    try {
      this.gaps = await loadCoverage({ from: now.toISOString(), to: new Date(now.getTime() + 90 * DAY).toISOString() })
      this.gapsError = null
    } catch (e) {
      this.gapsError = e as ApiError
    }
  }

  move(step: -1 | 0 | 1): void {
    if (step === 0) this.anchor = startOf(this.span, new Date())
    else if (this.span === 'week') this.anchor = new Date(this.from.getFullYear(), this.from.getMonth(), this.from.getDate() + 7 * step)
    else this.anchor = new Date(this.from.getFullYear(), this.from.getMonth() + step, 1)
    this.load()
  }

  setSpan(span: Span): void {
    this.span = span
    this.anchor = startOf(span, this.anchor)
    this.load()
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
  }
}

export const oncall = new OnCallStore()
