// On-call health (issue 11 part 5, decisions 0014 and 0021): what the
// imported paging history cost people, rotations and teams in a window.
import * as OnCall from '$wails/go/app/OnCallAPI'
import { app as wapp } from '$wails/go/models'
import { arr, callRaw, num, obj, str, type Raw } from './decode'
import type { OnCallWindow } from './oncall'

export interface PagingLoad {
  pages: number
  business: number
  offHours: number
  sleep: number
  shifts: number
  onCallDays: number
  pagesPerShift: number
  pagesPerOnCallDay: number
  /** Medians in seconds; null when no page had one. */
  mttaSeconds: number | null
  mttrSeconds: number | null
}

export interface WeekLoad extends PagingLoad {
  /** ISO week, "2026-W46". */
  week: string
}

export interface HealthGroup extends PagingLoad {
  id: string
  name: string
  /** People: their zone (bands are in it); '' for rotations and teams. */
  timezone: string
  weeks: WeekLoad[]
}

export interface Noise {
  name: string
  pages: number
  autoResolvedShare: number
  unackedShare: number
}

export type PagingFlagKind = 'pagesPerDay' | 'sleep' | 'mttaRising'

export interface PagingFlag {
  personId: string
  kind: PagingFlagKind
  week: string
  reason: string
}

export interface OnCallHealth {
  from: string
  to: string
  pages: number
  noResponder: number
  people: HealthGroup[]
  rotations: HealthGroup[]
  teams: HealthGroup[]
  alerts: Noise[]
  services: Noise[]
  flags: PagingFlag[]
  /** Pages stored in the workspace at all: 0 = no paging history imported. */
  stored: number
  pagesPerDayLimit: number
}

function secs(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

function loadOf(r: Raw): PagingLoad {
  return {
    pages: num(r.pages),
    business: num(r.business),
    offHours: num(r.offHours),
    sleep: num(r.sleep),
    shifts: num(r.shifts),
    onCallDays: num(r.onCallDays),
    pagesPerShift: num(r.pagesPerShift),
    pagesPerOnCallDay: num(r.pagesPerOnCallDay),
    mttaSeconds: secs(r.mttaSeconds),
    mttrSeconds: secs(r.mttrSeconds),
  }
}

function groupOf(r: Raw, idKey: string, nameKey: string): HealthGroup {
  return {
    ...loadOf(r),
    id: str(r[idKey]),
    name: str(r[nameKey]),
    timezone: str(r.timezone),
    weeks: arr(r.weeks).map((w) => ({ ...loadOf(w), week: str(w.week) })),
  }
}

function noiseOf(r: Raw): Noise {
  return { name: str(r.name), pages: num(r.pages), autoResolvedShare: num(r.autoResolvedShare), unackedShare: num(r.unackedShare) }
}

/** On-call health of a window (instants, RFC 3339). */
export async function loadOnCallHealth(w: OnCallWindow): Promise<OnCallHealth> {
  const r = await callRaw(() => OnCall.Health(wapp.Window.createFrom({ from: w.from, to: w.to })))
  const rep = obj(r.report)
  return {
    from: str(rep.from),
    to: str(rep.to),
    pages: num(rep.pages),
    noResponder: num(rep.noResponder),
    people: arr(rep.people).map((x) => groupOf(x, 'personId', 'person')),
    rotations: arr(rep.rotations).map((x) => groupOf(x, 'id', 'name')),
    teams: arr(rep.teams).map((x) => groupOf(x, 'id', 'name')),
    alerts: arr(rep.alerts).map(noiseOf),
    services: arr(rep.services).map(noiseOf),
    flags: arr(rep.flags).map((f) => ({ personId: str(f.personId), kind: str(f.kind) as PagingFlagKind, week: str(f.week), reason: str(f.reason) })),
    stored: num(r.stored),
    pagesPerDayLimit: num(r.pagesPerDayLimit) || 2,
  }
}
