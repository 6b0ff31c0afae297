import * as People from '$wails/go/app/PeopleAPI'
import { app } from '$wails/go/models'
import { call } from './call'
import { arr, callList } from './decode'
import type {
  Directory,
  Impact,
  Overview,
  Person,
  PersonInput,
  Service,
  ServiceInput,
  Team,
  TeamInput,
  Zone,
} from './types'

// Nil-safe copies: Go encodes empty slices as null when they were nil.
function person(p: Person): Person {
  return { ...p, skills: arr(p.skills), teamIds: arr(p.teamIds), reportIds: arr(p.reportIds) }
}
function team(t: Team): Team {
  return { ...t, memberIds: arr(t.memberIds), serviceIds: arr(t.serviceIds) }
}

export async function loadDirectory(): Promise<Directory> {
  const d = (await call(() => People.Directory())) as Directory
  return {
    ladder: arr(d.ladder),
    people: arr<Person>(d.people).map(person),
    teams: arr<Team>(d.teams).map(team),
    services: arr(d.services),
  }
}

export async function loadOverview(): Promise<Overview> {
  return (await call(() => People.Overview())) as Overview
}

export async function createPerson(input: PersonInput): Promise<Person> {
  return person((await call(() => People.CreatePerson(app.PersonInput.createFrom(input)))) as Person)
}

export async function updatePerson(id: string, input: PersonInput): Promise<Person> {
  return person((await call(() => People.UpdatePerson(id, app.PersonInput.createFrom(input)))) as Person)
}

export async function archivePerson(id: string): Promise<Person> {
  return person((await call(() => People.ArchivePerson(id))) as Person)
}

export async function restorePerson(id: string): Promise<Person> {
  return person((await call(() => People.RestorePerson(id))) as Person)
}

export async function deletePreview(id: string): Promise<Impact> {
  const im = (await call(() => People.DeletePreview(id))) as Impact
  return { ...im, items: arr(im.items) }
}

export async function deletePerson(id: string, confirmName: string): Promise<void> {
  await call(() => People.DeletePerson(id, confirmName))
}

/** Creates (id '') or updates a team. */
export async function saveTeam(id: string, input: TeamInput): Promise<Team> {
  return team((await call(() => People.SaveTeam(id, app.TeamInput.createFrom(input)))) as Team)
}

export async function deleteTeam(id: string): Promise<void> {
  await call(() => People.DeleteTeam(id))
}

/** Creates (id '') or updates a service. */
export async function saveService(id: string, input: ServiceInput): Promise<Service> {
  return (await call(() => People.SaveService(id, app.ServiceInput.createFrom(input)))) as Service
}

export async function deleteService(id: string): Promise<void> {
  await call(() => People.DeleteService(id))
}

export async function setLadder(levels: string[]): Promise<string[]> {
  return arr(await call(() => People.SetLadder(levels)))
}

export async function loadTimeZones(): Promise<Zone[]> {
  return callList<Zone>(() => People.TimeZones())
}
