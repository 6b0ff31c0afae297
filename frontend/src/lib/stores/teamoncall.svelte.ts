import { ApiError, loadTeamsOnCall, type TeamOnCall } from '$lib/api'

/** Who is on call now and next for each team (the Teams screen and the team editor). */
class TeamOnCallStore {
  teams = $state<TeamOnCall[]>([])
  loading = $state(false)
  loaded = $state(false)
  error = $state<ApiError | null>(null)
  #seq = 0

  byTeam = $derived(new Map(this.teams.map((t) => [t.teamId, t])))

  async load(): Promise<void> {
    const seq = ++this.#seq
    this.loading = true
    try {
      const teams = await loadTeamsOnCall()
      if (seq !== this.#seq) return
      this.teams = teams
      this.error = null
      this.loaded = true
    } catch (e) {
      if (seq === this.#seq) this.error = e as ApiError
    } finally {
      if (seq === this.#seq) this.loading = false
    }
  }

  /** The team's rotations with who holds them now and next ([] when none belongs to it). */
  of(teamId: string): TeamOnCall['rotations'] {
    return this.byTeam.get(teamId)?.rotations ?? []
  }

  reset(): void {
    this.#seq++
    this.teams = []
    this.loading = false
    this.loaded = false
    this.error = null
  }
}

export const teamOnCall = new TeamOnCallStore()
