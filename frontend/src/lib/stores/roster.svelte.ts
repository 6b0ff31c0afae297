import {
  archivePerson,
  createPerson,
  deletePerson,
  deleteService,
  deleteTeam,
  loadDirectory,
  restorePerson,
  saveService,
  saveTeam,
  setLadder,
  updatePerson,
  type Person,
  type PersonInput,
  type Service,
  type ServiceInput,
  type Team,
  type TeamInput,
} from '$lib/api'
import { Loader } from './resource.svelte'

/**
 * People, teams, services and the level ladder: the whole directory. Replaced
 * whole from the backend after every change, never changed in place (editors
 * work on copies): `$state.raw`, not a deep proxy of every person that each
 * screen (and the launch's first screen) reads through.
 */
class RosterStore extends Loader {
  people = $state.raw<Person[]>([])
  teams = $state.raw<Team[]>([])
  services = $state.raw<Service[]>([])
  ladder = $state.raw<string[]>([])

  personById = $derived(new Map(this.people.map((p) => [p.id, p])))
  teamById = $derived(new Map(this.teams.map((t) => [t.id, t])))
  serviceById = $derived(new Map(this.services.map((s) => [s.id, s])))
  active = $derived(this.people.filter((p) => !p.archived))
  empty = $derived(this.loaded && this.people.length === 0 && this.teams.length === 0 && this.services.length === 0)

  async load(): Promise<void> {
    await this.run(loadDirectory, (d) => {
      this.people = d.people
      this.teams = d.teams
      this.services = d.services
      this.ladder = d.ladder
    })
  }

  // Mutations throw ApiError to the caller (a form shows it next to fields)
  // and re-read the directory on success so derived facts (teams, reports) stay right.

  async createPerson(input: PersonInput): Promise<Person> {
    const p = await createPerson(input)
    await this.load()
    return p
  }

  async updatePerson(id: string, input: PersonInput): Promise<Person> {
    const p = await updatePerson(id, input)
    await this.load()
    return p
  }

  async archivePerson(id: string): Promise<Person> {
    const p = await archivePerson(id)
    await this.load()
    return p
  }

  async restorePerson(id: string): Promise<Person> {
    const p = await restorePerson(id)
    await this.load()
    return p
  }

  async deletePerson(id: string, confirmName: string): Promise<void> {
    await deletePerson(id, confirmName)
    await this.load()
  }

  async saveTeam(id: string, input: TeamInput): Promise<Team> {
    const t = await saveTeam(id, input)
    await this.load()
    return t
  }

  async deleteTeam(id: string): Promise<void> {
    await deleteTeam(id)
    await this.load()
  }

  async saveService(id: string, input: ServiceInput): Promise<Service> {
    const s = await saveService(id, input)
    await this.load()
    return s
  }

  async deleteService(id: string): Promise<void> {
    await deleteService(id)
    await this.load()
  }

  async setLadder(levels: string[]): Promise<string[]> {
    const l = await setLadder(levels)
    this.ladder = l
    return l
  }

  /** Teams a person belongs to, by name. */
  teamsOf(personId: string): Team[] {
    return this.teams.filter((t) => t.memberIds.includes(personId))
  }

  /** Services where the person is the primary or secondary contact. */
  servicesOf(personId: string): Service[] {
    return this.services.filter((s) => s.primaryId === personId || s.secondaryId === personId)
  }

  override reset(): void {
    super.reset()
    this.people = []
    this.teams = []
    this.services = []
    this.ladder = []
  }
}

export const roster = new RosterStore()
