import * as Cal from '$wails/go/app/CalendarAPI'
import { app as wapp } from '$wails/go/models'
import { call } from './call'
import { arr, callList, callRaw, num, obj, str, strOr, type Raw } from './decode'
import type { OnCallWindow } from './oncall'

export type ScopeKind = 'rotation' | 'person' | 'team' | 'schedule'

export interface CalendarScope {
  kind: ScopeKind
  /** The rotation, person or team of a schedule ('' for the whole team). */
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
  const s = obj(r.scope)
  return {
    id: str(r.id),
    name: str(r.name),
    scope: { kind: strOr<ScopeKind>(s.kind, 'team'), id: str(s.id) },
    createdAt: str(r.createdAt),
    revokedAt: str(r.revokedAt),
    lastFetchedAt: str(r.lastFetchedAt),
    fetches: num(r.fetches),
  }
}

/** The .ics text of a scope for a window (reminder minutes before each shift). */
export async function exportICS(scope: CalendarScope, w: OnCallWindow, alarmMinutes = 0): Promise<IcsExport> {
  const r = await callRaw(() =>
    Cal.ExportICS(scopeBody(scope), wapp.Window.createFrom(w), alarmMinutes),
  )
  return { ics: str(r.ics), name: str(r.name), events: num(r.events), path: str(r.path) }
}

/** Asks where to save (a native dialog) and writes the file; path '' = cancelled. */
export async function saveICS(scope: CalendarScope, w: OnCallWindow, alarmMinutes = 0): Promise<IcsExport> {
  const r = await callRaw(() => Cal.SaveICS(scopeBody(scope), wapp.Window.createFrom(w), alarmMinutes))
  return { ics: str(r.ics), name: str(r.name), events: num(r.events), path: str(r.path) }
}

export async function loadFeeds(): Promise<Feed[]> {
  return (await callList(() => Cal.Feeds())).map(feedOf)
}

/** A new subscription; its URL is shown once. */
export async function createFeed(scope: CalendarScope, name: string): Promise<{ feed: Feed; url: string }> {
  const r = await callRaw(() => Cal.CreateFeed(scopeBody(scope), name))
  return { feed: feedOf(obj(r.feed)), url: str(r.url) }
}

export async function revokeFeed(id: string): Promise<void> {
  await call(() => Cal.RevokeFeed(id))
}

export async function feedServer(): Promise<{ running: boolean; baseUrl: string; note: string }> {
  const r = await callRaw(() => Cal.FeedServer())
  return { running: r.running === true, baseUrl: str(r.baseUrl), note: str(r.note) }
}

function targetBody(target: ImportTarget) {
  const t: Raw = { kind: target.kind }
  for (const k of ['regionId', 'regionName', 'personId', 'timeOffKind'] as const) if (target[k]) t[k] = target[k]
  return wapp.ImportTargetDTO.createFrom(t)
}

export async function previewImport(content: string, fileName: string, target: ImportTarget): Promise<ImportPreview> {
  const r = await callRaw(() => Cal.PreviewImport(content, fileName, targetBody(target)))
  return previewOf(str(r.token), obj(r.preview))
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
    changes: arr(p.changes).map((c) => ({
      action: strOr<ImportChange['action']>(c.action, 'new'),
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
  return applyResultOf(await callRaw(() => Cal.ApplyImport(token)))
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
  /** 'ics': an iCalendar address; 'caldav': a CalDAV calendar read with the user's password (decision 0031). */
  source: SubscriptionSource
  user: string
  trustSha256: string
  /** Where the CalDAV password is kept: 'keyring', 'workspace' or '' (none). Never the password. */
  passwordIn: string
  /** The last fetch was refused by this certificate (SHA-256), to trust explicitly; '' otherwise. */
  untrustedCertificate: string
}

export type SubscriptionSource = 'ics' | 'caldav'

export interface SubscriptionInput {
  id?: string
  name: string
  url: string
  refresh: RefreshSchedule
  target: ImportTarget
  source?: SubscriptionSource
  /** CalDAV only. */
  user?: string
  /** CalDAV only; empty keeps the stored one. */
  password?: string
  trustSha256?: string
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
  const t = obj(r.target)
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
    source: str(r.source) === 'caldav' ? 'caldav' : 'ics',
    user: str(r.user),
    trustSha256: str(r.trustSha256),
    passwordIn: str(r.passwordIn),
    untrustedCertificate: str(r.untrustedCertificate),
  }
}

export async function loadSubscriptions(): Promise<CalendarSubscription[]> {
  return (await callList(() => Cal.Subscriptions())).map(subscriptionOf)
}

/** Creates (no id) or updates (name, address, source, CalDAV account, schedule) a subscription; nothing is fetched. */
export async function saveSubscription(s: SubscriptionInput): Promise<CalendarSubscription> {
  const caldav = s.source === 'caldav'
  const body = wapp.SubscriptionInput.createFrom({
    id: s.id ?? '',
    name: s.name,
    url: s.url,
    refresh: s.refresh,
    target: targetBody(s.target),
    source: caldav ? 'caldav' : '',
    user: caldav ? (s.user ?? '') : '',
    password: caldav ? (s.password ?? '') : '',
    trustSha256: caldav ? (s.trustSha256 ?? '') : '',
  })
  return subscriptionOf(await callRaw(() => Cal.SaveSubscription(body)))
}

export async function deleteSubscription(id: string): Promise<void> {
  await call(() => Cal.DeleteSubscription(id))
}

/** Fetch now: a preview the first time, the applied changes afterwards. */
export async function fetchSubscription(id: string): Promise<SubscriptionFetch> {
  const r = await callRaw(() => Cal.FetchSubscription(id))
  return {
    subscription: subscriptionOf(obj(r.subscription)),
    notModified: r.notModified === true,
    preview: r.preview ? previewOf(str(r.token), r.preview as Raw) : null,
    applied: r.applied ? applyResultOf(r.applied as Raw) : null,
  }
}
