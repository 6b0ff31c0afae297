import type { EvidenceKind, GoalStatus, LinkKind, StretchStatus } from '$lib/api'
import type { IconName } from '$lib/components/Icon.svelte'
import { daysBetween, formatDate } from '$lib/util/time'

export const GOAL_STATUSES: { value: GoalStatus; label: string }[] = [
  { value: 'not_started', label: 'Not started' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
]

export const STRETCH_STATUSES: { value: StretchStatus; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'active', label: 'Active' },
  { value: 'done', label: 'Done' },
]

export const EVIDENCE_KINDS: Record<EvidenceKind, string> = {
  incident: 'Incident',
  feedback: 'Feedback',
  followup: 'Follow-up',
  note: 'Note',
}

export const EVIDENCE_ICONS: Record<EvidenceKind, IconName> = {
  incident: 'zap',
  feedback: 'megaphone',
  followup: 'followups',
  note: 'note',
}

/** The groups of the "Link evidence" dialog, in the order the backend lists them. */
export const LINK_GROUPS: { kind: LinkKind; title: string; many: string; icon: IconName }[] = [
  { kind: 'incident', title: 'Incidents', many: 'incidents', icon: EVIDENCE_ICONS.incident },
  { kind: 'feedback', title: 'Feedback', many: 'pieces of feedback', icon: EVIDENCE_ICONS.feedback },
  { kind: 'followup', title: 'Follow-ups', many: 'follow-ups', icon: EVIDENCE_ICONS.followup },
]

/** Check-in cadences offered in the pair dialog (the backend takes 7-90 days). */
export const CADENCES: { value: number; label: string }[] = [
  { value: 7, label: 'Every week' },
  { value: 14, label: 'Every two weeks' },
  { value: 21, label: 'Every three weeks' },
  { value: 28, label: 'Every four weeks' },
  { value: 30, label: 'Every month' },
  { value: 60, label: 'Every two months' },
  { value: 90, label: 'Every three months' },
]

export function cadenceLabel(days: number): string {
  return CADENCES.find((c) => c.value === days)?.label ?? `Every ${days} days`
}

export function stretchStatusLabel(s: StretchStatus): string {
  return STRETCH_STATUSES.find((x) => x.value === s)?.label ?? s
}

export interface Due {
  text: string
  tone: 'danger' | 'warn' | 'muted'
}

/**
 * How a due date reads next to a goal or milestone: late in red, the next
 * seven days in amber, later dates plainly. Nothing for done items.
 */
export function dueBadge(due: string, today: string, done = false): Due | null {
  if (!due || done || !today) return null
  const n = daysBetween(today, due)
  if (n < 0) return { text: n === -1 ? '1 day late' : `${-n} days late`, tone: 'danger' }
  if (n === 0) return { text: 'due today', tone: 'warn' }
  if (n === 1) return { text: 'due tomorrow', tone: 'warn' }
  if (n <= 7) return { text: `due in ${n} days`, tone: 'warn' }
  return { text: `due ${formatDate(due)}`, tone: 'muted' }
}

/** "next check-in 4 Dec 2026 (in 3 days)", "check-in due today", "check-in 5 days overdue". */
export function checkInText(next: string, days: number): string {
  if (!next) return ''
  if (days < 0) return `check-in ${-days} day${days === -1 ? '' : 's'} overdue`
  if (days === 0) return 'check-in due today'
  return `next check-in ${formatDate(next)} (in ${days} day${days === 1 ? '' : 's'})`
}

/** Splits "Go, system design ,," into ["Go", "system design"]. */
export function splitAreas(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
}

/**
 * Backend messages name civil dates as "2026-12-04"; the page shows dates as
 * "4 Dec 2026", so messages shown next to a field say them the same way. An
 * example of the format ("a date like 2026-03-01") is left as it is.
 */
export function readableDates(message: string): string {
  return message.replace(/(?<!like )\b\d{4}-\d{2}-\d{2}\b/g, (d) => formatDate(d))
}
