import {
  ApiError,
  createFollowUp,
  deleteFollowUp,
  loadFollowUps,
  setFollowUpStatus,
  updateFollowUp,
  type FollowUp,
  type FollowUpInput,
  type FollowUpStatus,
  type FollowUpsView,
} from '$lib/api'

const ALL_STATUSES: FollowUpStatus[] = ['open', 'in_progress', 'done', 'wont_do']

/** The follow-ups view (every source) with its filters, and the overdue count the sidebar shows. */
class FollowUpsStore {
  view = $state<FollowUpsView | null>(null)
  loading = $state(false)
  loaded = $state(false)
  error = $state<ApiError | null>(null)

  // Filters: '' = any.
  ownerId = $state('')
  sourceKind = $state('')
  status = $state<FollowUpStatus | ''>('')
  showClosed = $state(false)

  /** Whether the New follow-up dialog is open. */
  creating = $state(false)

  /** Open follow-ups past their due date, over the whole book (not the filter). */
  overdueCount = $derived(this.view?.all.overdue ?? 0)
  #seq = 0

  statuses(): FollowUpStatus[] {
    if (this.status) return [this.status]
    return this.showClosed ? ALL_STATUSES : []
  }

  async load(): Promise<void> {
    const seq = ++this.#seq
    this.loading = true
    try {
      const v = await loadFollowUps({
        filter: {
          ownerIds: this.ownerId ? [this.ownerId] : undefined,
          sourceKind: this.sourceKind || undefined,
          statuses: this.statuses(),
        },
      })
      if (seq !== this.#seq) return
      this.view = v
      this.error = null
      this.loaded = true
    } catch (e) {
      if (seq === this.#seq) this.error = e as ApiError
    } finally {
      if (seq === this.#seq) this.loading = false
    }
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

  clearFilters(): void {
    this.ownerId = ''
    this.sourceKind = ''
    this.status = ''
  }

  reset(): void {
    this.#seq++
    this.view = null
    this.loading = false
    this.loaded = false
    this.error = null
    this.ownerId = ''
    this.sourceKind = ''
    this.status = ''
    this.showClosed = false
    this.creating = false
  }
}

export const followups = new FollowUpsStore()
