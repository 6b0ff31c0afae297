// The command palette's search over the whole workspace (Go: app/search_api.go, backend/search).
import * as S from '$wails/go/app/SearchAPI'
import { arr, callRaw, str } from './decode'

export type SearchKind = 'person' | 'team' | 'service' | 'rotation' | 'incident' | 'followup' | 'oneonone' | 'feedback' | 'plan'

export interface SearchHit {
  kind: SearchKind
  id: string
  /** Whose page a 1:1, feedback or plan hit opens ('' for the rest). */
  person: string
  /** The team a rotation belongs to ('' for none). */
  team: string
  title: string
  detail: string
  /** The text around the words found outside the title ('' when all are in it). */
  snippet: string
  /** Archived, resolved, done: found after the active ones. */
  inactive: boolean
}

const KINDS: SearchKind[] = ['person', 'team', 'service', 'rotation', 'incident', 'followup', 'oneonone', 'feedback', 'plan']

/** The records holding every word of query, best first (at most limit; 0: 30). */
export async function search(query: string, limit = 0): Promise<SearchHit[]> {
  const raw = await callRaw(() => S.Search(query, limit))
  return arr(raw)
    .map((r) => ({
      kind: str(r.kind) as SearchKind,
      id: str(r.id),
      person: str(r.person),
      team: str(r.team),
      title: str(r.title),
      detail: str(r.detail),
      snippet: str(r.snippet),
      inactive: r.inactive === true,
    }))
    .filter((h) => KINDS.includes(h.kind))
}

/** Readies the search index in the background (the palette opens): the first search finds it built. */
export async function warmSearch(): Promise<void> {
  try {
    await S.Warm()
  } catch {
    // A nicety: the first search builds it otherwise.
  }
}
