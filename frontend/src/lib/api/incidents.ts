import * as Incidents from '$wails/go/app/IncidentAPI'
import { incident as wi, followup as wfu } from '$wails/go/models'
import { call } from './call'
import { arr, callList, callRaw, dropEmpty, obj, optTime, str, strOr, type Raw } from './decode'
import { followUpOf } from './followups'
import type {
  FollowUpInput,
  Incident,
  IncidentDetail,
  IncidentFilter,
  IncidentInput,
  IncidentSettings,
  IncidentStatus,
  IncidentSummary,
  MetricsPage,
  Review,
  ReviewInput,
  Roles,
  TimelineEntry,
} from './types'

// The bridge rule (docs/decisions/0006): Go omits zero times and ids, and
// cannot read "" as a time. Incoming data is made nil-safe here; outgoing
// time fields are left out when unset.

const TIME_KEYS = ['startedAt', 'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const

export function timelineEntryOf(r: Raw): TimelineEntry {
  return {
    id: str(r.id),
    at: str(r.at),
    kind: strOr<TimelineEntry['kind']>(r.kind, 'note'),
    auto: r.auto === true,
    text: str(r.text),
    authorId: str(r.authorId),
    from: str(r.from),
    to: str(r.to),
    role: str(r.role),
    personId: str(r.personId),
    annotation: str(r.annotation),
  }
}

function review(x: Raw): Review {
  return {
    state: strOr<Review['state']>(x.state, 'not_started'),
    dueDate: str(x.dueDate),
    summary: str(x.summary),
    impact: str(x.impact),
    timeline: str(x.timeline),
    rootCause: str(x.rootCause),
    contributingFactors: arr<string>(x.contributingFactors),
    wentWell: str(x.wentWell),
    wentPoorly: str(x.wentPoorly),
    lessons: str(x.lessons),
    skipReason: str(x.skipReason),
    skippedBy: str(x.skippedBy),
    skippedAt: optTime(x.skippedAt),
    completedAt: optTime(x.completedAt),
    updatedAt: optTime(x.updatedAt),
  }
}

/** What an incident and its summary share: what, how bad, where it stands, its key times. */
function headOf(r: Raw) {
  return {
    id: str(r.id),
    title: str(r.title),
    severity: typeof r.severity === 'number' ? r.severity : 3,
    status: strOr<IncidentStatus>(r.status, 'investigating'),
    startedAt: str(r.startedAt),
    detectedAt: optTime(r.detectedAt),
    acknowledgedAt: optTime(r.acknowledgedAt),
    mitigatedAt: optTime(r.mitigatedAt),
    resolvedAt: optTime(r.resolvedAt),
    commanderId: str(r.commanderId),
    tags: arr<string>(r.tags),
    escalated: r.escalated === true,
  }
}

export function incidentOf(r: Raw): Incident {
  return {
    ...headOf(r),
    summary: str(r.summary),
    scribeId: str(r.scribeId),
    commsId: str(r.commsId),
    responderIds: arr<string>(r.responderIds),
    participants: arr(r.participants).map((p) => ({ personId: str(p.personId), joinedAt: optTime(p.joinedAt) })),
    affectedServiceIds: arr<string>(r.affectedServiceIds),
    customerImpact: str(r.customerImpact),
    timeline: arr(r.timeline).map(timelineEntryOf),
    review: review(obj(r.review)),
    createdAt: str(r.createdAt),
    updatedAt: str(r.updatedAt),
  }
}

function detail(d: unknown): IncidentDetail {
  const r = obj(d)
  return { incident: incidentOf(obj(r.incident)), followUps: arr(r.followUps).map(followUpOf) }
}

function summary(r: Raw): IncidentSummary {
  return {
    ...headOf(r),
    serviceIds: arr<string>(r.serviceIds),
    reviewState: strOr<IncidentSummary['reviewState']>(r.reviewState, 'not_started'),
    reviewDue: str(r.reviewDue),
  }
}

export async function listIncidents(filter: IncidentFilter = {}): Promise<IncidentSummary[]> {
  const f = wi.Filter.createFrom({ ...filter, serviceId: filter.serviceId ?? '' })
  return (await callList(() => Incidents.List(f))).map(summary)
}

export async function getIncident(id: string): Promise<IncidentDetail> {
  return detail(await call(() => Incidents.Get(id)))
}

export async function createIncident(input: IncidentInput): Promise<IncidentDetail> {
  const body = dropEmpty({ ...input, status: 'investigating' }, ['startedAt'])
  return detail(await call(() => Incidents.Create(wi.Incident.createFrom(body))))
}

/**
 * Saves the descriptive fields and key times. The whole incident is sent
 * (Update also replaces participants); unset times are left out.
 */
export async function updateIncident(inc: Incident): Promise<IncidentDetail> {
  const body = dropEmpty({ ...inc } as Raw, TIME_KEYS)
  delete body.timeline // ignored by Update; keeps the payload small
  return detail(await call(() => Incidents.Update(wi.Incident.createFrom(body))))
}

export async function transitionIncident(
  id: string,
  t: { to: IncidentStatus; at?: string; note?: string },
): Promise<IncidentDetail> {
  const body = dropEmpty({ to: t.to, at: t.at, note: t.note ?? '' }, ['at'])
  return detail(await call(() => Incidents.Transition(id, wi.TransitionInput.createFrom(body))))
}

export async function setIncidentSeverity(id: string, severity: number, note = ''): Promise<IncidentDetail> {
  return detail(await call(() => Incidents.SetSeverity(id, wi.SeverityInput.createFrom({ severity, note }))))
}

export async function setIncidentRoles(id: string, roles: Roles): Promise<IncidentDetail> {
  return detail(await call(() => Incidents.SetRoles(id, wi.RolesInput.createFrom({ ...roles }))))
}

/** Adds a note; at '' or undefined means now. */
export async function addTimelineNote(id: string, text: string, at?: string): Promise<IncidentDetail> {
  const body = dropEmpty({ kind: 'note', text, at }, ['at'])
  return detail(await call(() => Incidents.AddTimeline(id, wi.Entry.createFrom(body))))
}

export async function editTimelineNote(
  id: string,
  entry: { id: string; text: string; at?: string; annotation?: string },
): Promise<IncidentDetail> {
  const body = dropEmpty({ kind: 'note', ...entry }, ['at'])
  return detail(await call(() => Incidents.EditTimeline(id, wi.Entry.createFrom(body))))
}

export async function deleteTimelineEntry(id: string, entryId: string): Promise<IncidentDetail> {
  return detail(await call(() => Incidents.DeleteTimeline(id, entryId)))
}

export async function saveReview(id: string, r: ReviewInput): Promise<IncidentDetail> {
  return detail(await call(() => Incidents.SaveReview(id, wi.Review.createFrom({ ...r }))))
}

export async function skipReview(id: string, reason: string): Promise<IncidentDetail> {
  return detail(await call(() => Incidents.SkipReview(id, reason)))
}

export async function addIncidentFollowUp(id: string, input: FollowUpInput): Promise<IncidentDetail> {
  const body = { ...input, status: 'open', source: { kind: 'incident_review', id } }
  return detail(await call(() => Incidents.AddFollowUp(id, wfu.Item.createFrom(body))))
}

export async function deleteIncident(id: string): Promise<void> {
  await call(() => Incidents.Delete(id))
}

/** The stakeholder update as Markdown; nextUpdate '' = in one hour. */
export async function stakeholderDraft(id: string, nextUpdate = ''): Promise<string> {
  return (await call(() => Incidents.StakeholderDraft(id, nextUpdate))) ?? ''
}

export async function incidentMarkdown(id: string): Promise<string> {
  return (await call(() => Incidents.Markdown(id))) ?? ''
}

/** Metrics for incidents started in [from, to); missing bounds are open. */
export async function loadMetricsPage(window: { from?: string; to?: string } = {}): Promise<MetricsPage> {
  const w = wi.Window.createFrom(dropEmpty({ ...window }, ['from', 'to']))
  const p = await callRaw(() => Incidents.MetricsPage(w))
  const m = obj(p.metrics)
  const dur = (d: unknown) => {
    const x = obj(d)
    return { n: Number(x.n ?? 0), mean: Number(x.mean ?? 0), median: Number(x.median ?? 0) }
  }
  const rate = (r: unknown) => {
    const x = obj(r)
    return { num: Number(x.num ?? 0), den: Number(x.den ?? 0), value: Number(x.value ?? 0) }
  }
  return {
    metrics: {
      from: optTime(m.from),
      to: optTime(m.to),
      zone: str(m.zone),
      today: str(m.today),
      incidents: Number(m.incidents ?? 0),
      open: Number(m.open ?? 0),
      mtta: dur(m.mtta),
      mttr: dur(m.mttr),
      bySeverity: arr(m.bySeverity).map((s) => ({
        severity: Number(s.severity),
        label: str(s.label),
        incidents: Number(s.incidents ?? 0),
        mtta: dur(s.mtta),
        mttr: dur(s.mttr),
      })),
      byMonth: arr(m.byMonth).map((s) => ({
        month: str(s.month),
        incidents: Number(s.incidents ?? 0),
        mtta: dur(s.mtta),
        mttr: dur(s.mttr),
      })),
      byServiceMonth: arr(m.byServiceMonth).map((s) => ({
        serviceId: str(s.serviceId),
        service: str(s.service),
        month: str(s.month),
        incidents: Number(s.incidents ?? 0),
      })),
      byService: arr(m.byService).map((s) => ({
        serviceId: str(s.serviceId),
        service: str(s.service),
        incidents: Number(s.incidents ?? 0),
        mtta: dur(s.mtta),
        mttr: dur(s.mttr),
      })),
      escalation: rate(m.escalation),
      reviewCompletion: rate(m.reviewCompletion),
      followUpCompletion: rate(m.followUpCompletion),
    },
    patterns: arr(p.patterns).map((x) => ({
      kind: str(x.kind) as 'service' | 'tag' | 'cause',
      key: str(x.key),
      also: arr<string>(x.also),
      label: str(x.label),
      count: Number(x.count ?? 0),
      days: Number(x.days ?? 0),
      incidentIds: arr<string>(x.incidentIds),
    })),
  }
}

function settings(s: unknown): IncidentSettings {
  const r = obj(s)
  return {
    severities: arr(r.severities).map((l) => ({ label: str(l.label), description: str(l.description) })),
    reviewDueBusinessDays: Number(r.reviewDueBusinessDays ?? 5),
    causeKeywords: arr<string>(r.causeKeywords),
  }
}

export async function loadIncidentSettings(): Promise<IncidentSettings> {
  return settings(await call(() => Incidents.Settings()))
}

export async function saveIncidentSettings(s: IncidentSettings): Promise<IncidentSettings> {
  return settings(await call(() => Incidents.SaveSettings(wi.Settings.createFrom({ ...s }))))
}
