import type { FollowUpBrief, FollowUpStatus, Priority } from '$lib/api'
import type { DueFilter, SortDir, SortKey, SourceFilter } from '$lib/stores/followups.svelte'
import { addDays } from '$lib/util/time'

/** The Sunday that ends the (Monday to Sunday) week of a civil date. */
export function endOfWeek(today: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today)
  if (!m) return today
  const dow = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay() // 0 = Sunday
  return addDays(today, (7 - dow) % 7)
}

function isOpen(s: FollowUpStatus): boolean {
  return s === 'open' || s === 'in_progress'
}

export function matchesDue(it: FollowUpBrief, due: DueFilter, today: string): boolean {
  switch (due) {
    case 'overdue':
      return isOpen(it.status) && it.dueDate !== '' && it.dueDate < today
    case 'week':
      return it.dueDate !== '' && it.dueDate >= today && it.dueDate <= endOfWeek(today)
    case 'later':
      return it.dueDate !== '' && it.dueDate > endOfWeek(today)
    case 'none':
      return it.dueDate === ''
    default:
      return true
  }
}

export function matchesSource(it: FollowUpBrief, source: SourceFilter): boolean {
  if (!source) return true
  if (source === 'standalone') return !it.source.kind
  if (source.startsWith('kind:')) return it.source.kind === source.slice(5)
  if (source.startsWith('id:')) return it.source.id === source.slice(3)
  return true
}

const STATUS_ORDER: Record<FollowUpStatus, number> = { open: 0, in_progress: 1, done: 2, wont_do: 3 }
const PRIORITY_ORDER: Record<Priority, number> = { low: 0, medium: 1, high: 2, urgent: 3 }

/**
 * Sorts by a column. Blanks (no owner, stand-alone, no due date) come last
 * whichever the direction; ties go by due date, then title.
 */
export function sortFollowUps(
  items: FollowUpBrief[],
  key: SortKey,
  dir: SortDir,
  ownerName: (it: FollowUpBrief) => string,
): FollowUpBrief[] {
  const value = (it: FollowUpBrief): string | number => {
    switch (key) {
      case 'title':
        return it.title.toLocaleLowerCase()
      case 'source':
        return it.source.kind ? (it.source.label || it.source.kind).toLocaleLowerCase() : ''
      case 'owner':
        return it.ownerId ? ownerName(it).toLocaleLowerCase() : ''
      case 'due':
        return it.dueDate
      case 'priority':
        return PRIORITY_ORDER[it.priority] ?? 1
      case 'status':
        return STATUS_ORDER[it.status] ?? 0
    }
  }
  const sign = dir === 'asc' ? 1 : -1
  const tie = (a: FollowUpBrief, b: FollowUpBrief) =>
    (a.dueDate || '9999').localeCompare(b.dueDate || '9999') || a.title.localeCompare(b.title)
  return items
    .map((it) => ({ it, v: value(it) }))
    .sort((a, b) => {
      const blank = Number(a.v === '') - Number(b.v === '')
      if (blank !== 0) return blank
      if (a.v !== b.v) {
        const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v))
        if (c !== 0) return sign * c
      }
      return tie(a.it, b.it)
    })
    .map((x) => x.it)
}
