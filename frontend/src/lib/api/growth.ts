// Development plans and mentoring pairs (Go: app/growth_api.go, backend/growth).
import * as G from '$wails/go/app/GrowthAPI'
import { growth as wg } from '$wails/go/models'
import { call } from './call'
import { arr, callRaw, num, obj, str, strOr, strs, type Raw } from './decode'

export type GoalStatus = 'not_started' | 'in_progress' | 'done' | 'dropped'
export type StretchStatus = 'planned' | 'active' | 'done'
export type EvidenceKind = 'incident' | 'feedback' | 'followup' | 'note'

export interface Milestone {
  id: string // '' for a new one
  title: string
  dueDate: string // YYYY-MM-DD or ''
  done: boolean
  doneOn: string
}

export interface Goal {
  id: string
  title: string
  description: string
  targetDate: string
  status: GoalStatus
  milestones: Milestone[]
}

export interface Assignment {
  id: string
  title: string
  description: string
  startDate: string
  endDate: string
  status: StretchStatus
}

export interface Evidence {
  id: string
  kind: EvidenceKind
  refId: string // '' for notes
  label: string
  date: string
  note: string
}

/** The kinds of evidence that link a record (a note links nothing). */
export type LinkKind = Exclude<EvidenceKind, 'note'>

/** A record a plan could link: see loadEvidenceCandidates. */
export interface EvidenceCandidate {
  kind: LinkKind
  refId: string
  /** "SEV2 Payments DB failover — commander", "positive feedback: …", a follow-up's title. */
  label: string
  /** YYYY-MM-DD: started, delivered on, completed. */
  date: string
  /** Incidents: commander, communications, scribe, responder or participant. */
  role: string
}

export interface EvidenceCandidates {
  /** Incidents, then feedback, then follow-ups; newest first within each kind. */
  items: EvidenceCandidate[]
  /** Kinds with more than `limit` candidates: only the newest are listed. */
  more: LinkKind[]
  /** How many of each kind are listed at most. */
  limit: number
}

export interface Plan {
  personId: string
  targetRole: string
  targetLevel: string
  growthAreas: string[]
  summary: string
  goals: Goal[]
  stretch: Assignment[]
  evidence: Evidence[]
  /** Send back what was read: a plan changed since is a conflict. 0 replaces blindly. */
  revision: number
  createdAt: string
  updatedAt: string
}

/** What SavePlan takes: the plan without its stamps. */
export type PlanInput = Omit<Plan, 'createdAt' | 'updatedAt'>

/** A goal (milestoneId '') or milestone due soon or late. */
export interface GoalDue {
  goalId: string
  goalTitle: string
  milestoneId: string
  title: string
  dueDate: string
  late: boolean
  /** Days from today to the due date: negative when late. */
  days: number
}

export interface PlanView {
  personId: string
  personName: string
  aspiration: string // from the roster
  level: string
  exists: boolean
  plan: Plan
  attention: GoalDue[]
  ladder: string[]
  today: string
}

export interface Mentorship {
  id: string // '' for a new pair
  mentorId: string
  menteeId: string
  focus: string[]
  startDate: string
  checkInEveryDays: number // 7..90
  lastCheckIn: string
  endedOn: string // '' while active
  notes: string
}

export interface CheckIn {
  next: string // '' for an ended pair
  days: number // negative when overdue
  due: boolean
}

export interface Pair {
  mentorship: Mentorship
  active: boolean
  checkIn: CheckIn
}

export interface SkillMatch {
  name: string
  level: number
}

export interface Suggestion {
  mentorId: string
  mentorName: string
  menteeId: string
  menteeName: string
  skills: SkillMatch[]
  level: number
  mentorLoad: number
  reason: string
}

export interface PersonMentoring {
  mentors: Pair[] // pairs where the person is the mentee
  mentees: Pair[] // pairs where the person is the mentor
  suggestions: Suggestion[]
}

export interface MentoringOverview {
  pairs: Pair[]
  suggestions: Suggestion[]
  today: string
}

// ---- decoding -------------------------------------------------------------

function milestoneOf(r: Raw): Milestone {
  return { id: str(r.id), title: str(r.title), dueDate: str(r.dueDate), done: r.done === true, doneOn: str(r.doneOn) }
}

function goalOf(r: Raw): Goal {
  return {
    id: str(r.id),
    title: str(r.title),
    description: str(r.description),
    targetDate: str(r.targetDate),
    status: strOr<GoalStatus>(r.status, 'not_started'),
    milestones: arr(r.milestones).map(milestoneOf),
  }
}

function planOf(r: Raw): Plan {
  return {
    personId: str(r.personId),
    targetRole: str(r.targetRole),
    targetLevel: str(r.targetLevel),
    growthAreas: strs(r.growthAreas),
    summary: str(r.summary),
    goals: arr(r.goals).map(goalOf),
    stretch: arr(r.stretch).map((a) => ({
      id: str(a.id),
      title: str(a.title),
      description: str(a.description),
      startDate: str(a.startDate),
      endDate: str(a.endDate),
      status: strOr<StretchStatus>(a.status, 'planned'),
    })),
    evidence: arr(r.evidence).map((e) => ({
      id: str(e.id),
      kind: strOr<EvidenceKind>(e.kind, 'note'),
      refId: str(e.refId),
      label: str(e.label),
      date: str(e.date),
      note: str(e.note),
    })),
    revision: num(r.revision),
    createdAt: str(r.createdAt),
    updatedAt: str(r.updatedAt),
  }
}

export function planViewOf(r: Raw): PlanView {
  return {
    personId: str(r.personId),
    personName: str(r.personName),
    aspiration: str(r.aspiration) || 'undecided',
    level: str(r.level),
    exists: r.exists === true,
    plan: planOf(obj(r.plan)),
    attention: arr(r.attention).map((a) => ({
      goalId: str(a.goalId),
      goalTitle: str(a.goalTitle),
      milestoneId: str(a.milestoneId),
      title: str(a.title),
      dueDate: str(a.dueDate),
      late: a.late === true,
      days: num(a.days),
    })),
    ladder: strs(r.ladder),
    today: str(r.today),
  }
}

function mentorshipOf(r: Raw): Mentorship {
  return {
    id: str(r.id),
    mentorId: str(r.mentorId),
    menteeId: str(r.menteeId),
    focus: strs(r.focus),
    startDate: str(r.startDate),
    checkInEveryDays: num(r.checkInEveryDays),
    lastCheckIn: str(r.lastCheckIn),
    endedOn: str(r.endedOn),
    notes: str(r.notes),
  }
}

function pairOf(r: Raw): Pair {
  const c = obj(r.checkIn)
  return {
    mentorship: mentorshipOf(obj(r.mentorship)),
    active: r.active === true,
    checkIn: { next: str(c.next), days: num(c.days), due: c.due === true },
  }
}

function suggestionOf(r: Raw): Suggestion {
  return {
    mentorId: str(r.mentorId),
    mentorName: str(r.mentorName),
    menteeId: str(r.menteeId),
    menteeName: str(r.menteeName),
    skills: arr(r.skills).map((s) => ({ name: str(s.name), level: num(s.level) })),
    level: num(r.level),
    mentorLoad: num(r.mentorLoad),
    reason: str(r.reason),
  }
}

// ---- calls ----------------------------------------------------------------

/** A person's plan view (exists false and an empty plan when they have none). */
export async function loadPlan(personId: string): Promise<PlanView> {
  return planViewOf(await callRaw(() => G.Plan(personId)))
}

/** Creates or replaces a plan; returns the fresh view. */
export async function savePlan(input: PlanInput): Promise<PlanView> {
  // Times are not sent (Go cannot read '' as a time); the backend stamps them.
  const body: PlanInput = {
    personId: input.personId,
    targetRole: input.targetRole,
    targetLevel: input.targetLevel,
    growthAreas: input.growthAreas,
    summary: input.summary,
    goals: input.goals,
    stretch: input.stretch,
    evidence: input.evidence,
    revision: input.revision,
  }
  return planViewOf(await callRaw(() => G.SavePlan(wg.Plan.createFrom(body))))
}

export async function deletePlan(personId: string): Promise<void> {
  await call(() => G.DeletePlan(personId))
}

/** Ticks a milestone off (done today) or back on. */
export async function setMilestoneDone(personId: string, milestoneId: string, done: boolean): Promise<PlanView> {
  return planViewOf(await callRaw(() => G.SetMilestoneDone(personId, milestoneId, done)))
}

export async function setGoalStatus(personId: string, goalId: string, status: GoalStatus): Promise<PlanView> {
  return planViewOf(await callRaw(() => G.SetGoalStatus(personId, goalId, status)))
}

/** Adds a note or links a record; field errors come back as "evidence.N.field". */
export async function addEvidence(personId: string, e: Omit<Evidence, 'id'>): Promise<PlanView> {
  return planViewOf(await callRaw(() => G.AddEvidence(personId, wg.Evidence.createFrom({ ...e, id: '' }))))
}

const LINK_KINDS: readonly string[] = ['incident', 'feedback', 'followup']
const isLinkKind = (v: unknown): v is LinkKind => typeof v === 'string' && LINK_KINDS.includes(v)

export function evidenceCandidatesOf(r: Raw): EvidenceCandidates {
  return {
    items: arr(r.items)
      .filter((c) => isLinkKind(c.kind))
      .map((c) => ({
        kind: c.kind as LinkKind,
        refId: str(c.refId),
        label: str(c.label),
        date: str(c.date),
        role: str(c.role),
      })),
    more: strs(r.more).filter(isLinkKind),
    limit: num(r.limit),
  }
}

/**
 * What the person's plan could link: incidents they took part in (with their
 * role), feedback delivered to them and follow-ups they closed, newest first,
 * leaving out what the plan links already. Link one with addEvidence({kind, refId}).
 */
export async function loadEvidenceCandidates(personId: string): Promise<EvidenceCandidates> {
  return evidenceCandidatesOf(await callRaw(() => G.EvidenceCandidates(personId)))
}

export async function removeEvidence(personId: string, evidenceId: string): Promise<PlanView> {
  return planViewOf(await callRaw(() => G.RemoveEvidence(personId, evidenceId)))
}

/** A person's mentors, mentees and suggested mentors. */
export async function loadPersonMentoring(personId: string): Promise<PersonMentoring> {
  const r = await callRaw(() => G.PersonMentoring(personId))
  return {
    mentors: arr(r.mentors).map(pairOf),
    mentees: arr(r.mentees).map(pairOf),
    suggestions: arr(r.suggestions).map(suggestionOf),
  }
}

/** Every pair and the suggestions for new ones. */
export async function loadMentoring(): Promise<MentoringOverview> {
  const r = await callRaw(() => G.Mentoring())
  return { pairs: arr(r.pairs).map(pairOf), suggestions: arr(r.suggestions).map(suggestionOf), today: str(r.today) }
}

/** Creates (id '') or saves a pair. Two active pairs of the same people are a conflict. */
export async function saveMentorship(m: Mentorship): Promise<Mentorship> {
  return mentorshipOf(await callRaw(() => G.SaveMentorship(wg.Mentorship.createFrom(m))))
}

/** Ends a pair on a date ('' = today). */
export async function endMentorship(id: string, endedOn = ''): Promise<Mentorship> {
  return mentorshipOf(await callRaw(() => G.EndMentorship(id, endedOn)))
}

/** Records a check-in on a date ('' = today). */
export async function recordCheckIn(id: string, date = ''): Promise<Mentorship> {
  return mentorshipOf(await callRaw(() => G.RecordCheckIn(id, date)))
}

export async function deleteMentorship(id: string): Promise<void> {
  await call(() => G.DeleteMentorship(id))
}
