// Clean TypeScript shapes of what crosses the bridge. They mirror the
// generated classes in wailsjs/go/models.ts (namespace app) field by field.

export interface Skill {
  name: string
  level: number // 1 Learning .. 4 Expert
}

export type Aspiration = 'ic' | 'architecture' | 'management' | 'undecided'
export type Criticality = 'customer_24x7' | 'business_hours' | 'internal'

export interface PersonInput {
  name: string
  email: string
  role: string
  level: string
  timezone: string
  startDate: string
  managerId: string
  skills: Skill[]
  aspiration: string
  notes: string
}

export interface Person extends PersonInput {
  id: string
  archived: boolean
  archivedAt: string
  createdAt: string
  updatedAt: string
  teamIds: string[]
  reportIds: string[]
}

export interface TeamInput {
  name: string
  description: string
  memberIds: string[]
}

export interface Team extends TeamInput {
  id: string
  serviceIds: string[]
}

export interface ServiceInput {
  name: string
  description: string
  criticality: string
  teamId: string
  primaryId: string
  secondaryId: string
}

export interface Service extends ServiceInput {
  id: string
}

export interface Directory {
  ladder: string[]
  people: Person[]
  teams: Team[]
  services: Service[]
}

export interface Impact {
  personId: string
  personName: string
  items: string[]
}

export interface Zone {
  name: string
  offset: string // "UTC+05:30"
}

export interface Ref {
  id: string
  name: string
}

export interface LevelCount {
  level: string // '' = no level
  people: Ref[]
}

export interface ServiceProblem {
  service: Ref
  team: Ref
  problems: string[]
}

export interface SinglePoint {
  skill: string
  holder: Ref
  holderLevel: number
  learners: Ref[]
}

export interface LocalTime {
  person: Ref
  timezone: string
  local: string // "2006-01-02T15:04"
  weekday: string
  offset: string
  working: boolean
}

export interface Overview {
  now: string
  people: number
  archived: number
  teams: number
  services: number
  levelMix: LevelCount[]
  serviceProblems: ServiceProblem[]
  singlePoints: SinglePoint[]
  /** Active people with no skill recorded. */
  withoutSkills: number
  localTimes: LocalTime[]
}

export interface WorkspaceInfo {
  version: string
  dataDir: string
  path: string
  demo: boolean
  empty: boolean
  schema: number
  openError?: { code: string; message: string } | null
  /** The workspace is encrypted and waits for its passphrase. */
  locked?: boolean
  platform: string
  /** Unlock was asked to remember the workspace on this computer and could not: why. */
  rememberNote?: string
}

// ---------------------------------------------------------------- incidents
// Zero times and ids are omitted by Go (docs/decisions/0006): a missing time
// is "not set" and is typed optional here; missing ids and texts become ''.

export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'in_review' | 'closed'
export type ReviewState = 'not_started' | 'draft' | 'in_review' | 'completed' | 'skipped'
export type EntryKind = 'note' | 'status' | 'severity' | 'role' | 'review'

export interface TimelineEntry {
  id: string
  at: string
  kind: EntryKind
  auto: boolean
  text: string
  authorId: string
  from: string
  to: string
  role: string // commander | scribe | comms | responder
  personId: string
  annotation: string
}

export interface Review {
  state: ReviewState
  dueDate: string // civil date, '' = none
  summary: string
  impact: string
  timeline: string
  rootCause: string
  contributingFactors: string[]
  wentWell: string
  wentPoorly: string
  lessons: string
  skipReason: string
  skippedBy: string
  skippedAt?: string
  completedAt?: string
  updatedAt?: string
}

/** The text of a review as the form edits it (SaveReview). */
export interface ReviewInput {
  state: ReviewState
  dueDate: string
  summary: string
  impact: string
  timeline: string
  rootCause: string
  contributingFactors: string[]
  wentWell: string
  wentPoorly: string
  lessons: string
}

export interface Participant {
  personId: string
  joinedAt?: string
}

export interface KeyTimes {
  startedAt: string
  detectedAt?: string
  acknowledgedAt?: string
  mitigatedAt?: string
  resolvedAt?: string
}

export interface Incident extends KeyTimes {
  id: string
  title: string
  summary: string
  severity: number // 1 (worst) .. 4
  status: IncidentStatus
  commanderId: string
  scribeId: string
  commsId: string
  responderIds: string[]
  participants: Participant[]
  affectedServiceIds: string[]
  customerImpact: string
  tags: string[]
  escalated: boolean
  timeline: TimelineEntry[]
  review: Review
  createdAt: string
  updatedAt: string
}

export interface IncidentInput {
  title: string
  summary: string
  severity: number
  startedAt?: string
  commanderId: string
  affectedServiceIds: string[]
  customerImpact: string
  tags: string[]
}

export interface IncidentSummary extends KeyTimes {
  id: string
  title: string
  severity: number
  status: IncidentStatus
  commanderId: string
  serviceIds: string[]
  tags: string[]
  escalated: boolean
  reviewState: ReviewState
  reviewDue: string
}

export interface IncidentFilter {
  statuses?: IncidentStatus[]
  severities?: number[]
  serviceId?: string
}

export interface IncidentDetail {
  incident: Incident
  followUps: FollowUp[]
}

export interface Roles {
  commanderId: string
  scribeId: string
  commsId: string
  responderIds: string[]
}

export interface SeverityLevel {
  label: string
  description: string
}

export interface IncidentSettings {
  severities: SeverityLevel[]
  reviewDueBusinessDays: number
  causeKeywords: string[]
}

export interface DurationStat {
  n: number
  mean: number // nanoseconds
  median: number // nanoseconds
}

export interface Rate {
  num: number
  den: number
  value: number // 0..1
}

export interface SeverityStat {
  severity: number
  label: string
  incidents: number
  mtta: DurationStat
  mttr: DurationStat
}

export interface MonthStat {
  month: string // "2026-03"
  incidents: number
  mtta: DurationStat
  mttr: DurationStat
}

export interface ServiceMonth {
  serviceId: string
  service: string
  month: string
  incidents: number
}

/** A service's incidents over the window with their times to acknowledge and resolve. */
export interface ServiceStat {
  serviceId: string
  service: string
  incidents: number
  mtta: DurationStat
  mttr: DurationStat
}

export interface Metrics {
  from?: string
  to?: string
  zone: string
  today: string
  incidents: number
  open: number
  mtta: DurationStat
  mttr: DurationStat
  bySeverity: SeverityStat[]
  byMonth: MonthStat[]
  byServiceMonth: ServiceMonth[]
  byService: ServiceStat[]
  escalation: Rate
  reviewCompletion: Rate
  followUpCompletion: Rate
}

export interface Pattern {
  kind: 'service' | 'tag' | 'cause'
  key: string
  also: string[]
  label: string
  count: number
  days: number
  incidentIds: string[]
}

export interface MetricsPage {
  metrics: Metrics
  patterns: Pattern[]
}

// ---------------------------------------------------------------- follow-ups

export type FollowUpStatus = 'open' | 'in_progress' | 'done' | 'wont_do'
export type Priority = 'low' | 'medium' | 'high' | 'urgent'
export type Bucket = 'overdue' | 'due_soon' | 'later' | 'closed'

export interface FollowUpSource {
  kind: string // 'incident_review' | '' (stand-alone) | later kinds
  id: string
  label: string
}

/** A follow-up as lists show it (no notes). */
export interface FollowUpBrief {
  id: string
  title: string
  ownerId: string
  ownerRemoved: boolean
  dueDate: string // civil date, '' = none
  priority: Priority
  status: FollowUpStatus
  reason: string
  source: FollowUpSource
  createdAt: string
  completedAt?: string
}

export interface FollowUp extends FollowUpBrief {
  notes: string
  updatedAt: string
}

export interface FollowUpInput {
  title: string
  ownerId: string
  dueDate: string
  priority: Priority
  notes: string
}

export interface FollowUpRow {
  item: FollowUpBrief
  bucket: Bucket
  daysOverdue: number
}

export interface FollowUpStats {
  total: number
  open: number
  done: number
  wontDo: number
  overdue: number
  completionRate: number
}

export interface OwnerStats extends FollowUpStats {
  ownerId: string
}

export interface TeamStats extends FollowUpStats {
  teamId: string
  name: string
}

export interface FollowUpFilter {
  ownerIds?: string[]
  sourceKind?: string
  statuses?: FollowUpStatus[]
}

export interface FollowUpsView {
  today: string
  soonDays: number
  rows: FollowUpRow[]
  overdue: number
  dueSoon: number
  moreClosed: boolean
  all: FollowUpStats
  owners: OwnerStats[]
  teams: TeamStats[]
}

// ---------------------------------------------------------------- reminders

export type ReminderStatus = 'new' | 'held' | 'delivered' | 'snoozed'

export interface Reminder {
  key: string
  kind: string
  title: string
  body: string
  linkArea: string // 'followups' | 'incidents'
  linkId: string
  dueAt: string
  status: ReminderStatus
  heldUntil: string
  snoozedUntil: string
  deliveredAt: string
  desktop: string
}

export interface QuietHours {
  enabled: boolean
  start: string // "22:00"
  end: string
  weekends: boolean
}

export interface ReminderSettings {
  timezone: string // '' = this computer's zone
  detectedZone: string
  quiet: QuietHours
  desktop: boolean
  background: boolean
  autostart: boolean
  /** Lock after this many idle minutes (1–240); 0 = never. */
  lockMinutes: number
}

export interface NotificationStatus {
  available: boolean
  reason: string
}

export interface AppClock {
  now: string
  offsetMinutes: number
  testClock: boolean
}

export interface Evaluation {
  delivered: number
  active: number
  desktopError: string
}
