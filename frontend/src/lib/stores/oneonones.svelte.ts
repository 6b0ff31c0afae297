import {
  loadCadenceStatuses,
  loadFeedback,
  loadHealth,
  loadOneOnOnes,
  type CadenceStatus,
  type TeamHealth,
} from '$lib/api'
import { Loader, SubjectResource } from './resource.svelte'

/** One person's 1:1 page: cadence, status, meetings and open follow-ups. */
export const personOneOnOnes = new SubjectResource((personId: string) => loadOneOnOnes(personId))

/** One person's feedback with its balance. */
export const personFeedback = new SubjectResource((personId: string) => loadFeedback(personId))

/** Every report's cadence status (overview card, team health view). */
class CadenceStore extends Loader {
  statuses = $state.raw<CadenceStatus[]>([])
  overdue = $derived(this.statuses.filter((s) => s.overdue))

  async load(): Promise<void> {
    await this.run(loadCadenceStatuses, (s) => (this.statuses = s))
  }

  override reset(): void {
    super.reset()
    this.statuses = []
  }
}

/** The team health table with its team filter ('' = everyone). */
class HealthStore extends Loader {
  teamId = $state('')
  data = $state.raw<TeamHealth | null>(null)

  async load(): Promise<void> {
    const teamId = this.teamId
    await this.run(
      () => loadHealth(teamId),
      (d) => (this.data = d),
    )
  }

  override reset(): void {
    super.reset()
    this.teamId = ''
    this.data = null
  }
}

export const cadences = new CadenceStore()
export const health = new HealthStore()
