// Shared test data and helpers. Tests stub '$lib/api' (vi.mock); never window.go.
import type {
  Directory,
  FollowUpBrief,
  FollowUpsView,
  Incident,
  Person,
  Reminder,
  Rotation,
  Team,
  WorkspaceInfo,
  Zone,
} from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'

export function person(p: Partial<Person> & { id: string; name: string }): Person {
  return {
    email: '',
    role: '',
    level: '',
    timezone: 'Europe/Berlin',
    startDate: '',
    managerId: '',
    skills: [],
    aspiration: 'undecided',
    notes: '',
    archived: false,
    archivedAt: '',
    createdAt: '',
    updatedAt: '',
    teamIds: [],
    reportIds: [],
    ...p,
  }
}

export const ZONES: Zone[] = [
  { name: 'America/Los_Angeles', offset: 'UTC-08:00' },
  { name: 'America/New_York', offset: 'UTC-05:00' },
  { name: 'Asia/Kolkata', offset: 'UTC+05:30' },
  { name: 'Australia/Lord_Howe', offset: 'UTC+11:00' },
  { name: 'Europe/Berlin', offset: 'UTC+01:00' },
  { name: 'Europe/London', offset: 'UTC+00:00' },
]

export function directory(d: Partial<Directory> = {}): Directory {
  return { ladder: ['L1', 'L2', 'L3'], people: [], teams: [], services: [], ...d }
}

export function team(id: string, name: string, t: Partial<Team> = {}): Team {
  return { id, name, description: '', memberIds: [], serviceIds: [], ...t }
}

/**
 * The roster as if it had loaded these people, teams and services (the last
 * test's forgotten first): for components that read the roster store.
 */
export function loadedRoster(d: Partial<Directory> = {}): void {
  roster.reset()
  roster.people = d.people ?? []
  roster.teams = d.teams ?? []
  roster.services = d.services ?? []
  if (d.ladder) roster.ladder = d.ladder
  roster.loaded = true
}

/** A weekly rotation of p1 and p2 (id r1, "Payments primary"), handing off at 10:00 Berlin time. */
export function rotation(r: Partial<Rotation> = {}): Rotation {
  return {
    id: 'r1',
    name: 'Payments primary',
    teamId: '',
    scheduleName: '',
    layer: 1,
    timezone: 'Europe/Berlin',
    participants: ['p1', 'p2'],
    shiftLength: { n: 1, unit: 'weeks' },
    handoffTime: '10:00',
    startDate: '2026-11-02',
    requiredCoverage: '24x7',
    payback: false,
    notifyHandoffs: false,
    colors: {},
    description: '',
    ...r,
  }
}

export function info(i: Partial<WorkspaceInfo> = {}): WorkspaceInfo {
  return {
    version: '0.1.0',
    dataDir: '/home/me/.local/share/wheelhouse',
    path: '/home/me/.local/share/wheelhouse',
    demo: false,
    empty: false,
    schema: 1,
    openError: null,
    platform: 'linux',
    ...i,
  }
}

/** The string the Go bridge rejects with. */
export function goError(e: {
  code: string
  message: string
  field?: string
  fields?: { field: string; message: string }[]
}): string {
  return JSON.stringify(e)
}

export function followUpsView(v: Partial<FollowUpsView> = {}): FollowUpsView {
  const stats = { total: 0, open: 0, done: 0, wontDo: 0, overdue: 0, completionRate: 0 }
  return { today: '2025-01-06', soonDays: 7, rows: [], overdue: 0, dueSoon: 0, moreClosed: false, all: stats, owners: [], teams: [], ...v }
}

export function brief(b: Partial<FollowUpBrief> & { id: string; title: string }): FollowUpBrief {
  return {
    ownerId: '',
    ownerRemoved: false,
    dueDate: '',
    priority: 'medium',
    status: 'open',
    reason: '',
    source: { kind: '', id: '', label: '' },
    createdAt: '2025-01-01T10:00:00Z',
    ...b,
  }
}

export function reminder(r: Partial<Reminder> & { key: string }): Reminder {
  return {
    kind: 'followup.overdue',
    title: 'Overdue follow-up: Add an alert',
    body: 'Owner: Dana Xu · due 3 Jan 2025 (3 days ago).',
    linkArea: 'followups',
    linkId: 'f1',
    dueAt: '2025-01-04T00:00:00Z',
    status: 'delivered',
    heldUntil: '',
    snoozedUntil: '',
    deliveredAt: '2025-01-06T09:00:00Z',
    desktop: 'shown',
    ...r,
  }
}

export function incident(i: Partial<Incident> & { id: string; title: string }): Incident {
  return {
    summary: '',
    severity: 2,
    status: 'investigating',
    startedAt: '2025-01-06T09:00:00Z',
    commanderId: '',
    scribeId: '',
    commsId: '',
    responderIds: [],
    participants: [],
    affectedServiceIds: [],
    customerImpact: '',
    tags: [],
    escalated: false,
    timeline: [],
    review: {
      state: 'not_started',
      dueDate: '',
      summary: '',
      impact: '',
      timeline: '',
      rootCause: '',
      contributingFactors: [],
      wentWell: '',
      wentPoorly: '',
      lessons: '',
      skipReason: '',
      skippedBy: '',
    },
    createdAt: '2025-01-06T09:00:00Z',
    updatedAt: '2025-01-06T09:00:00Z',
    ...i,
  }
}
