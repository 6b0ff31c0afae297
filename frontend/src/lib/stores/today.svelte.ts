import { loadToday } from '$lib/api'
import { Resource } from './resource.svelte'

/** The Today screen: the manager's day. */
export const today = new Resource(loadToday)
