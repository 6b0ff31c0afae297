import * as Cal from '$wails/go/app/CalendarAPI'
import { app as wapp } from '$wails/go/models'
import { call } from './call'
import type { OnCallWindow } from './oncall'

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

export type ScopeKind = 'rotation' | 'person' | 'team'

export interface CalendarScope {
  kind: ScopeKind
  /** The rotation or person ('' for the team). */
  id: string
}

export interface IcsExport {
  ics: string
  name: string
  events: number
  path: string
}

export interface Feed {
  id: string
  name: string
  scope: CalendarScope
  createdAt: string
  revokedAt: string
  lastFetchedAt: string
  fetches: number
}

export interface ImportTarget {
  kind: 'holidays' | 'timeoff'
  regionId?: string
  regionName?: string
  personId?: string
  timeOffKind?: string
}

export interface ImportChange {
  action: 'new' | 'updated' | 'unchanged' | 'removed'
  uid: string
  name: string
  when: string
  was: string
}

export interface ImportPreview {
  token: string
  targetName: string
  calendar: string
  events: number
  new: number
  updated: number
  unchanged: number
  removed: number
  changes: ImportChange[]
  warnings: string[]
}

function scopeBody(s: CalendarScope) {
  const body: Raw = { kind: s.kind }
  if (s.id) body.id = s.id
  return wapp.ScopeDTO.createFrom(body)
}

function feedOf(r: Raw): Feed {
  const s = (r.scope ?? {}) as Raw
  return {
    id: str(r.id),
    name: str(r.name),
    scope: { kind: (str(s.kind) || 'team') as ScopeKind, id: str(s.id) },
    createdAt: str(r.createdAt),
    revokedAt: str(r.revokedAt),
    lastFetchedAt: str(r.lastFetchedAt),
    fetches: num(r.fetches),
  }
}

/** The .ics text of a scope for a window (reminder minutes before each shift). */
export async function exportICS(scope: CalendarScope, w: OnCallWindow, alarmMinutes = 0): Promise<IcsExport> {
  const r = (await call(() =>
    Cal.ExportICS(scopeBody(scope), wapp.Window.createFrom(w), alarmMinutes),
  )) as unknown as Raw
  return { ics: str(r.ics), name: str(r.name), events: num(r.events), path: str(r.path) }
}

/** Asks where to save (a native dialog) and writes the file; path '' = cancelled. */
export async function saveICS(scope: CalendarScope, w: OnCallWindow, alarmMinutes = 0): Promise<IcsExport> {
  const r = (await call(() => Cal.SaveICS(scopeBody(scope), wapp.Window.createFrom(w), alarmMinutes))) as unknown as Raw
  return { ics: str(r.ics), name: str(r.name), events: num(r.events), path: str(r.path) }
}

export async function loadFeeds(): Promise<Feed[]> {
  return arr<Raw>(await call(() => Cal.Feeds())).map(feedOf)
}

/** A new subscription; its URL is shown once. */
export async function createFeed(scope: CalendarScope, name: string): Promise<{ feed: Feed; url: string }> {
  const r = (await call(() => Cal.CreateFeed(scopeBody(scope), name))) as unknown as Raw
  return { feed: feedOf((r.feed ?? {}) as Raw), url: str(r.url) }
}

export async function revokeFeed(id: string): Promise<void> {
  await call(() => Cal.RevokeFeed(id))
}

export async function feedServer(): Promise<{ running: boolean; baseUrl: string; note: string }> {
  const r = (await call(() => Cal.FeedServer())) as unknown as Raw
  return { running: r.running === true, baseUrl: str(r.baseUrl), note: str(r.note) }
}

function targetBody(target: ImportTarget) {
  const t: Raw = { kind: target.kind }
  for (const k of ['regionId', 'regionName', 'personId', 'timeOffKind'] as const) if (target[k]) t[k] = target[k]
  return wapp.ImportTargetDTO.createFrom(t)
}

export async function previewImport(content: string, fileName: string, target: ImportTarget): Promise<ImportPreview> {
  const r = (await call(() => Cal.PreviewImport(content, fileName, targetBody(target)))) as unknown as Raw
  return previewOf(str(r.token), (r.preview ?? {}) as Raw)
}

function previewOf(token: string, p: Raw): ImportPreview {
  return {
    token,
    targetName: str(p.targetName),
    calendar: str(p.calendar),
    events: num(p.events),
    new: num(p.new),
    updated: num(p.updated),
    unchanged: num(p.unchanged),
    removed: num(p.removed),
    changes: arr<Raw>(p.changes).map((c) => ({
      action: (str(c.action) || 'new') as ImportChange['action'],
      uid: str(c.uid),
      name: str(c.name),
      when: str(c.when),
      was: str(c.was),
    })),
    warnings: arr<string>(p.warnings),
  }
}

export interface ApplyResult {
  added: number
  updated: number
  removed: number
  unchanged: number
}

function applyResultOf(r: Raw): ApplyResult {
  return { added: num(r.added), updated: num(r.updated), removed: num(r.removed), unchanged: num(r.unchanged) }
}

export async function applyImport(token: string): Promise<ApplyResult> {
  return applyResultOf((await call(() => Cal.ApplyImport(token))) as unknown as Raw)
}

// ---- calendar subscriptions: holiday and time-off calendars imported from a URL

export type RefreshSchedule = 'manual' | 'daily' | 'weekly'

export interface CalendarSubscription {
  id: string
  name: string
  url: string
  refresh: RefreshSchedule
  target: { kind: 'holidays' | 'timeoff'; regionId: string; personId: string; timeOffKind: string; calendar: string }
  createdAt: string
  /** The last fetch, whatever came of it. */
  lastAttemptAt: string
  /** The last fetch that got the calendar (or confirmed the cached copy). */
  lastFetchedAt: string
  /** When fetched events were last written ('' = never: the first import waits for a preview). */
  lastAppliedAt: string
  lastError: string
  cachedBytes: number
  cachedAt: string
}

export interface SubscriptionInput {
  id?: string
  name: string
  url: string
  refresh: RefreshSchedule
  target: ImportTarget
}

export interface SubscriptionFetch {
  subscription: CalendarSubscription
  notModified: boolean
  /** Set the first time: apply it with applyImport(preview.token). */
  preview: ImportPreview | null
  /** Set afterwards: what the fetch changed. */
  applied: ApplyResult | null
}

function subscriptionOf(r: Raw): CalendarSubscription {
  const t = (r.target ?? {}) as Raw
  const refresh = str(r.refresh)
  return {
    id: str(r.id),
    name: str(r.name),
    url: str(r.url),
    refresh: (refresh === 'daily' || refresh === 'weekly' ? refresh : 'manual') as RefreshSchedule,
    target: {
      kind: str(t.kind) === 'timeoff' ? 'timeoff' : 'holidays',
      regionId: str(t.regionId),
      personId: str(t.personId),
      timeOffKind: str(t.timeOffKind),
      calendar: str(t.calendar),
    },
    createdAt: str(r.createdAt),
    lastAttemptAt: str(r.lastAttemptAt),
    lastFetchedAt: str(r.lastFetchedAt),
    lastAppliedAt: str(r.lastAppliedAt),
    lastError: str(r.lastError),
    cachedBytes: num(r.cachedBytes),
    cachedAt: str(r.cachedAt),
  }
}

export async function loadSubscriptions(): Promise<CalendarSubscription[]> {
  return arr<Raw>(await call(() => Cal.Subscriptions())).map(subscriptionOf)
}

/** Creates (no id) or updates (name, address, schedule) a subscription; nothing is fetched. */
export async function saveSubscription(s: SubscriptionInput): Promise<CalendarSubscription> {
  const body = wapp.SubscriptionInput.createFrom({ id: s.id ?? '', name: s.name, url: s.url, refresh: s.refresh, target: targetBody(s.target) })
  return subscriptionOf((await call(() => Cal.SaveSubscription(body))) as unknown as Raw)
}

export async function deleteSubscription(id: string): Promise<void> {
  await call(() => Cal.DeleteSubscription(id))
}

/** Fetch now: a preview the first time, the applied changes afterwards. */
export async function fetchSubscription(id: string): Promise<SubscriptionFetch> {
  const r = (await call(() => Cal.FetchSubscription(id))) as unknown as Raw
  return {
    subscription: subscriptionOf((r.subscription ?? {}) as Raw),
    notModified: r.notModified === true,
    preview: r.preview ? previewOf(str(r.token), r.preview as Raw) : null,
    applied: r.applied ? applyResultOf(r.applied as Raw) : null,
  }
}
