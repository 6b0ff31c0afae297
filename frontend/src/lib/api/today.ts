// The manager's day on one screen (Go: app/today_api.go, backend/today).
import * as T from '$wails/go/app/TodayAPI'
import { arr, callRaw, num, obj, str, strOr, type Raw } from './decode'
import { rotationNowOf, type TeamRotationNow, type TeamTurn } from './oncall'
import { cadenceStatusOf, type CadenceStatus, type HealthFlag } from './oneonones'
import type { Priority } from './types'

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

/** A stretch of one person's on-call time, or a gap (the Teams screen shows the same). */
export type OnCallTurn = TeamTurn

/** One layer (rotation) of a schedule with who holds it now and next. */
export type TodayLayer = TeamRotationNow

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

/** One person's paging of the last 7 days worth a look (imported pages). */
export interface TodayPaging {
  personId: string
  name: string
  pages: number
  sleep: number
  /** "Dana: 3 sleep-hour pages in the last 7 days." */
  text: string
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
  /** Imported paging history, last 7 days (not_set_up: nothing imported). */
  paging: TodaySection & { items: TodayPaging[] }
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

function followUpOf(r: Raw): TodayFollowUp {
  const src = obj(r.source)
  return {
    id: str(r.id),
    title: str(r.title),
    ownerId: str(r.ownerId),
    owner: str(r.owner),
    ownerRemoved: r.ownerRemoved === true,
    dueDate: str(r.dueDate),
    priority: strOr<Priority>(r.priority, 'medium'),
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
  const pg = obj(r.paging)
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
      schedules: arr(oc.schedules).map((s) => ({
        name: str(s.name),
        requirement: str(s.requirement),
        covered: s.covered === true,
        layers: arr(s.layers).map(rotationNowOf),
      })),
    },
    incidents: {
      ...headOf(inc),
      items: arr(inc.items).map((x) => ({
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
      overdue: arr(fu.overdue).map(followUpOf),
      dueSoon: arr(fu.dueSoon).map(followUpOf),
      overdueCount: Number(fu.overdueCount ?? arr(fu.overdue).length),
      dueSoonCount: Number(fu.dueSoonCount ?? arr(fu.dueSoon).length),
    },
    oneOnOnes: { ...headOf(oo), cadences: num(oo.cadences), items: arr(oo.items).map(cadenceStatusOf) },
    reviews: {
      ...headOf(rv),
      items: arr(rv.items).map((x) => ({
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
      items: arr(h.items).map((x) => ({
        personId: str(x.personId),
        name: str(x.name),
        role: str(x.role),
        flags: arr(x.flags).map((f) => ({ kind: str(f.kind), text: str(f.text) })),
      })),
    },
    paging: {
      ...headOf(pg),
      items: arr(pg.items).map((x) => ({
        personId: str(x.personId),
        name: str(x.name),
        pages: num(x.pages),
        sleep: num(x.sleep),
        text: str(x.text),
      })),
    },
    timeOff: {
      ...headOf(to),
      items: arr(to.items).map((x) => ({
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
      items: arr(g.items).map((x) => ({
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
  return dayOf(await callRaw(() => T.Today()))
}
