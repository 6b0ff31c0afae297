// Handoffs after each on-call turn and the anonymous survey import
// (backend/handoff, decision 0016). All of it is private to the manager.
import * as Handoff from '$wails/go/app/HandoffAPI'
import type { handoff as wh } from '$wails/go/models'
import { call } from './call'
import { arr, bool, callList, callRaw, num, obj, objOrNull, str, strs, type Raw } from './decode'

export interface HandoffRecord {
  id: string
  rotationId: string
  turnStart: string
  turnEnd: string
  personId: string
  openIssues: string
  runbookGaps: string
  /** Burden 1 (light) … 5 (very heavy). */
  rating: number
  sleepInterrupted: boolean
  comment: string
  recordedAt: string
  updatedAt: string
}

/** A turn of a rotation (one person's part of a slot) with its handoff, if recorded. */
export interface HandoffEntry {
  rotationId: string
  rotation: string
  slot: number
  start: string
  end: string
  personId: string
  person: string
  ended: boolean
  record: HandoffRecord | null
}

export interface HandoffInput {
  rotationId: string
  turnStart: string
  openIssues: string
  runbookGaps: string
  rating: number
  sleepInterrupted: boolean
  comment: string
}

export type SurveyField = 'rotation' | 'date' | 'rating' | 'sleep' | 'comment'
export type SurveyPeriod = 'week' | 'month'

export interface ColumnMap {
  column: string
  field: SurveyField | ''
}

export interface SurveyMapping {
  columns: ColumnMap[]
  period: SurveyPeriod
}

/** The anonymous answers of one rotation in one period. */
export interface SurveyAggregate {
  rotationId: string
  rotation: string
  /** "2026-W48" or "2026-11". */
  period: string
  answers: number
  /** ratings[0] answers rated 1 … ratings[4] rated 5. */
  ratings: number[]
  sleepAnswered: number
  sleepInterrupted: number
  comments: string[]
}

export interface SurveyPreview {
  file: string
  fingerprint: string
  headers: string[]
  mapping: SurveyMapping
  aggregates: SurveyAggregate[]
  answers: number
  skipped: number
  problems: string[]
  ignored: string[]
  /** Set when this very file was imported before. */
  importedAt: string
  /** Why the mapping cannot be imported (the headers are there to fix it). */
  mappingErrors: string[]
}

export interface RotationHandoffHealth {
  rotationId: string
  rotation: string
  turns: number
  recorded: number
  ratings: number[]
  mean: number
  sleepInterrupted: number
  survey: SurveyAggregate[]
}

function recordOf(r: Raw): HandoffRecord {
  return {
    id: str(r.id),
    rotationId: str(r.rotationId),
    turnStart: str(r.turnStart),
    turnEnd: str(r.turnEnd),
    personId: str(r.personId),
    openIssues: str(r.openIssues),
    runbookGaps: str(r.runbookGaps),
    rating: num(r.rating),
    sleepInterrupted: bool(r.sleepInterrupted),
    comment: str(r.comment),
    recordedAt: str(r.recordedAt),
    updatedAt: str(r.updatedAt),
  }
}

function ratingsOf(v: unknown): number[] {
  const l = arr<number>(v).map((n) => (typeof n === 'number' ? n : 0))
  while (l.length < 5) l.push(0)
  return l.slice(0, 5)
}

function aggregateOf(a: Raw): SurveyAggregate {
  return {
    rotationId: str(a.rotationId),
    rotation: str(a.rotation),
    period: str(a.period),
    answers: num(a.answers),
    ratings: ratingsOf(a.ratings),
    sleepAnswered: num(a.sleepAnswered),
    sleepInterrupted: num(a.sleepInterrupted),
    comments: strs(a.comments),
  }
}

function mappingOf(m: Raw): SurveyMapping {
  return {
    columns: arr(m.columns).map((c) => ({ column: str(c.column), field: str(c.field) as SurveyField })),
    period: str(m.period) === 'month' ? 'month' : 'week',
  }
}

function previewOf(p: Raw): SurveyPreview {
  return {
    file: str(p.file),
    fingerprint: str(p.fingerprint),
    headers: strs(p.headers),
    mapping: mappingOf(obj(p.mapping)),
    aggregates: arr(p.aggregates).map(aggregateOf),
    answers: num(p.answers),
    skipped: num(p.skipped),
    problems: strs(p.problems),
    ignored: strs(p.ignored),
    importedAt: str(p.importedAt),
    mappingErrors: strs(p.mappingErrors),
  }
}

/** Mean of a ratings histogram (0 when nobody rated). */
export function meanOf(ratings: number[]): number {
  let n = 0
  let sum = 0
  ratings.forEach((c, i) => {
    n += c
    sum += c * (i + 1)
  })
  return n === 0 ? 0 : sum / n
}

/** The turns running now and those that ended in the last days days (7 when 0), latest first. */
export async function loadHandoffs(days = 0): Promise<HandoffEntry[]> {
  return (await callList(() => Handoff.Recent(days))).map((e) => {
    const r = objOrNull(e.record)
    return {
      rotationId: str(e.rotationId),
      rotation: str(e.rotation),
      slot: num(e.slot),
      start: str(e.start),
      end: str(e.end),
      personId: str(e.personId),
      person: str(e.person),
      ended: bool(e.ended),
      record: r ? recordOf(r) : null,
    }
  })
}

export async function recordHandoff(input: HandoffInput): Promise<HandoffRecord> {
  return recordOf(await callRaw(() => Handoff.Record(input as unknown as wh.Input)))
}

export async function deleteHandoff(id: string): Promise<void> {
  await call(() => Handoff.Delete(id))
}

/** Recorded burden of the last days days (90 when 0) and survey aggregates, per rotation. */
export async function loadHandoffHealth(days = 0): Promise<RotationHandoffHealth[]> {
  return (await callList(() => Handoff.Health(days))).map((h) => ({
    rotationId: str(h.rotationId),
    rotation: str(h.rotation),
    turns: num(h.turns),
    recorded: num(h.recorded),
    ratings: ratingsOf(h.ratings),
    mean: num(h.mean),
    sleepInterrupted: num(h.sleepInterrupted),
    survey: arr(h.survey).map(aggregateOf),
  }))
}

function mappingBody(m: SurveyMapping | null): wh.Mapping {
  if (!m) return { columns: [], period: '' } as unknown as wh.Mapping
  return { columns: m.columns.filter((c) => c.field !== ''), period: m.period } as unknown as wh.Mapping
}

/** What importing a survey CSV would add (null mapping: the remembered one, else a guess). */
export async function previewSurvey(content: string, fileName: string, m: SurveyMapping | null): Promise<SurveyPreview> {
  return previewOf(await callRaw(() => Handoff.PreviewSurvey(content, fileName, mappingBody(m))))
}

export async function importSurvey(content: string, fileName: string, m: SurveyMapping): Promise<SurveyPreview> {
  return previewOf(await callRaw(() => Handoff.ImportSurvey(content, fileName, mappingBody(m))))
}

/** Asks for a survey CSV with the native open dialog; '' when cancelled. */
export async function chooseSurveyFile(): Promise<string> {
  return str(await call(() => Handoff.ChooseSurveyFile()))
}

/** previewSurvey of the file at path (as the open dialog chose it). */
export async function previewSurveyFile(path: string, m: SurveyMapping | null): Promise<SurveyPreview> {
  return previewOf(await callRaw(() => Handoff.PreviewSurveyFile(path, mappingBody(m))))
}

/** importSurvey of the file at path. */
export async function importSurveyFile(path: string, m: SurveyMapping): Promise<SurveyPreview> {
  return previewOf(await callRaw(() => Handoff.ImportSurveyFile(path, mappingBody(m))))
}
