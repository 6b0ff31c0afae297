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
  platform: string
}
