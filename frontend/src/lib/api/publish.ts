// Publishing on-call calendars to a CalDAV server (issue 13; app/publish_api.go).
import * as Pub from '$wails/go/app/PublishAPI'
import { app as wapp } from '$wails/go/models'
import { call } from './call'
import type { CalendarScope, ScopeKind } from './calendar'
import { arr, bool, callList, callRaw, num, obj, str, strOr, type Raw } from './decode'

export type ConflictChoice = 'ours' | 'theirs'
export type ConflictPolicy = 'ask' | ConflictChoice

export interface PublishCounts {
  created: number
  updated: number
  deleted: number
  unchanged: number
  conflicts: number
}

/** One version of an event: its title and times ('' when the text could not be read). */
export interface EventVersion {
  summary: string
  start: string
  end: string
  /** The text as the backend wrote it (shown when it cannot be read). */
  text: string
}

export interface PublishConflict {
  uid: string
  at: string
  /** Our version. */
  ours: EventVersion
  /** The server's edited copy. */
  theirs: EventVersion
  /** The shift is gone here; the server copy was edited. */
  removed: boolean
}

export interface Publication {
  name: string
  url: string
  user: string
  scope: CalendarScope
  perEngineer: boolean
  backDays: number
  aheadDays: number
  alarmMinutes: number
  trustSha256: string
  onConflict: ConflictPolicy
  /** Where the password is kept: 'keyring', 'workspace' or '' (none). */
  passwordIn: '' | 'keyring' | 'workspace'
  collections: number
  lastRunAt: string
  lastSuccessAt: string
  lastError: string
  lastErrorAt: string
  /** SHA-256 of a certificate the last run was refused by ('' = none). */
  untrustedCertificate: string
  last: PublishCounts
  /** Requests the next run would send (changes waiting). */
  waiting: number
  conflicts: PublishConflict[]
  running: boolean
}

export interface PublicationInput {
  name: string
  url: string
  user: string
  /** '' keeps the stored one. */
  password: string
  scope: CalendarScope
  perEngineer: boolean
  backDays: number
  aheadDays: number
  alarmMinutes: number
  trustSha256: string
  onConflict: ConflictPolicy
}

export interface PasswordPlace {
  place: 'keyring' | 'workspace'
  encrypted: boolean
  reason: string
}

/** Where a password typed now would be kept, in words (null: not known yet). */
export function passwordPlaceText(place: PasswordPlace | null): string {
  if (!place) return 'Checking where it will be kept…'
  if (place.place === 'keyring') return 'Kept in the OS keyring (not in the workspace, never in an export).'
  return place.encrypted
    ? 'Kept inside this workspace, which is encrypted (no OS keyring answered). Never in an export.'
    : 'Kept inside this workspace, which is not encrypted (no OS keyring answered): anyone who can read its folder can read it. Never in an export.'
}

/** Reads backend/publish's "Summary, 2027-01-04 09:00 – 2027-01-11 09:00 UTC". */
export function versionOf(text: string): EventVersion {
  const m = /^(.*), (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) – (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC$/s.exec(text)
  if (!m) return { summary: '', start: '', end: '', text }
  return { summary: m[1], start: `${m[2]}T${m[3]}:00Z`, end: `${m[4]}T${m[5]}:00Z`, text }
}

function countsOf(r: Raw): PublishCounts {
  return { created: num(r.created), updated: num(r.updated), deleted: num(r.deleted), unchanged: num(r.unchanged), conflicts: num(r.conflicts) }
}

function publicationOf(r: Raw): Publication {
  const s = obj(r.scope)
  const pin = str(r.passwordIn)
  return {
    name: str(r.name),
    url: str(r.url),
    user: str(r.user),
    scope: { kind: strOr<ScopeKind>(s.kind, 'team'), id: str(s.id) },
    perEngineer: bool(r.perEngineer),
    backDays: num(r.backDays),
    aheadDays: num(r.aheadDays),
    alarmMinutes: num(r.alarmMinutes),
    trustSha256: str(r.trustSha256),
    onConflict: strOr<ConflictPolicy>(r.onConflict, 'ask'),
    passwordIn: pin === 'keyring' || pin === 'workspace' ? pin : '',
    collections: num(r.collections),
    lastRunAt: str(r.lastRunAt),
    lastSuccessAt: str(r.lastSuccessAt),
    lastError: str(r.lastError),
    lastErrorAt: str(r.lastErrorAt),
    untrustedCertificate: str(r.untrustedCertificate),
    last: countsOf(obj(r.last)),
    waiting: num(r.waiting),
    conflicts: arr(r.conflicts).map((c) => ({
      uid: str(c.uid),
      at: str(c.at),
      ours: versionOf(str(c.ours)),
      theirs: versionOf(str(c.theirs)),
      removed: bool(c.removed),
    })),
    running: bool(r.running),
  }
}

export async function loadPublications(): Promise<Publication[]> {
  return (await callList(() => Pub.List())).map(publicationOf)
}

export async function publicationStatus(name: string): Promise<Publication> {
  return publicationOf(await callRaw(() => Pub.Status(name)))
}

/** Where a password saved now would be kept (asks the OS keyring, a few seconds at most). */
export async function passwordPlace(): Promise<PasswordPlace> {
  const r = await callRaw(() => Pub.PasswordPlace())
  return { place: str(r.place) === 'keyring' ? 'keyring' : 'workspace', encrypted: bool(r.encrypted), reason: str(r.reason) }
}

/** Adds a publication or changes the one with this name; nothing is sent yet. */
export async function savePublication(p: PublicationInput): Promise<Publication> {
  const scope: Raw = { kind: p.scope.kind }
  if (p.scope.id) scope.id = p.scope.id
  const body = wapp.PublicationInputDTO.createFrom({ ...p, scope })
  return publicationOf(await callRaw(() => Pub.Save(body)))
}

export async function removePublication(name: string): Promise<void> {
  await call(() => Pub.Remove(name))
}

/** Publishes now (progress as the event 'publish:progress'); the counts and the status after. */
export async function publishNow(name: string): Promise<{ counts: PublishCounts; publication: Publication }> {
  const r = await callRaw(() => Pub.Publish(name))
  return { counts: countsOf(obj(r.counts)), publication: publicationOf(obj(r.publication)) }
}

/** Settles conflicts (uid '' = all of them): ours wins, or keep theirs. */
export async function resolveConflicts(name: string, uid: string, choice: ConflictChoice): Promise<Publication> {
  return publicationOf(await callRaw(() => Pub.Resolve(name, uid, choice)))
}

/** Trusts exactly this certificate for this publication. */
export async function trustCertificate(name: string, sha256: string): Promise<Publication> {
  return publicationOf(await callRaw(() => Pub.TrustCertificate(name, sha256)))
}
