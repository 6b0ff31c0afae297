import { SvelteSet } from 'svelte/reactivity'
import {
  changeFollowUps,
  createFollowUp,
  deleteFollowUp,
  loadFollowUps,
  setFollowUpStatus,
  updateFollowUp,
  type FollowUp,
  type FollowUpChange,
  type FollowUpInput,
  type FollowUpsChanged,
  type FollowUpStatus,
  type FollowUpsView,
} from '$lib/api'
import { Loader } from './resource.svelte'

/** Columns the follow-ups table sorts by. */
export type SortKey = 'title' | 'source' | 'owner' | 'due' | 'priority' | 'status'
export type SortDir = 'asc' | 'desc'

/** When a follow-up is due: '' any, overdue (open and past due), this week (today to Sunday), later, or no date. */
export type DueFilter = '' | 'overdue' | 'week' | 'later' | 'none'

/**
 * Where a follow-up came from: '' any, 'standalone' (no source),
 * 'kind:<kind>' (e.g. every incident review) or 'id:<source id>' (one incident).
 */
export type SourceFilter = string

/** The direction a first click sorts in: the most urgent priority first, everything else A to Z / soonest first. */
export function firstDir(key: SortKey): SortDir {
  return key === 'priority' ? 'desc' : 'asc'
}

const ALL_STATUSES: FollowUpStatus[] = ['open', 'in_progress', 'done', 'wont_do']

/** The follow-ups view (every source) with its filters, and the overdue count the sidebar shows. */
class FollowUpsStore extends Loader {
  /** Read-only once loaded (replaced, never changed in place): raw, so 1,800 rows are not proxied. */
  view = $state.raw<FollowUpsView | null>(null)

  // Filters: '' = any. Owner and status are asked of the backend; source and
  // due date filter the rows it returned (see features/followups/table.ts).
  ownerId = $state('')
  source = $state<SourceFilter>('')
  due = $state<DueFilter>('')
  status = $state<FollowUpStatus | ''>('')
  showClosed = $state(false)

  /** The column rows are sorted by within each group ('' = the backend's order: by due date). */
  sortKey = $state<SortKey | ''>('')
  sortDir = $state<SortDir>('asc')

  /** Ids of the rows ticked for a bulk action. */
  selected = new SvelteSet<string>()

  /** Whether the New follow-up dialog is open. */
  creating = $state(false)

  /** Open follow-ups past their due date, over the whole book (not the filter),
   * from whichever came last: the view or a counts-only read (the sidebar). */
  overdue = $state(0)
  overdueCount = $derived(this.overdue)
  #counts = new Loader()

  /** The sidebar's badge on every screen: the stats without the rows. */
  async loadCounts(): Promise<void> {
    // On failure the badge keeps its last number; the Follow-ups screen says what failed.
    await this.#counts.run(
      () => loadFollowUps({ countsOnly: true }),
      (v) => (this.overdue = v.all.overdue),
    )
  }

  /** After a change elsewhere: the whole view when the screen has used it, else the counts. */
  refresh(): Promise<void> {
    return this.loaded ? this.load() : this.loadCounts()
  }

  statuses(): FollowUpStatus[] {
    if (this.status) return [this.status]
    return this.showClosed ? ALL_STATUSES : []
  }

  async load(): Promise<void> {
    const filter = { ownerIds: this.ownerId ? [this.ownerId] : undefined, statuses: this.statuses() }
    await this.run(
      () => loadFollowUps({ filter }),
      (v) => {
        this.view = v
        this.overdue = v.all.overdue
        this.#counts.cancel() // an older counts-only answer must not win
      },
    )
  }

  // Mutations throw ApiError to the caller and re-read the view on success.

  async setStatus(id: string, status: FollowUpStatus, reason = ''): Promise<FollowUp> {
    const it = await setFollowUpStatus(id, status, reason)
    await this.load()
    return it
  }

  async create(input: FollowUpInput): Promise<FollowUp> {
    const it = await createFollowUp(input)
    await this.load()
    return it
  }

  async update(id: string, input: FollowUpInput): Promise<FollowUp> {
    const it = await updateFollowUp(id, input)
    await this.load()
    return it
  }

  async remove(id: string): Promise<void> {
    await deleteFollowUp(id)
    await this.load()
  }

  /** Applies each change on its own (bulk actions and their undo) and re-reads the view. */
  async changeMany(changes: FollowUpChange[]): Promise<FollowUpsChanged> {
    const res = await changeFollowUps(changes)
    await this.load()
    return res
  }

  /** A click on a column header: that column in its first direction (see firstDir), or the other direction. */
  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc'
    else {
      this.sortKey = key
      this.sortDir = firstDir(key)
    }
  }

  clearFilters(): void {
    this.ownerId = ''
    this.source = ''
    this.due = ''
    this.status = ''
  }

  override reset(): void {
    super.reset()
    this.#counts.reset()
    this.overdue = 0
    this.view = null
    this.ownerId = ''
    this.source = ''
    this.due = ''
    this.status = ''
    this.showClosed = false
    this.sortKey = ''
    this.sortDir = 'asc'
    this.selected.clear()
    this.creating = false
  }
}

export const followups = new FollowUpsStore()
