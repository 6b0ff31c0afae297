import {
  addIncidentFollowUp,
  addTimelineNote,
  createIncident,
  deleteIncident,
  deleteTimelineEntry,
  editTimelineNote,
  getIncident,
  listIncidents,
  loadIncidentSettings,
  loadMetricsPage,
  saveIncidentSettings,
  saveReview,
  setIncidentRoles,
  setIncidentSeverity,
  skipReview,
  transitionIncident,
  updateIncident,
  type FollowUp,
  type FollowUpInput,
  type Incident,
  type IncidentDetail,
  type IncidentInput,
  type IncidentSettings,
  type IncidentStatus,
  type IncidentSummary,
  type MetricsPage,
  type ReviewInput,
  type Roles,
  type SeverityLevel,
} from '$lib/api'
import { OPEN_STATUSES } from '$lib/util/incidents'
import { followups } from './followups.svelte'
import { Loader } from './resource.svelte'

const DEFAULT_SEVERITIES: SeverityLevel[] = [1, 2, 3, 4].map((n) => ({ label: `SEV${n}`, description: '' }))

/** The incidents list with its filters, the incident settings, and the "New incident" dialog. */
class IncidentsStore extends Loader {
  /** Replaced on each load, never changed in place: raw, so 2,000 summaries are not proxied. */
  items = $state.raw<IncidentSummary[]>([])

  // Filters: '' = any; status 'open' = investigating, identified or monitoring.
  status = $state<IncidentStatus | 'open' | ''>('')
  severity = $state(0)
  serviceId = $state('')

  settings = $state<IncidentSettings | null>(null)
  severities = $derived(this.settings?.severities.length === 4 ? this.settings.severities : DEFAULT_SEVERITIES)

  /** Whether the New incident dialog is open. */
  creating = $state(false)

  filtered = $derived(this.status !== '' || this.severity !== 0 || this.serviceId !== '')

  async load(): Promise<void> {
    const statuses: IncidentStatus[] | undefined =
      this.status === 'open' ? OPEN_STATUSES : this.status ? [this.status] : undefined
    const filter = {
      statuses,
      severities: this.severity ? [this.severity] : undefined,
      serviceId: this.serviceId || undefined,
    }
    await this.run(
      () => listIncidents(filter),
      (items) => (this.items = items),
    )
  }

  async loadSettings(): Promise<void> {
    try {
      this.settings = await loadIncidentSettings()
    } catch {
      // Labels fall back to SEV1..SEV4.
    }
  }

  async saveSettings(s: IncidentSettings): Promise<IncidentSettings> {
    const saved = await saveIncidentSettings(s)
    this.settings = saved
    return saved
  }

  async create(input: IncidentInput): Promise<IncidentDetail> {
    const d = await createIncident(input)
    await this.load()
    return d
  }

  clearFilters(): void {
    this.status = ''
    this.severity = 0
    this.serviceId = ''
  }

  override reset(): void {
    super.reset()
    this.items = []
    this.settings = null
    this.creating = false
    this.clearFilters()
  }
}

export const incidents = new IncidentsStore()

/** The incident the incident page shows, with its follow-ups. */
class IncidentStore extends Loader {
  id = $state('')
  data = $state<Incident | null>(null)
  followUps = $state<FollowUp[]>([])

  /** Loads an incident; another one than shown is forgotten at once (its data and error). */
  async load(id: string): Promise<void> {
    if (id !== this.id) {
      this.id = id
      this.data = null
      this.followUps = []
      this.error = null
    }
    await this.run(
      () => getIncident(id),
      (d) => this.#show(d),
    )
  }

  #show(d: IncidentDetail): void {
    this.data = d.incident
    this.followUps = d.followUps
  }

  #apply(d: IncidentDetail): Incident {
    if (d.incident.id === this.id) {
      this.cancel()
      this.#show(d)
      this.error = null
    }
    // The list and the follow-ups view show what changed.
    incidents.load()
    return d.incident
  }

  // Each mutation throws ApiError to the caller (a form puts it next to its field).

  async update(inc: Incident): Promise<Incident> {
    return this.#apply(await updateIncident($state.snapshot(inc) as Incident))
  }

  async transition(to: IncidentStatus, opts: { at?: string; note?: string } = {}): Promise<Incident> {
    return this.#apply(await transitionIncident(this.id, { to, ...opts }))
  }

  async setSeverity(severity: number): Promise<Incident> {
    return this.#apply(await setIncidentSeverity(this.id, severity))
  }

  async setRoles(roles: Roles): Promise<Incident> {
    return this.#apply(await setIncidentRoles(this.id, roles))
  }

  async addNote(text: string, at?: string): Promise<Incident> {
    return this.#apply(await addTimelineNote(this.id, text, at))
  }

  async editNote(entry: { id: string; text: string; at?: string }): Promise<Incident> {
    return this.#apply(await editTimelineNote(this.id, entry))
  }

  async deleteEntry(entryId: string): Promise<Incident> {
    return this.#apply(await deleteTimelineEntry(this.id, entryId))
  }

  async saveReview(r: ReviewInput): Promise<Incident> {
    return this.#apply(await saveReview(this.id, r))
  }

  async skipReview(reason: string): Promise<Incident> {
    return this.#apply(await skipReview(this.id, reason))
  }

  async addFollowUp(input: FollowUpInput): Promise<Incident> {
    const inc = this.#apply(await addIncidentFollowUp(this.id, input))
    followups.refresh()
    return inc
  }

  /** Re-reads the follow-ups after one changed elsewhere (status, edit). */
  async refresh(): Promise<void> {
    if (this.id) await this.load(this.id)
  }

  async remove(): Promise<void> {
    await deleteIncident(this.id)
    this.cancel()
    this.data = null
    this.followUps = []
    await incidents.load()
  }

  override reset(): void {
    super.reset()
    this.id = ''
    this.data = null
    this.followUps = []
  }
}

export const incident = new IncidentStore()

export type MetricsPreset = '90d' | '12m' | 'all'

export const METRICS_PRESETS: { value: MetricsPreset; label: string }[] = [
  { value: '90d', label: 'Last 90 days' },
  { value: '12m', label: 'Last 12 months' },
  { value: 'all', label: 'All time' },
]

/** The window a preset covers, ending now. */
export function presetWindow(p: MetricsPreset, now: Date): { from?: string } {
  if (p === 'all') return {}
  const from = new Date(now)
  if (p === '90d') from.setDate(from.getDate() - 90)
  else {
    from.setMonth(from.getMonth() - 11, 1)
    from.setHours(0, 0, 0, 0)
  }
  return { from: from.toISOString().replace(/\.\d{3}Z$/, 'Z') }
}

/** The Metrics tab of Incidents. */
class MetricsStore extends Loader {
  preset = $state<MetricsPreset>('12m')
  page = $state.raw<MetricsPage | null>(null)
  /** Incident titles, for the links of recurring patterns. */
  titles = $state<Map<string, string>>(new Map())

  async load(now: Date): Promise<void> {
    const w = presetWindow(this.preset, now)
    await this.run(
      () => Promise.all([loadMetricsPage(w), listIncidents({})]),
      ([p, all]) => {
        this.page = p
        this.titles = new Map(all.map((s) => [s.id, s.title]))
      },
    )
  }

  override reset(): void {
    super.reset()
    this.preset = '12m'
    this.page = null
    this.titles = new Map()
  }
}

export const metrics = new MetricsStore()
