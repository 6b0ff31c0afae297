import { loadOverview } from '$lib/api'
import { Resource } from './resource.svelte'

/** The roster overview (People › Overview). */
export const overview = new Resource(loadOverview)
