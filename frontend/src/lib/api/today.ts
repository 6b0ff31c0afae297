// The manager's day on one screen (Go: app/today_api.go, backend/today).
import * as T from '$wails/go/app/TodayAPI'
import { call } from './call'
import { cadenceStatusOf, type CadenceStatus, type HealthFlag } from './oneonones'
import type { Priority } from './types'

type Raw = Record<string, unknown>

function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}
function arr<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : []
}
function obj(v: unknown): Raw {
  return typeof v === 'object' && v !== null ? (v as Raw) : {}
}

/**
 * What a section has to show: items; clear (the data is there, nothing needs
 * attention); not_set_up (nothing to judge: never read as "all good").
 */
export type TodayState = 'items' | 'clear' | 'not_set_up'

export interface TodaySection {
  state: TodayState
  /** Why it is clear or not set up, in words ('' when there are items). */
  note: string
  count: number
}

export interface OnCallTurn {
  personId: string // '' for a gap
  name: string // '' for a gap
  timezone: string // the person's zone
  start: string // RFC 3339
  end: string
  reason: string
  gap: boolean
  unavailable: boolean
  replaced: string // who the rotation order scheduled, when someone else holds it
}

export interface TodayLayer {
  rotationId: string
  rotation: string
  layer: number
  timezone: string
  now: OnCallTurn | null // null: the layer covers no time now
  next: OnCallTurn | null
}

export interface TodaySchedule {
  name: string
  requirement: string // 24x7 | business_hours | none
  layers: TodayLayer[]
  covered: boolean
}

export interface TodayIncident {
  id: string
  title: string
  severity: number
  severityLabel: string
  status: string
  startedAt: string
  commanderId: string
  commander: string
  escalated: boolean
}

export interface TodayFollowUp {
  id: string
  title: string
  ownerId: string
  owner: string
  ownerRemoved: boolean
  dueDate: string
  priority: Priority
  status: string
  sourceKind: string
  sourceId: string
  sourceLabel: string
  daysOverdue: number
}

export interface TodayReview {
  incidentId: string
  title: string
  severity: number
  severityLabel: string
  dueDate: string
  daysOverdue: number
  state: string
  commanderId: string
  commander: string
}

export interface TodayFlagged {
  personId: string
  name: string
  role: string
  flags: HealthFlag[]
}

export interface TodayAway {
  timeOffId: string
  personId: string
  name: string
  timezone: string
  kind: string // vacation, sick, holiday, other, or public_holiday
  startDate: string // whole days (inclusive), else ''
  endDate: string
  start: string // an entry given as instants, else ''
  end: string
  holiday: string
  regionId: string
  region: string
  people: string[]
  now: boolean
}

export interface TodayGap {
  schedule: string
  rotationIds: string[]
  requirement: string
  start: string
  end: string
  unstaffed: boolean
  reason: string
}

export interface Day {
  now: string
  today: string
  /** The manager's IANA zone. */
  zone: string
  weekEnd: string
  timeOffEnd: string
  oncall: TodaySection & { schedules: TodaySchedule[]; uncovered: number }
  incidents: TodaySection & { items: TodayIncident[] }
  /** overdue and dueSoon hold the first few; the counts count all. */
  followUps: TodaySection & { overdue: TodayFollowUp[]; dueSoon: TodayFollowUp[]; overdueCount: number; dueSoonCount: number; open: number }
  oneOnOnes: TodaySection & { items: CadenceStatus[]; cadences: number }
  reviews: TodaySection & { items: TodayReview[] }
  health: TodaySection & { items: TodayFlagged[]; unjudged: string[] }
  timeOff: TodaySection & { items: TodayAway[] }
  gaps: TodaySection & { items: TodayGap[] }
}

function headOf(r: Raw): TodaySection {
  const s = str(r.state)
  return {
    state: s === 'items' || s === 'clear' ? s : 'not_set_up',
    note: str(r.note),
    count: num(r.count),
  }
}

function turnOf(v: unknown): OnCallTurn | null {
  if (!v || typeof v !== 'object') return null
  const r = v as Raw
  return {
    personId: str(r.personId),
    name: str(r.name),
    timezone: str(r.timezone),
    start: str(r.start),
    end: str(r.end),
    reason: str(r.reason),
    gap: r.gap === true,
    unavailable: r.unavailable === true,
    replaced: str(r.replaced),
  }
}

function followUpOf(r: Raw): TodayFollowUp {
  const src = obj(r.source)
  return {
    id: str(r.id),
    title: str(r.title),
    ownerId: str(r.ownerId),
    owner: str(r.owner),
    ownerRemoved: r.ownerRemoved === true,
    dueDate: str(r.dueDate),
    priority: (str(r.priority) || 'medium') as Priority,
    status: str(r.status),
    sourceKind: str(src.kind),
    sourceId: str(src.id),
    sourceLabel: str(src.label),
    daysOverdue: num(r.daysOverdue),
  }
}

export function dayOf(r: Raw): Day {
  const oc = obj(r.oncall)
  const inc = obj(r.incidents)
  const fu = obj(r.followUps)
  const oo = obj(r.oneOnOnes)
  const rv = obj(r.reviews)
  const h = obj(r.health)
  const to = obj(r.timeOff)
  const g = obj(r.gaps)
  return {
    now: str(r.now),
    today: str(r.today),
    zone: str(r.zone),
    weekEnd: str(r.weekEnd),
    timeOffEnd: str(r.timeOffEnd),
    oncall: {
      ...headOf(oc),
      uncovered: num(oc.uncovered),
      schedules: arr<Raw>(oc.schedules).map((s) => ({
        name: str(s.name),
        requirement: str(s.requirement),
        covered: s.covered === true,
        layers: arr<Raw>(s.layers).map((l) => ({
          rotationId: str(l.rotationId),
          rotation: str(l.rotation),
          layer: num(l.layer) || 1,
          timezone: str(l.timezone),
          now: turnOf(l.now),
          next: turnOf(l.next),
        })),
      })),
    },
    incidents: {
      ...headOf(inc),
      items: arr<Raw>(inc.items).map((x) => ({
        id: str(x.id),
        title: str(x.title),
        severity: num(x.severity),
        severityLabel: str(x.severityLabel),
        status: str(x.status),
        startedAt: str(x.startedAt),
        commanderId: str(x.commanderId),
        commander: str(x.commander),
        escalated: x.escalated === true,
      })),
    },
    followUps: {
      ...headOf(fu),
      open: num(fu.open),
      overdue: arr<Raw>(fu.overdue).map(followUpOf),
      dueSoon: arr<Raw>(fu.dueSoon).map(followUpOf),
      overdueCount: Number(fu.overdueCount ?? arr<Raw>(fu.overdue).length),
      dueSoonCount: Number(fu.dueSoonCount ?? arr<Raw>(fu.dueSoon).length),
    },
    oneOnOnes: { ...headOf(oo), cadences: num(oo.cadences), items: arr<Raw>(oo.items).map(cadenceStatusOf) },
    reviews: {
      ...headOf(rv),
      items: arr<Raw>(rv.items).map((x) => ({
        incidentId: str(x.incidentId),
        title: str(x.title),
        severity: num(x.severity),
        severityLabel: str(x.severityLabel),
        dueDate: str(x.dueDate),
        daysOverdue: num(x.daysOverdue),
        state: str(x.state),
        commanderId: str(x.commanderId),
        commander: str(x.commander),
      })),
    },
    health: {
      ...headOf(h),
      unjudged: arr<string>(h.unjudged),
      items: arr<Raw>(h.items).map((x) => ({
        personId: str(x.personId),
        name: str(x.name),
        role: str(x.role),
        flags: arr<Raw>(x.flags).map((f) => ({ kind: str(f.kind), text: str(f.text) })),
      })),
    },
    timeOff: {
      ...headOf(to),
      items: arr<Raw>(to.items).map((x) => ({
        timeOffId: str(x.timeOffId),
        personId: str(x.personId),
        name: str(x.name),
        timezone: str(x.timezone),
        kind: str(x.kind),
        startDate: str(x.startDate),
        endDate: str(x.endDate),
        start: str(x.start),
        end: str(x.end),
        holiday: str(x.holiday),
        regionId: str(x.regionId),
        region: str(x.region),
        people: arr<string>(x.people),
        now: x.now === true,
      })),
    },
    gaps: {
      ...headOf(g),
      items: arr<Raw>(g.items).map((x) => ({
        schedule: str(x.schedule),
        rotationIds: arr<string>(x.rotationIds),
        requirement: str(x.requirement),
        start: str(x.start),
        end: str(x.end),
        unstaffed: x.unstaffed === true,
        reason: str(x.reason),
      })),
    },
  }
}

/** The manager's day now (in their zone). */
export async function loadToday(): Promise<Day> {
  return dayOf((await call(() => T.Today())) as unknown as Raw)
}
