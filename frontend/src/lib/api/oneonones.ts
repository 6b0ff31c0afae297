// 1:1s, feedback, the 1:1 prep brief and team health (Go: app/oneonone_api.go,
// backend/oneonone, backend/feedback, backend/brief).
import * as O from '$wails/go/app/OneOnOneAPI'
import { feedback as wf, followup as wfu, oneonone as wo } from '$wails/go/models'
import { call } from './call'
import { arr, callList, callRaw, num, obj, str, strOr, type Raw } from './decode'
import { followUpBriefOf, followUpOf } from './followups'
import { shiftOf, type Shift } from './oncall'
import type { FollowUp, FollowUpBrief, Priority } from './types'

// ---------------------------------------------------------------- 1:1s

export type Cadence = 'weekly' | 'biweekly' | 'monthly'
export type MeetingStatus = 'planned' | 'held' | 'cancelled'
export type Side = 'me' | 'them'

export const CADENCES: { value: Cadence; label: string; days: number }[] = [
  { value: 'weekly', label: 'Every week', days: 7 },
  { value: 'biweekly', label: 'Every two weeks', days: 14 },
  { value: 'monthly', label: 'Every month', days: 30 },
]

/** A person's 1:1 cadence: usual slot in the manager's zone. */
export interface Series {
  personId: string
  cadence: Cadence
  weekday: number // 0 = Sunday
  time: string // "HH:MM"
  durationMinutes: number
  startDate: string // the first 1:1 (civil date)
  paused: boolean
}

export interface CadenceStatus {
  personId: string
  name: string
  cadence: Cadence
  cadenceDays: number
  paused: boolean
  lastHeld: string // '' = none held yet
  daysSince: number // -1 = none held
  nextDue: string
  overdue: boolean
  daysOverdue: number
  nextPlanned: string
  message: string
}

export interface AgendaItem {
  id: string // '' for a new topic
  text: string
  by: Side
  done: boolean
  originId: string
  carriedFrom: string // date of the meeting it came from ('' = new)
  carried: number // how many meetings it has been carried
  notes: string
}

export interface Meeting {
  id: string
  personId: string
  date: string
  status: MeetingStatus
  agenda: AgendaItem[]
  sharedNotes: string
  privateNotes: string
  mood: number // 0 = not recorded
  energy: number
  createdAt: string
  updatedAt: string
}

export interface PersonOneOnOnes {
  hasSeries: boolean
  series: Series | null
  status: CadenceStatus | null
  meetings: Meeting[] // newest first
  followUps: FollowUpBrief[] // open, agreed in their 1:1s
  today: string
  /** The next 1:1 as the report sees it; null without a series or a known zone. */
  slot: CadenceSlot | null
  /** When the series meets while the clocks change in the manager's zone; '' when never. */
  dstWarning: string
}

/** The next 1:1 of a series in both zones (the cadence is set in the manager's). */
export interface CadenceSlot {
  date: string
  start: string
  end: string
  managerZone: string
  reportZone: string
  sameZone: boolean
  reportWeekday: number
  reportTime: string
  reportEndTime: string
  /** Some of it falls outside their working hours (Mon-Fri 09:00-18:00 their time). */
  outsideHours: boolean
}

export function seriesOf(r: Raw): Series {
  return {
    personId: str(r.personId),
    cadence: strOr<Cadence>(r.cadence, 'biweekly'),
    weekday: num(r.weekday),
    time: str(r.time),
    durationMinutes: num(r.durationMinutes),
    startDate: str(r.startDate),
    paused: r.paused === true,
  }
}

export function cadenceStatusOf(r: Raw): CadenceStatus {
  return {
    personId: str(r.personId),
    name: str(r.name),
    cadence: strOr<Cadence>(r.cadence, 'biweekly'),
    cadenceDays: num(r.cadenceDays),
    paused: r.paused === true,
    lastHeld: str(r.lastHeld),
    daysSince: typeof r.daysSince === 'number' ? r.daysSince : -1,
    nextDue: str(r.nextDue),
    overdue: r.overdue === true,
    daysOverdue: num(r.daysOverdue),
    nextPlanned: str(r.nextPlanned),
    message: str(r.message),
  }
}

export function agendaItemOf(r: Raw): AgendaItem {
  return {
    id: str(r.id),
    text: str(r.text),
    by: str(r.by) === 'them' ? 'them' : 'me',
    done: r.done === true,
    originId: str(r.originId),
    carriedFrom: str(r.carriedFrom),
    carried: num(r.carried),
    notes: str(r.notes),
  }
}

export function meetingOf(r: Raw): Meeting {
  return {
    id: str(r.id),
    personId: str(r.personId),
    date: str(r.date),
    status: strOr<MeetingStatus>(r.status, 'planned'),
    agenda: arr(r.agenda).map(agendaItemOf),
    sharedNotes: str(r.sharedNotes),
    privateNotes: str(r.privateNotes),
    mood: num(r.mood),
    energy: num(r.energy),
    createdAt: str(r.createdAt),
    updatedAt: str(r.updatedAt),
  }
}

export async function loadOneOnOnes(personId: string): Promise<PersonOneOnOnes> {
  const r = await callRaw(() => O.Person(personId))
  const has = r.hasSeries === true
  return {
    hasSeries: has,
    series: has ? seriesOf(obj(r.series)) : null,
    status: r.status ? cadenceStatusOf(obj(r.status)) : null,
    meetings: arr(r.meetings).map(meetingOf),
    followUps: arr(r.followUps).map(followUpBriefOf),
    today: str(r.today),
    slot: r.slot ? slotOf(obj(r.slot)) : null,
    dstWarning: str(r.dstWarning),
  }
}

function slotOf(x: Raw): CadenceSlot {
  return {
    date: str(x.date),
    start: str(x.start),
    end: str(x.end),
    managerZone: str(x.managerZone),
    reportZone: str(x.reportZone),
    sameZone: x.sameZone === true,
    reportWeekday: num(x.reportWeekday),
    reportTime: str(x.reportTime),
    reportEndTime: str(x.reportEndTime),
    outsideHours: x.outsideHours === true,
  }
}

/** Every report's cadence status, overdue first. */
export async function loadCadenceStatuses(): Promise<CadenceStatus[]> {
  return (await callList(() => O.Statuses())).map(cadenceStatusOf)
}

export async function saveSeries(s: Series): Promise<Series> {
  const body = { ...s }
  return seriesOf(await callRaw(() => O.SaveSeries(wo.Series.createFrom(body))))
}

/** Warnings by field for a cadence being edited (they do not stop a save): `time` when the clocks change around it. */
export async function checkSeries(s: Series): Promise<Record<string, string>> {
  const r = await callRaw(() => O.CheckSeries(wo.Series.createFrom({ ...s })))
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(r ?? {})) if (typeof v === 'string' && v) out[k] = v
  return out
}

export async function deleteSeries(personId: string): Promise<void> {
  await call(() => O.DeleteSeries(personId))
}

/** Plans a 1:1 on date ('' = today); unfinished topics of the previous one are carried over. */
export async function startMeeting(personId: string, date = ''): Promise<Meeting> {
  return meetingOf(await callRaw(() => O.StartMeeting(personId, date)))
}

/** Saves agenda, notes, check-in, date and status. Times are the backend's business. */
export async function saveMeeting(m: Meeting): Promise<Meeting> {
  const body: Raw = {
    id: m.id,
    personId: m.personId,
    date: m.date,
    status: m.status,
    agenda: m.agenda.map((a) => {
      const x: Raw = { id: a.id, text: a.text, by: a.by, done: a.done, originId: a.originId }
      if (a.carriedFrom) x.carriedFrom = a.carriedFrom
      if (a.carried) x.carried = a.carried
      if (a.notes) x.notes = a.notes
      return x
    }),
    sharedNotes: m.sharedNotes,
    privateNotes: m.privateNotes,
    mood: m.mood || 0,
    energy: m.energy || 0,
  }
  return meetingOf(await callRaw(() => O.SaveMeeting(wo.Meeting.createFrom(body))))
}

/** Refused (conflict) while the meeting has follow-ups. */
export async function deleteMeeting(id: string): Promise<void> {
  await call(() => O.DeleteMeeting(id))
}

export async function meetingFollowUps(meetingId: string): Promise<FollowUp[]> {
  return (await callList(() => O.MeetingFollowUps(meetingId))).map(followUpOf)
}

export interface MeetingFollowUpInput {
  title: string
  ownerId: string // '' = no one on the roster (the manager)
  dueDate: string
  priority?: Priority
  notes?: string
}

export async function addMeetingFollowUp(meetingId: string, f: MeetingFollowUpInput): Promise<FollowUp> {
  const body = {
    title: f.title,
    ownerId: f.ownerId,
    dueDate: f.dueDate,
    priority: f.priority ?? 'medium',
    notes: f.notes ?? '',
    status: 'open',
    source: {},
  }
  return followUpOf(await callRaw(() => O.AddFollowUp(meetingId, wfu.Item.createFrom(body))))
}

export interface TextExport {
  name: string // a file name without extension
  text: string
  path: string // where the native dialog saved it; '' = cancelled
}

/** The .ics of a person's 1:1 series (one recurring event). */
export async function seriesICS(personId: string): Promise<TextExport> {
  const r = await callRaw(() => O.SeriesICS(personId))
  return { name: str(r.name), text: str(r.ics), path: '' }
}

/** Asks where to save (native dialog) and writes the .ics; path '' = cancelled. */
export async function saveSeriesICS(personId: string): Promise<TextExport> {
  const r = await callRaw(() => O.SaveSeriesICS(personId))
  return { name: str(r.name), text: '', path: str(r.path) }
}

// ---------------------------------------------------------------- feedback

export type FeedbackKind = 'positive' | 'constructive'
export type FeedbackStatus = 'draft' | 'delivered'
export type FeedbackChannel = 'one_on_one' | 'in_person' | 'written' | 'in_public' | 'other'

export const CHANNELS: { value: FeedbackChannel; label: string }[] = [
  { value: 'one_on_one', label: 'In a 1:1' },
  { value: 'in_person', label: 'In person' },
  { value: 'written', label: 'Written' },
  { value: 'in_public', label: 'In public' },
  { value: 'other', label: 'Other' },
]

export function channelName(c: string): string {
  return CHANNELS.find((x) => x.value === c)?.label ?? c
}

export interface FeedbackEntry {
  id: string
  personId: string
  kind: FeedbackKind
  situation: string
  behaviour: string
  impact: string
  nextStep: string
  status: FeedbackStatus
  deliveredOn: string
  how: FeedbackChannel | ''
  createdAt: string
  updatedAt: string
}

export interface FeedbackCounts {
  positiveDelivered: number
  constructiveDelivered: number
  positiveDrafts: number
  constructiveDrafts: number
}

export interface FeedbackPeriod {
  label: string // "2026 Q3"
  from: string
  counts: FeedbackCounts
}

export type BalanceFlag = 'only_constructive' | 'only_positive' | 'none_delivered' | 'drafts_waiting'

export interface FeedbackBalance {
  recent: FeedbackCounts // the last 90 days
  allTime: FeedbackCounts
  quarters: FeedbackPeriod[] // oldest first
  oldestDraftDays: number // -1 = no drafts
  flags: BalanceFlag[]
  notes: string[] // the flags in words, same order
}

export interface FeedbackSettings {
  staleDays: number
}

export interface PersonFeedback {
  entries: FeedbackEntry[] // newest first
  balance: FeedbackBalance
  settings: FeedbackSettings
  today: string
}

export function feedbackEntryOf(r: Raw): FeedbackEntry {
  return {
    id: str(r.id),
    personId: str(r.personId),
    kind: str(r.kind) === 'constructive' ? 'constructive' : 'positive',
    situation: str(r.situation),
    behaviour: str(r.behaviour),
    impact: str(r.impact),
    nextStep: str(r.nextStep),
    status: str(r.status) === 'delivered' ? 'delivered' : 'draft',
    deliveredOn: str(r.deliveredOn),
    how: str(r.how) as FeedbackChannel | '',
    createdAt: str(r.createdAt),
    updatedAt: str(r.updatedAt),
  }
}

export function countsOf(r: unknown): FeedbackCounts {
  const x = obj(r)
  return {
    positiveDelivered: num(x.positiveDelivered),
    constructiveDelivered: num(x.constructiveDelivered),
    positiveDrafts: num(x.positiveDrafts),
    constructiveDrafts: num(x.constructiveDrafts),
  }
}

export function balanceOf(r: unknown): FeedbackBalance {
  const x = obj(r)
  return {
    recent: countsOf(x.recent),
    allTime: countsOf(x.allTime),
    quarters: arr(x.quarters).map((q) => ({ label: str(q.label), from: str(q.from), counts: countsOf(q.counts) })),
    oldestDraftDays: typeof x.oldestDraftDays === 'number' ? x.oldestDraftDays : -1,
    flags: arr<BalanceFlag>(x.flags),
    notes: arr<string>(x.notes),
  }
}

export async function loadFeedback(personId: string): Promise<PersonFeedback> {
  const r = await callRaw(() => O.Feedback(personId))
  return {
    entries: arr(r.entries).map(feedbackEntryOf),
    balance: balanceOf(r.balance),
    settings: { staleDays: num(obj(r.settings).staleDays) || 7 },
    today: str(r.today),
  }
}

export interface FeedbackInput {
  id: string // '' = new
  personId: string
  kind: FeedbackKind
  situation: string
  behaviour: string
  impact: string
  nextStep: string
  /** Kept as they are when editing delivered feedback. */
  status: FeedbackStatus
  deliveredOn: string
  how: FeedbackChannel | ''
}

export async function saveFeedback(e: FeedbackInput): Promise<FeedbackEntry> {
  const body: Raw = {
    id: e.id,
    personId: e.personId,
    kind: e.kind,
    situation: e.situation,
    behaviour: e.behaviour,
    impact: e.impact,
    nextStep: e.nextStep,
    status: e.status,
  }
  if (e.status === 'delivered') {
    body.deliveredOn = e.deliveredOn
    body.how = e.how
  }
  return feedbackEntryOf(await callRaw(() => O.SaveFeedback(wf.Entry.createFrom(body))))
}

/** Marks feedback delivered on date ('' = today), how. */
export async function deliverFeedback(id: string, date: string, how: FeedbackChannel): Promise<FeedbackEntry> {
  return feedbackEntryOf(await callRaw(() => O.DeliverFeedback(id, date, how)))
}

export async function deleteFeedback(id: string): Promise<void> {
  await call(() => O.DeleteFeedback(id))
}

export async function loadFeedbackSettings(): Promise<FeedbackSettings> {
  const r = await callRaw(() => O.FeedbackSettings())
  return { staleDays: num(r.staleDays) || 7 }
}

export async function saveFeedbackSettings(s: FeedbackSettings): Promise<FeedbackSettings> {
  const r = await callRaw(() => O.SaveFeedbackSettings(wf.Settings.createFrom({ staleDays: s.staleDays })))
  return { staleDays: num(r.staleDays) }
}

// ---------------------------------------------------------------- prep brief

export interface BriefPerson {
  id: string
  name: string
  role: string
  level: string
  timezone: string
  aspiration: string
}

export interface MeetingRef {
  id: string
  date: string
  status: MeetingStatus
  sharedNotes: string
  privateNotes: string // only when the brief was asked to include them
  mood: number
  energy: number
}

export interface MoodPoint {
  date: string
  mood: number
  energy: number
}

export interface OnCallLoad {
  from: string
  to: string
  shifts: number
  overrides: number
  hours: number
  nightHours: number
  weekendHours: number
  holidayHours: number
  holidays: string[]
  pages: number
  nightPages: number
  weeksOnCall: number
  weeks: number
  tooFrequent: boolean
  nextShift: Shift | null
  inRotation: boolean
  /** The imported paging history of the window; null when none is imported. */
  paging: BriefPaging | null
}

/** A person's imported pages in the brief's window, by band of their local time. */
export interface BriefPaging {
  pages: number
  business: number
  offHours: number
  sleep: number
  onCallDays: number
  pagesPerOnCallDay: number
  mttaSeconds: number | null
  mttrSeconds: number | null
  flags: { kind: string; week: string; reason: string }[]
}

export interface IncidentPart {
  id: string
  title: string
  severity: number
  status: string
  startedAt: string
  role: string
}

export interface BriefGoal {
  goalId: string
  goal: string
  milestone: string
  dueDate: string
  late: boolean
  days: number
}

export interface BriefSuggestion {
  kind: string // oncall, incident, topic, followup, feedback, mood, goal, cadence
  text: string
  why: string
}

export interface PrepBrief {
  person: BriefPerson
  today: string
  generatedAt: string
  cadence: CadenceStatus | null
  since: string
  daysSince: number // -1 = no 1:1 held yet
  lastMeeting: MeetingRef | null
  nextMeeting: MeetingRef | null
  topics: AgendaItem[]
  followUpsTheirs: FollowUpBrief[]
  followUpsMine: FollowUpBrief[]
  closedSince: number
  feedbackDrafts: FeedbackEntry[]
  feedback: FeedbackBalance
  goals: BriefGoal[]
  mood: MoodPoint[] // oldest first
  moodTrend: '' | 'falling' | 'rising' | 'steady'
  oncall: OnCallLoad
  incidents: IncidentPart[]
  suggestions: BriefSuggestion[]
  includesPrivate: boolean
}

function personInfoOf(r: unknown): BriefPerson {
  const x = obj(r)
  return {
    id: str(x.id),
    name: str(x.name),
    role: str(x.role),
    level: str(x.level),
    timezone: str(x.timezone),
    aspiration: str(x.aspiration),
  }
}

function meetingRefOf(r: unknown): MeetingRef | null {
  if (!r) return null
  const x = obj(r)
  return {
    id: str(x.id),
    date: str(x.date),
    status: strOr<MeetingStatus>(x.status, 'planned'),
    sharedNotes: str(x.sharedNotes),
    privateNotes: str(x.privateNotes),
    mood: num(x.mood),
    energy: num(x.energy),
  }
}

function pagingOf(x: Raw): BriefPaging {
  const secs = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
  return {
    pages: num(x.pages),
    business: num(x.business),
    offHours: num(x.offHours),
    sleep: num(x.sleep),
    onCallDays: num(x.onCallDays),
    pagesPerOnCallDay: num(x.pagesPerOnCallDay),
    mttaSeconds: secs(x.mttaSeconds),
    mttrSeconds: secs(x.mttrSeconds),
    flags: arr(x.flags).map((f) => ({ kind: str(f.kind), week: str(f.week), reason: str(f.reason) })),
  }
}

function onCallLoadOf(r: unknown): OnCallLoad {
  const x = obj(r)
  return {
    from: str(x.from),
    to: str(x.to),
    shifts: num(x.shifts),
    overrides: num(x.overrides),
    hours: num(x.hours),
    nightHours: num(x.nightHours),
    weekendHours: num(x.weekendHours),
    holidayHours: num(x.holidayHours),
    holidays: arr<string>(x.holidays),
    pages: num(x.pages),
    nightPages: num(x.nightPages),
    weeksOnCall: num(x.weeksOnCall),
    weeks: num(x.weeks),
    tooFrequent: x.tooFrequent === true,
    nextShift: x.nextShift ? shiftOf(obj(x.nextShift)) : null,
    inRotation: x.inRotation === true,
    paging: x.paging ? pagingOf(obj(x.paging)) : null,
  }
}

export function briefOf(r: Raw): PrepBrief {
  const trend = str(r.moodTrend)
  return {
    person: personInfoOf(r.person),
    today: str(r.today),
    generatedAt: str(r.generatedAt),
    cadence: r.cadence ? cadenceStatusOf(obj(r.cadence)) : null,
    since: str(r.since),
    daysSince: typeof r.daysSince === 'number' ? r.daysSince : -1,
    lastMeeting: meetingRefOf(r.lastMeeting),
    nextMeeting: meetingRefOf(r.nextMeeting),
    topics: arr(r.topics).map(agendaItemOf),
    followUpsTheirs: arr(r.followUpsTheirs).map(followUpBriefOf),
    followUpsMine: arr(r.followUpsMine).map(followUpBriefOf),
    closedSince: num(r.closedSince),
    feedbackDrafts: arr(r.feedbackDrafts).map(feedbackEntryOf),
    feedback: balanceOf(r.feedback),
    goals: arr(r.goals).map((g) => ({
      goalId: str(g.goalId),
      goal: str(g.goal),
      milestone: str(g.milestone),
      dueDate: str(g.dueDate),
      late: g.late === true,
      days: num(g.days),
    })),
    mood: arr(r.mood).map((m) => ({ date: str(m.date), mood: num(m.mood), energy: num(m.energy) })),
    moodTrend: (['falling', 'rising', 'steady'].includes(trend) ? trend : '') as PrepBrief['moodTrend'],
    oncall: onCallLoadOf(r.oncall),
    incidents: arr(r.incidents).map((i) => ({
      id: str(i.id),
      title: str(i.title),
      severity: num(i.severity),
      status: str(i.status),
      startedAt: str(i.startedAt),
      role: str(i.role),
    })),
    suggestions: arr(r.suggestions).map((s) => ({ kind: str(s.kind), text: str(s.text), why: str(s.why) })),
    includesPrivate: r.includesPrivate === true,
  }
}

/** The 1:1 prep brief; private notes only when asked. */
export async function loadBrief(personId: string, includePrivate = false): Promise<PrepBrief> {
  return briefOf(await callRaw(() => O.Brief(personId, includePrivate)))
}

/** The brief as Markdown (to copy or download). */
export async function briefMarkdown(personId: string, includePrivate = false): Promise<TextExport> {
  const r = await callRaw(() => O.BriefMarkdown(personId, includePrivate))
  return { name: str(r.name), text: str(r.markdown), path: '' }
}

/** Asks where to save (native dialog) and writes the brief; path '' = cancelled. */
export async function saveBriefMarkdown(personId: string, includePrivate = false): Promise<TextExport> {
  const r = await callRaw(() => O.SaveBriefMarkdown(personId, includePrivate))
  return { name: str(r.name), text: '', path: str(r.path) }
}

// ---------------------------------------------------------------- team health

export type HealthFlagKind =
  | 'oncall_frequency'
  | 'night_hours'
  | 'holiday_hours'
  | 'pages_per_day'
  | 'sleep_pages'
  | 'mtta_rising'
  | 'incidents'
  | 'oneonone_overdue'
  | 'mood_falling'
  | 'feedback_one_sided'

export interface HealthFlag {
  kind: HealthFlagKind | string
  text: string
}

export interface HealthRow {
  person: BriefPerson
  flags: HealthFlag[]
  cadence: CadenceStatus | null
  moodTrend: string
  lastMood: number
  weeksOnCall: number
  weeks: number
  nightHours: number // last 28 days
  holidayHours: number // last 90 days
  incidents: number // last 30 days
  commanded: number
  feedback: FeedbackCounts // last 90 days
  /** Imported pages of the last 28 days, and those in sleep hours (22-08 their time). */
  pages: number
  sleepPages: number
}

export interface TeamHealth {
  today: string
  teamId: string
  rows: HealthRow[] // flagged first
  flagged: number
  /** Paging history is imported, so the paging flags are judged. */
  pagingImported: boolean
}

/** Team health of a team ('' = everyone). */
export async function loadHealth(teamId = ''): Promise<TeamHealth> {
  const r = await callRaw(() => O.Health(teamId))
  return {
    today: str(r.today),
    teamId: str(r.teamId),
    rows: arr(r.rows).map((x) => ({
      person: personInfoOf(x.person),
      flags: arr(x.flags).map((f) => ({ kind: str(f.kind), text: str(f.text) })),
      cadence: x.cadence ? cadenceStatusOf(obj(x.cadence)) : null,
      moodTrend: str(x.moodTrend),
      lastMood: num(x.lastMood),
      weeksOnCall: num(x.weeksOnCall),
      weeks: num(x.weeks),
      nightHours: num(x.nightHours),
      holidayHours: num(x.holidayHours),
      incidents: num(x.incidents),
      commanded: num(x.commanded),
      feedback: countsOf(x.feedback),
      pages: num(x.pages),
      sleepPages: num(x.sleepPages),
    })),
    flagged: num(r.flagged),
    pagingImported: r.pagingImported === true,
  }
}

// ---------------------------------------------------------------- desktop or browser

/**
 * True inside the desktop app's webview, where the Go side can open a native
 * save dialog. In a plain browser (wails dev served to a browser) that dialog
 * would open on the desktop, unseen: exports download from the page instead.
 */
export function hasNativeDialogs(): boolean {
  if (typeof window === 'undefined') return false
  const w = window as unknown as {
    chrome?: { webview?: { postMessage?: unknown } }
    webkit?: { messageHandlers?: { external?: { postMessage?: unknown } } }
  }
  return !!(w.chrome?.webview?.postMessage || w.webkit?.messageHandlers?.external?.postMessage)
}

/** Downloads text as a file from the page (the browser fallback). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * A file name that reads like its title on every OS (the rules of the Go side's
 * app.FileName): "On call: team" gives "On call - team.ics"; characters no file
 * system takes become "-", control characters go, spaces fold.
 */
export function safeFileName(base: string, ext: string): string {
  const b = base
    .replace(/: /g, ' - ')
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/^[. ]+|[. ]+$/g, '')
  return `${b || 'export'}.${ext}`
}
