import * as FollowUpAPI from '$wails/go/app/FollowUpAPI'
import { app, followup as wfu } from '$wails/go/models'
import { call } from './call'
import { arr, callRaw, obj, str, strOr, type Raw } from './decode'
import { bulkProblemsOf, type BulkProblem } from './reminders'
import type {
  FollowUp,
  FollowUpBrief,
  FollowUpFilter,
  FollowUpInput,
  FollowUpStats,
  FollowUpStatus,
  FollowUpsView,
  Priority,
} from './types'

export function followUpBriefOf(r: Raw): FollowUpBrief {
  const s = obj(r.source)
  return {
    id: str(r.id),
    title: str(r.title),
    ownerId: str(r.ownerId),
    ownerRemoved: r.ownerRemoved === true,
    dueDate: str(r.dueDate),
    priority: strOr<Priority>(r.priority, 'medium'),
    status: strOr<FollowUpStatus>(r.status, 'open'),
    reason: str(r.reason),
    source: { kind: str(s.kind), id: str(s.id), label: str(s.label) },
    createdAt: str(r.createdAt),
    completedAt: str(r.completedAt) || undefined,
  }
}

export function followUpOf(r: Raw): FollowUp {
  return { ...followUpBriefOf(r), notes: str(r.notes), updatedAt: str(r.updatedAt) }
}

function stats(r: unknown): FollowUpStats {
  const x = obj(r)
  return {
    total: Number(x.total ?? 0),
    open: Number(x.open ?? 0),
    done: Number(x.done ?? 0),
    wontDo: Number(x.wontDo ?? 0),
    overdue: Number(x.overdue ?? 0),
    completionRate: Number(x.completionRate ?? 0),
  }
}

export interface FollowUpsQuery {
  filter?: FollowUpFilter
  soonDays?: number
  closedLimit?: number
  /** Stats and counts only, no rows. */
  countsOnly?: boolean
}

/** The follow-ups view: rows by bucket and completion stats (for the whole book). */
export async function loadFollowUps(q: FollowUpsQuery = {}): Promise<FollowUpsView> {
  const opt = wfu.ViewOptions.createFrom({
    filter: { sourceId: '', ...(q.filter ?? {}) },
    soonDays: q.soonDays ?? 0,
    closedLimit: q.closedLimit ?? 0,
    countsOnly: q.countsOnly ?? false,
  })
  const v = await callRaw(() => FollowUpAPI.FollowUps(opt))
  return {
    today: str(v.today),
    soonDays: Number(v.soonDays ?? 7),
    rows: arr(v.rows).map((row) => ({
      item: followUpBriefOf(obj(row.item)),
      bucket: str(row.bucket) as FollowUpsView['rows'][number]['bucket'],
      daysOverdue: Number(row.daysOverdue ?? 0),
    })),
    overdue: Number(v.overdue ?? 0),
    dueSoon: Number(v.dueSoon ?? 0),
    moreClosed: v.moreClosed === true,
    all: stats(v.all),
    owners: arr(v.owners).map((o) => ({ ...stats(o), ownerId: str(o.ownerId) })),
    teams: arr(v.teams).map((t) => ({ ...stats(t), teamId: str(t.teamId), name: str(t.name) })),
  }
}

export async function getFollowUp(id: string): Promise<FollowUp> {
  return followUpOf(await callRaw(() => FollowUpAPI.Get(id)))
}

/** A stand-alone follow-up (no source). */
export async function createFollowUp(input: FollowUpInput): Promise<FollowUp> {
  const body = { ...input, status: 'open', source: {} }
  return followUpOf(await callRaw(() => FollowUpAPI.Create(wfu.Item.createFrom(body))))
}

/** Saves title, owner, due date, priority and notes (status and source are kept). */
export async function updateFollowUp(id: string, input: FollowUpInput): Promise<FollowUp> {
  const body = { id, ...input }
  return followUpOf(await callRaw(() => FollowUpAPI.Update(wfu.Item.createFrom(body))))
}

/** Moves a follow-up to a status; won't-do needs a reason. */
export async function setFollowUpStatus(id: string, status: FollowUpStatus, reason = ''): Promise<FollowUp> {
  return followUpOf(await callRaw(() => FollowUpAPI.SetStatus(id, status, reason)))
}

export async function deleteFollowUp(id: string): Promise<void> {
  await call(() => FollowUpAPI.Delete(id))
}

/**
 * One follow-up's part of a bulk change: fields left out keep their value;
 * clearDue removes the due date; status follows setFollowUpStatus.
 */
export interface FollowUpChange {
  id: string
  ownerId?: string
  dueDate?: string
  clearDue?: boolean
  status?: FollowUpStatus
  reason?: string
}

export interface FollowUpsChanged {
  /** The follow-ups as saved. */
  items: FollowUp[]
  /** Those left as they were, and why. */
  problems: BulkProblem[]
}

/** Applies each change on its own: one refused leaves the others applied. */
export async function changeFollowUps(changes: FollowUpChange[]): Promise<FollowUpsChanged> {
  const r = await callRaw(() => FollowUpAPI.ChangeMany(changes.map((c) => app.FollowUpChange.createFrom(c))))
  return { items: arr(r?.items).map(followUpOf), problems: bulkProblemsOf(r?.problems) }
}
