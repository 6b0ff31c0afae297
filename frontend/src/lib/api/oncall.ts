import * as OnCall from '$wails/go/app/OnCallAPI'
import { app as wapp, oncall as wo } from '$wails/go/models'
import { call } from './call'
import { arr, callList, callRaw, num, obj, objOrNull, str, strOr, type Raw } from './decode'

export type ShiftUnit = 'hours' | 'days' | 'weeks'
export type Coverage = '24x7' | 'business_hours' | 'none'
export type ShiftReason = 'scheduled' | 'replacement' | 'payback' | 'override' | 'swap' | 'gap'
export type TimeOffKind = 'vacation' | 'sick' | 'holiday' | 'other'

/** A window of instants (RFC 3339). */
export interface OnCallWindow {
  from: string
  to: string
}

export interface Restriction {
  weekdays: string[]
  start: string
  end: string
}

export interface Rotation {
  id: string
  name: string
  /** The team (roster) the rotation belongs to: its rotations are the layers of its schedule. '' = no team. */
  teamId: string
  /** The free-text schedule of rotations made before they belonged to teams ('' for new ones). */
  scheduleName: string
  layer: number
  timezone: string
  participants: string[]
  shiftLength: { n: number; unit: ShiftUnit }
  handoffTime: string
  startDate: string
  restriction?: Restriction
  requiredCoverage: Coverage
  payback: boolean
  notifyHandoffs: boolean
  colors: Record<string, string>
  description: string
}

export interface Shift {
  rotationId: string
  slot: number
  piece: number
  start: string
  end: string
  personId: string
  reason: ShiftReason
  replacedPersonId: string
  gap: boolean
  unavailable: boolean
  notes: string
}

export interface CoverageGap {
  schedule: string
  teamId: string // '' when the schedule is no team's
  rotationIds: string[]
  requirement: string
  start: string
  end: string
  unstaffed: boolean
  reason: string
}

export interface TimeOff {
  id: string
  personId: string
  kind: TimeOffKind
  startDate: string
  endDate: string
  start: string
  end: string
  note: string
  source: string
}

export interface TimeOffInput {
  id?: string
  personId: string
  kind: TimeOffKind
  startDate: string
  endDate: string
  note: string
}

export interface Holiday {
  date: string
  name: string
}

export interface Region {
  id: string
  name: string
  memberIds: string[]
  holidays: Holiday[]
}

export interface Override {
  id: string
  rotationId: string
  personId: string
  start: string
  end: string
  note: string
}

export interface Swap {
  id: string
  rotationId: string
  slotA: number
  slotB: number
  note: string
}

export interface Saved<T> {
  item: T
  warnings: string[]
}

export interface FairnessRow {
  personId: string
  name: string
  shifts: number
  overrides: number
  hours: number
  weekendHours: number
  holidayHours: number
  nightHours: number
  weeksOnCall: number
  weeks: number
  frequency: number
  tooFrequent: boolean
  /** Hours well above the others' median. */
  heavier: boolean
  /** Longest time on call without a break, in hours; longStretch when longer than a turn. */
  longestStretch: number
  longStretch: boolean
  owes: number
  owed: number
  paidBack: number
  /** Hours they were the first a page reaches (their team's final schedule). */
  firstHours: number
  /** Imported pages in the window (0 without paging history: see pagingImported). */
  pages: number
  sleepPages: number
  pagesPerOnCallDay: number
}

export interface FairnessReport {
  from: string
  to: string
  rows: FairnessRow[]
  warnings: string[]
  /** Paging history exists: the paging columns mean something. */
  pagingImported: boolean
}

export function rotationOf(r: Raw): Rotation {
  const len = obj(r.shiftLength)
  const res = r.restriction as Raw | undefined
  return {
    id: str(r.id),
    name: str(r.name),
    teamId: str(r.teamId),
    scheduleName: str(r.scheduleName),
    layer: num(r.layer) || 1,
    timezone: str(r.timezone),
    participants: arr<string>(r.participants),
    shiftLength: { n: num(len.n), unit: strOr<ShiftUnit>(len.unit, 'weeks') },
    handoffTime: str(r.handoffTime),
    startDate: str(r.startDate),
    restriction: res ? { weekdays: arr<string>(res.weekdays), start: str(res.start), end: str(res.end) } : undefined,
    requiredCoverage: strOr<Coverage>(r.requiredCoverage, 'none'),
    payback: r.payback === true,
    notifyHandoffs: r.notifyHandoffs === true,
    colors: (r.colors ?? {}) as Record<string, string>,
    description: str(r.description),
  }
}

export function shiftOf(r: Raw): Shift {
  return {
    rotationId: str(r.rotationId),
    slot: num(r.slot),
    piece: num(r.piece),
    start: str(r.start),
    end: str(r.end),
    personId: str(r.personId),
    reason: strOr<ShiftReason>(r.reason, 'scheduled'),
    replacedPersonId: str(r.replacedPersonId),
    gap: r.gap === true || str(r.reason) === 'gap',
    unavailable: r.unavailable === true,
    notes: str(r.notes),
  }
}

function timeOffOf(r: Raw): TimeOff {
  return {
    id: str(r.id),
    personId: str(r.personId),
    kind: strOr<TimeOffKind>(r.kind, 'vacation'),
    startDate: str(r.startDate),
    endDate: str(r.endDate),
    start: str(r.start),
    end: str(r.end),
    note: str(r.note),
    source: str(r.source),
  }
}

function regionOf(r: Raw): Region {
  return {
    id: str(r.id),
    name: str(r.name),
    memberIds: arr<string>(r.memberIds),
    holidays: arr(r.holidays).map((h) => ({ date: str(h.date), name: str(h.name) })),
  }
}

function overrideOf(r: Raw): Override {
  return {
    id: str(r.id),
    rotationId: str(r.rotationId),
    personId: str(r.personId),
    start: str(r.start),
    end: str(r.end),
    note: str(r.note),
  }
}

function swapOf(r: Raw): Swap {
  return { id: str(r.id), rotationId: str(r.rotationId), slotA: num(r.slotA), slotB: num(r.slotB), note: str(r.note) }
}

function win(w: OnCallWindow) {
  return wapp.Window.createFrom({ from: w.from, to: w.to })
}

/** The body sent for a rotation: empty times and an unused restriction are omitted. */
function rotationBody(r: Rotation): wo.Rotation {
  const body: Raw = {
    name: r.name,
    layer: r.layer,
    timezone: r.timezone,
    participants: r.participants,
    shiftLength: { n: r.shiftLength.n, unit: r.shiftLength.unit },
    requiredCoverage: r.requiredCoverage,
    payback: r.payback,
    notifyHandoffs: r.notifyHandoffs,
  }
  if (r.id) body.id = r.id
  // A team replaces the old schedule name (the backend clears it too).
  if (r.teamId) body.teamId = r.teamId
  else if (r.scheduleName.trim()) body.scheduleName = r.scheduleName.trim()
  if (r.handoffTime) body.handoffTime = r.handoffTime
  if (r.startDate) body.startDate = r.startDate
  if (r.description) body.description = r.description
  if (Object.keys(r.colors).length) body.colors = r.colors
  if (r.restriction) {
    const x: Raw = { weekdays: r.restriction.weekdays }
    if (r.restriction.start) x.start = r.restriction.start
    if (r.restriction.end) x.end = r.restriction.end
    body.restriction = x
  }
  return wo.Rotation.createFrom(body)
}

export async function loadRotations(): Promise<Rotation[]> {
  return (await callList(() => OnCall.Rotations())).map(rotationOf)
}

export async function saveRotation(r: Rotation): Promise<Rotation> {
  return rotationOf(await callRaw(() => OnCall.SaveRotation(rotationBody(r))))
}

export async function deleteRotation(id: string): Promise<void> {
  await call(() => OnCall.DeleteRotation(id))
}

/** The shifts an unsaved rotation would give (field errors as an ApiError). */
export async function previewRotation(r: Rotation, w: OnCallWindow): Promise<Shift[]> {
  return (await callList(() => OnCall.Preview(rotationBody(r), win(w)))).map(shiftOf)
}

/** Shifts of one rotation ('' = all) in a window. */
export async function loadShifts(rotationId: string, w: OnCallWindow): Promise<Shift[]> {
  return (await callList(() => OnCall.Shifts(rotationId, win(w)))).map(shiftOf)
}

/** A piece of a team's final schedule: who a page reaches first, from which rotation (layer), or a gap (decision 0015). */
export interface FinalShift {
  start: string
  end: string
  rotationId: string // '' for a gap
  rotation: string
  layer: number // 0 for a gap
  slot: number
  personId: string // '' for a gap
  reason: ShiftReason
  replacedPersonId: string
  unavailable: boolean
  gap: boolean
  unstaffed: boolean // a gap where a rotation has a turn nobody is available for
}

export function finalShiftOf(x: Raw): FinalShift {
  return {
    start: str(x.start),
    end: str(x.end),
    rotationId: str(x.rotationId),
    rotation: str(x.rotation),
    layer: num(x.layer),
    slot: num(x.slot),
    personId: str(x.personId),
    reason: str(x.reason) as ShiftReason,
    replacedPersonId: str(x.replacedPersonId),
    unavailable: x.unavailable === true,
    gap: x.gap === true,
    unstaffed: x.unstaffed === true,
  }
}

/** A team's final schedule in the window. */
export async function loadFinal(teamId: string, w: OnCallWindow): Promise<FinalShift[]> {
  return (await callList(() => OnCall.Final(teamId, win(w)))).map(finalShiftOf)
}

export async function loadCoverage(w: OnCallWindow): Promise<CoverageGap[]> {
  return (await callList(() => OnCall.Coverage(win(w)))).map((g) => ({
    schedule: str(g.schedule),
    teamId: str(g.teamId),
    rotationIds: arr<string>(g.rotationIds),
    requirement: str(g.requirement),
    start: str(g.start),
    end: str(g.end),
    unstaffed: g.unstaffed === true,
    reason: str(g.reason),
  }))
}

export type ScheduleWarningKind = 'back_to_back' | 'too_frequent' | 'fairness_spread'

/** Something about the schedule worth a look (decision 0013), listed with the coverage gaps. */
export interface ScheduleWarning {
  kind: ScheduleWarningKind
  rotationId: string // '' for too_frequent (across rotations)
  personId: string
  slot: number // back_to_back: the second of the two turns; -1 otherwise
  start: string
  end: string
  message: string
}

export async function loadScheduleWarnings(w: OnCallWindow): Promise<ScheduleWarning[]> {
  return (await callList(() => OnCall.Warnings(win(w)))).map((x) => ({
    kind: strOr<ScheduleWarningKind>(x.kind, 'back_to_back'),
    rotationId: str(x.rotationId),
    personId: str(x.personId),
    slot: typeof x.slot === 'number' ? x.slot : -1,
    start: str(x.start),
    end: str(x.end),
    message: str(x.message),
  }))
}

export async function loadFairness(w: OnCallWindow): Promise<FairnessReport> {
  const r = await callRaw(() => OnCall.Fairness(win(w)))
  return {
    from: str(r.from),
    to: str(r.to),
    warnings: arr<string>(r.warnings),
    pagingImported: r.pagingImported === true,
    rows: arr(r.rows).map((x) => ({
      personId: str(x.personId),
      name: str(x.name),
      shifts: num(x.shifts),
      overrides: num(x.overrides),
      hours: num(x.hours),
      weekendHours: num(x.weekendHours),
      holidayHours: num(x.holidayHours),
      nightHours: num(x.nightHours),
      weeksOnCall: num(x.weeksOnCall),
      weeks: num(x.weeks),
      frequency: num(x.frequency),
      tooFrequent: x.tooFrequent === true,
      heavier: x.heavier === true,
      longestStretch: num(x.longestStretch),
      longStretch: x.longStretch === true,
      owes: num(x.owes),
      owed: num(x.owed),
      paidBack: num(x.paidBack),
      firstHours: num(x.firstHours),
      pages: num(x.pages),
      sleepPages: num(x.sleepPages),
      pagesPerOnCallDay: num(x.pagesPerOnCallDay),
    })),
  }
}

/** Time off of one person ('' = everyone); an empty window means all of it. */
export async function loadTimeOff(personId = '', w: OnCallWindow = { from: '', to: '' }): Promise<TimeOff[]> {
  return (await callList(() => OnCall.TimeOff(personId, win(w)))).map(timeOffOf)
}

export async function saveTimeOff(t: TimeOffInput): Promise<Saved<TimeOff>> {
  const body: Raw = { personId: t.personId, kind: t.kind }
  if (t.id) body.id = t.id
  if (t.startDate) body.startDate = t.startDate
  if (t.endDate) body.endDate = t.endDate
  if (t.note) body.note = t.note
  const r = await callRaw(() => OnCall.SaveTimeOff(wo.TimeOff.createFrom(body)))
  return { item: timeOffOf(obj(r.item)), warnings: arr<string>(r.warnings) }
}

export async function deleteTimeOff(id: string): Promise<void> {
  await call(() => OnCall.DeleteTimeOff(id))
}

export async function loadRegions(): Promise<Region[]> {
  return (await callList(() => OnCall.Regions())).map(regionOf)
}

export async function saveRegion(r: Region): Promise<Region> {
  const body: Raw = { name: r.name, memberIds: r.memberIds, holidays: r.holidays }
  if (r.id) body.id = r.id
  return regionOf(await callRaw(() => OnCall.SaveRegion(wo.Region.createFrom(body))))
}

export async function deleteRegion(id: string): Promise<void> {
  await call(() => OnCall.DeleteRegion(id))
}

export async function loadOverrides(rotationId: string): Promise<Override[]> {
  return (await callList(() => OnCall.Overrides(rotationId))).map(overrideOf)
}

export async function saveOverride(o: Omit<Override, 'id'> & { id?: string }): Promise<Saved<Override>> {
  const body: Raw = { rotationId: o.rotationId, personId: o.personId }
  if (o.id) body.id = o.id
  if (o.start) body.start = o.start
  if (o.end) body.end = o.end
  if (o.note) body.note = o.note
  const r = await callRaw(() => OnCall.SaveOverride(wo.Override.createFrom(body)))
  return { item: overrideOf(obj(r.item)), warnings: arr<string>(r.warnings) }
}

export async function deleteOverride(id: string): Promise<void> {
  await call(() => OnCall.DeleteOverride(id))
}

export async function loadSwaps(rotationId: string): Promise<Swap[]> {
  return (await callList(() => OnCall.Swaps(rotationId))).map(swapOf)
}

export interface SwapView extends Swap {
  startA: string
  endA: string
  startB: string
  endB: string
  /** Who holds turn A (B) with the swap in place ('' = nobody). */
  personA: string
  personB: string
}

/** Swaps with both turns' times and holders, of one rotation ('' = all), earliest first. */
export async function loadSwapViews(rotationId = ''): Promise<SwapView[]> {
  return (await callList(() => OnCall.SwapViews(rotationId))).map(swapViewOf)
}

function swapViewOf(r: Raw): SwapView {
  return {
    ...swapOf(r),
    startA: str(r.startA),
    endA: str(r.endA),
    startB: str(r.startB),
    endB: str(r.endB),
    personA: str(r.personA),
    personB: str(r.personB),
  }
}

/** The overrides and swaps the schedule lists: not over before `since`, and how many ended before it per rotation. */
export interface Adjustments {
  overrides: Override[]
  swaps: SwapView[]
  /** Overrides and swaps over before `since`, by rotation id. */
  older: Record<string, number>
}

export async function loadAdjustments(since: Date): Promise<Adjustments> {
  const r = await callRaw(() => OnCall.Adjustments(since.toISOString()))
  const older: Record<string, number> = {}
  for (const [k, v] of Object.entries(obj(r.older))) older[k] = num(v)
  return { overrides: arr<Raw>(r.overrides).map(overrideOf), swaps: arr<Raw>(r.swaps).map(swapViewOf), older }
}

export async function saveSwap(s: { rotationId: string; slotA: number; slotB: number; note?: string }): Promise<Saved<Swap>> {
  const body: Raw = { rotationId: s.rotationId, slotA: s.slotA, slotB: s.slotB }
  if (s.note) body.note = s.note
  const r = await callRaw(() => OnCall.SaveSwap(wo.Swap.createFrom(body)))
  return { item: swapOf(obj(r.item)), warnings: arr<string>(r.warnings) }
}

export async function deleteSwap(id: string): Promise<void> {
  await call(() => OnCall.DeleteSwap(id))
}

export type CompensationMode = 'none' | 'pay' | 'time_off'
/** Whose hours are paid on a schedule of several layers: the layer a page reaches first, or everyone on call in any layer. */
export type CompensationLayers = 'final' | 'every'

/** Rates and stipends of one policy (the default, or a region's own). */
export interface PayRates {
  weekdayRate: number
  weekendRate: number
  /** Per holiday hour; 0: the weekday or weekend rate of the day. */
  holidayRate: number
  /** Multiplies holiday hours' pay and a holiday's day stipend (1-10). */
  holidayMultiplier: number
  turnStipend: number
  dayStipend: number
  /** Per seven on-call days. */
  weekStipend: number
}

/** A holiday region's own policy: replaces the default as a whole. */
export interface RegionPay extends PayRates {
  regionId: string
  currency: string
}

export interface CompensationSettings extends PayRates {
  mode: CompensationMode
  layers: CompensationLayers
  currency: string
  timeOffRatio: number
  regions: RegionPay[]
}

export interface OnCallSettings {
  compensation: CompensationSettings
  notifyPersonIds: string[]
  gapWarningDays: number
  /** Warn when a rotation's max/min weighted hours over 90 days exceed this (1.1-10, default 2). */
  fairnessSpreadLimit: number
  /** Paging health: pages per on-call day above this are flagged (0.25-50, default 2). */
  pagesPerDayLimit: number
}

export interface CompensationRow {
  personId: string
  name: string
  /** Holiday region ('' when none); regionRates: its own policy applies. */
  region: string
  regionRates: boolean
  currency: string
  weekdayHours: number
  weekendHours: number
  holidayHours: number
  totalHours: number
  /** Hours held on two schedules at once, paid once (not in totalHours). */
  overlapHours: number
  turns: number
  days: number
  holidayDays: number
  hourlyPay: number
  stipends: number
  amount: number
  timeOffHours: number
  /** How the row adds up, line by line. */
  lines: string[]
}

export interface CompensationReport {
  month: string
  mode: CompensationMode
  layers: CompensationLayers
  currency: string
  rows: CompensationRow[]
  /** The sum when every row has one currency (else 0: see totals). */
  total: number
  totals: { currency: string; amount: number }[]
}

function ratesOf(c: Raw): PayRates {
  return {
    weekdayRate: num(c.weekdayRate),
    weekendRate: num(c.weekendRate),
    holidayRate: num(c.holidayRate),
    holidayMultiplier: num(c.holidayMultiplier) || 1,
    turnStipend: num(c.turnStipend),
    dayStipend: num(c.dayStipend),
    weekStipend: num(c.weekStipend),
  }
}

function settingsOf(r: Raw): OnCallSettings {
  const c = obj(r.compensation)
  return {
    compensation: {
      mode: strOr<CompensationMode>(c.mode, 'none'),
      layers: c.layers === 'every' ? 'every' : 'final',
      currency: str(c.currency),
      timeOffRatio: num(c.timeOffRatio),
      ...ratesOf(c),
      regions: arr(c.regions).map((x) => ({ regionId: str(x.regionId), currency: str(x.currency), ...ratesOf(x) })),
    },
    notifyPersonIds: arr<string>(r.notifyPersonIds),
    gapWarningDays: num(r.gapWarningDays),
    fairnessSpreadLimit: num(r.fairnessSpreadLimit) || 2,
    pagesPerDayLimit: num(r.pagesPerDayLimit) || 2,
  }
}

export async function loadOnCallSettings(): Promise<OnCallSettings> {
  return settingsOf(await callRaw(() => OnCall.Settings()))
}

export async function saveOnCallSettings(s: OnCallSettings): Promise<OnCallSettings> {
  const c: Raw = { ...s.compensation }
  if (!s.compensation.currency) delete c.currency
  const body = {
    compensation: c,
    notifyPersonIds: s.notifyPersonIds,
    gapWarningDays: s.gapWarningDays,
    fairnessSpreadLimit: s.fairnessSpreadLimit,
    pagesPerDayLimit: s.pagesPerDayLimit,
  }
  return settingsOf(await callRaw(() => OnCall.SaveSettings(wo.Settings.createFrom(body))))
}

/** The compensation report of a month ("2026-11"). */
export async function loadCompensation(month: string): Promise<CompensationReport> {
  const r = await callRaw(() => OnCall.Compensation(month))
  return {
    month: str(r.month),
    mode: strOr<CompensationMode>(r.mode, 'none'),
    layers: r.layers === 'every' ? 'every' : 'final',
    currency: str(r.currency),
    total: num(r.total),
    totals: arr(r.totals).map((t) => ({ currency: str(t.currency), amount: num(t.amount) })),
    rows: arr(r.rows).map((x) => ({
      personId: str(x.personId),
      name: str(x.name),
      region: str(x.region),
      regionRates: !!x.regionRates,
      currency: str(x.currency),
      weekdayHours: num(x.weekdayHours),
      weekendHours: num(x.weekendHours),
      holidayHours: num(x.holidayHours),
      totalHours: num(x.totalHours),
      overlapHours: num(x.overlapHours),
      turns: num(x.turns),
      days: num(x.days),
      holidayDays: num(x.holidayDays),
      hourlyPay: num(x.hourlyPay),
      stipends: num(x.stipends),
      amount: num(x.amount),
      timeOffHours: num(x.timeOffHours),
      lines: arr<string>(x.lines),
    })),
  }
}

export async function compensationCSV(month: string): Promise<string> {
  return (await call(() => OnCall.CompensationCSV(month))) ?? ''
}

/** Asks where to save (native dialog) and writes the month's CSV; path '' = cancelled. */
export async function saveCompensationCSV(month: string): Promise<{ name: string; path: string }> {
  const r = await callRaw(() => OnCall.SaveCompensationCSV(month))
  return { name: str(r.name), path: str(r.path) }
}

/** A stretch of one person's on-call time, or a gap (same shape as the Today screen's). */
export interface TeamTurn {
  personId: string // '' for a gap
  name: string // '' for a gap
  timezone: string // the person's zone
  start: string // RFC 3339
  end: string
  reason: string
  gap: boolean
  unavailable: boolean
  replaced: string // who the rotation order scheduled, when someone else holds it
  rotation?: string // the rotation (layer) a turn of a team's final schedule comes from
}

/** One rotation of a team with who holds it now and next. */
export interface TeamRotationNow {
  rotationId: string
  rotation: string
  layer: number
  timezone: string
  now: TeamTurn | null // null: the rotation covers no time now
  next: TeamTurn | null
}

/** Who is on call for a team: who a page reaches now and next (its final schedule), and each rotation that belongs to it, primary first. */
export interface TeamOnCall {
  teamId: string
  team: string
  now?: TeamTurn | null // null: before the team's first handoff
  next?: TeamTurn | null
  rotations: TeamRotationNow[]
}

function turnOf(v: unknown): TeamTurn | null {
  const t = objOrNull(v)
  if (!t) return null
  return {
    personId: str(t.personId),
    name: str(t.name),
    timezone: str(t.timezone),
    start: str(t.start),
    end: str(t.end),
    reason: str(t.reason),
    gap: t.gap === true,
    unavailable: t.unavailable === true,
    replaced: str(t.replaced),
    rotation: str(t.rotation),
  }
}

/** A rotation (a layer of a schedule) with who holds it now and next (also the Today screen's). */
export function rotationNowOf(r: Raw): TeamRotationNow {
  return {
    rotationId: str(r.rotationId),
    rotation: str(r.rotation),
    layer: num(r.layer) || 1,
    timezone: str(r.timezone),
    now: turnOf(r.now),
    next: turnOf(r.next),
  }
}

/** Who is on call now and next for every team that rotations belong to. */
export async function loadTeamsOnCall(): Promise<TeamOnCall[]> {
  return (await callList(() => OnCall.TeamsOnCall())).map((t) => ({
    teamId: str(t.teamId),
    team: str(t.team),
    now: turnOf(t.now),
    next: turnOf(t.next),
    rotations: arr(t.rotations).map(rotationNowOf),
  }))
}
