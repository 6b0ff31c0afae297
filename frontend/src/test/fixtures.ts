// Shared test data and helpers. Tests stub '$lib/api' (vi.mock); never window.go.
import type { Directory, Person, WorkspaceInfo, Zone } from '$lib/api'

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
