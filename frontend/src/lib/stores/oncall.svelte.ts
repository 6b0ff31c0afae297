import {
  loadAdjustments,
  loadCoverage,
  loadFinal,
  loadRotations,
  loadScheduleWarnings,
  loadShifts,
  type CoverageGap,
  type FinalShift,
  type ScheduleWarning,
  type Override,
  type Rotation,
  type Shift,
  type SwapView,
} from '$lib/api'
import { Loader } from './resource.svelte'

export type OnCallTab = 'schedule' | 'timeoff' | 'fairness'
export type Span = 'week' | 'month'

const DAY = 86_400_000
/** How far back the schedule lists overrides and swaps that are over ("recent"); older ones are counted. */
export const RECENT_DAYS = 30

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

/** The schedule warnings of a window; none when they cannot be had (they only advise). */
async function warningsOf(w: { from: string; to: string }): Promise<ScheduleWarning[]> {
  try {
    return (await loadScheduleWarnings(w)) ?? []
  } catch {
    return []
  }
}

/** The final schedule (who a page reaches first) of each team with rotations, by team id; a team
 * whose final schedule cannot be had is left out (its rotations' rows still show). */
async function finalsOf(rots: Rotation[], w: { from: string; to: string }): Promise<Record<string, FinalShift[]>> {
  const teams = [...new Set(rots.map((r) => r.teamId).filter((t) => t))]
  const out: Record<string, FinalShift[]> = {}
  await Promise.all(
    teams.map(async (t) => {
      try {
        out[t] = await loadFinal(t, w)
      } catch {
        // left out
      }
    }),
  )
  return out
}

/**
 * Rotations, the shifts of the visible window and the coverage gaps of the next 90 days.
 * What the backend answers is only ever replaced whole, never changed in place
 * (editors work on copies): `$state.raw`, not a deep proxy of every shift, gap
 * and override (reading them through proxies was a good part of the On-call
 * screen's first build on the large demo).
 */
class OnCallStore extends Loader {
  rotations = $state.raw<Rotation[]>([])
  shifts = $state.raw<Shift[]>([])
  /** Each team's final schedule in the visible window, by team id. */
  finals = $state.raw<Record<string, FinalShift[]>>({})
  gaps = $state.raw<CoverageGap[]>([])
  /** Schedule warnings of the next 90 days (listed with the gaps) and of the visible window (tags on the timeline). */
  warnings = $state.raw<ScheduleWarning[]>([])
  shiftWarnings = $state.raw<ScheduleWarning[]>([])
  /** Every rotation's overrides and swaps not over RECENT_DAYS ago (upcoming and recent ones). */
  overrides = $state.raw<Override[]>([])
  swaps = $state.raw<SwapView[]>([])
  /** How many ended before that, by rotation. */
  olderAdjustments = $state.raw<Record<string, number>>({})
  // The gaps and the adjustments load on their own, beside the schedule.
  #gaps = new Loader()
  #adjustments = new Loader()
  gapsError = $derived(this.#gaps.error)
  adjustmentsError = $derived(this.#adjustments.error)

  tab = $state<OnCallTab>('schedule')
  span = $state<Span>('week')
  anchor = $state<Date>(startOf('week', new Date()))
  /** The view shows the current week or month and moves with the date (until the user pages away). */
  followsToday = $state(true)
  /** Today, for tests; the real clock otherwise. */
  today: () => Date = () => new Date()
  /** The rotation being edited: null = closed, '' = a new one. */
  editing = $state<string | null>(null)
  /** A rotation to open in the editor once On-call has loaded (the command palette found it). */
  opening = $state<string | null>(null)

  from = $derived(startOf(this.span, this.anchor))
  to = $derived(endOf(this.span, this.from))
  byId = $derived(new Map(this.rotations.map((r) => [r.id, r])))

  async load(): Promise<void> {
    // An app left open overnight: a view that follows today moves with it.
    if (this.followsToday) {
      const a = startOf(this.span, this.today())
      if (a.getTime() !== this.anchor.getTime()) this.anchor = a
    }
    const w = { from: this.from.toISOString(), to: this.to.toISOString() }
    // The gaps and the adjustments are asked for at once, beside the schedule,
    // not after its answer (and its teams' final schedules): all of it then
    // answers within a few ms and is drawn in one frame, where the page was
    // laid out twice and the second lot waited behind the first drawing.
    this.loadGaps()
    this.loadAdjustments()
    await this.run(
      // Warnings are advisory: a failure to compute them leaves the schedule standing.
      async () => {
        const [rots, shifts, warnings] = await Promise.all([loadRotations(), loadShifts('', w), warningsOf(w)])
        return [rots, shifts, warnings, await finalsOf(rots, w)] as const
      },
      ([rots, shifts, warnings, finals]) => {
        this.rotations = rots
        this.shifts = shifts
        this.shiftWarnings = warnings
        this.finals = finals
      },
    )
  }

  async loadAdjustments(): Promise<void> {
    await this.#adjustments.run(
      () => loadAdjustments(new Date(this.today().getTime() - RECENT_DAYS * DAY)),
      (a) => {
        this.overrides = a.overrides
        this.swaps = a.swaps
        this.olderAdjustments = a.older
      },
    )
  }

  async loadGaps(): Promise<void> {
    const now = this.today()
    const w = { from: now.toISOString(), to: new Date(now.getTime() + 90 * DAY).toISOString() }
    await this.#gaps.run(
      () => Promise.all([loadCoverage(w), warningsOf(w)]),
      ([gaps, warnings]) => {
        this.gaps = gaps
        this.warnings = warnings
      },
    )
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

  override reset(): void {
    super.reset()
    this.#gaps.reset()
    this.#adjustments.reset()
    this.rotations = []
    this.shifts = []
    this.finals = {}
    this.gaps = []
    this.warnings = []
    this.shiftWarnings = []
    this.overrides = []
    this.swaps = []
    this.olderAdjustments = {}
    this.editing = null
    this.opening = null
    this.tab = 'schedule'
    this.span = 'week'
    this.followsToday = true
    this.anchor = startOf('week', this.today())
  }
}

export const oncall = new OnCallStore()
