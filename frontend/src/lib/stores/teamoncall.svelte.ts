import { loadTeamsOnCall, type TeamOnCall } from '$lib/api'
import { Resource } from './resource.svelte'

/** Who is on call now and next for each team (the Teams screen and the team editor). */
class TeamOnCallStore extends Resource<TeamOnCall[]> {
  constructor() {
    super(loadTeamsOnCall)
  }

  byTeam = $derived(new Map((this.data ?? []).map((t) => [t.teamId, t])))

  /** The team's rotations with who holds them now and next ([] when none belongs to it). */
  of(teamId: string): TeamOnCall['rotations'] {
    return this.byTeam.get(teamId)?.rotations ?? []
  }
}

export const teamOnCall = new TeamOnCallStore()
