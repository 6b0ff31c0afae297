// Labels and the status workflow of incidents and follow-ups, for the UI.
// The rules mirror backend/incident (CheckTransition, CheckClose) and
// backend/action; the backend still has the last word.
import type { FollowUpStatus, IncidentStatus, Priority, ReviewState, SeverityLevel } from '$lib/api'

export type Tone = 'neutral' | 'accent' | 'danger' | 'warn' | 'ok' | 'muted'

export const STATUSES: { value: IncidentStatus; label: string; tone: Tone }[] = [
  { value: 'investigating', label: 'Investigating', tone: 'danger' },
  { value: 'identified', label: 'Identified', tone: 'warn' },
  { value: 'monitoring', label: 'Monitoring', tone: 'accent' },
  { value: 'resolved', label: 'Resolved', tone: 'ok' },
  { value: 'in_review', label: 'In review', tone: 'neutral' },
  { value: 'closed', label: 'Closed', tone: 'muted' },
]

export const OPEN_STATUSES: IncidentStatus[] = ['investigating', 'identified', 'monitoring']

export function statusLabel(s: string): string {
  return STATUSES.find((x) => x.value === s)?.label ?? s
}

export function statusTone(s: string): Tone {
  return STATUSES.find((x) => x.value === s)?.tone ?? 'neutral'
}

export function isOpen(s: IncidentStatus): boolean {
  return OPEN_STATUSES.includes(s)
}

export interface Move {
  to: IncidentStatus
  label: string
  primary: boolean
}

/**
 * The moves the incident page offers from a status: forward while open (up to
 * resolved), resolved to review or closed, review to closed, and reopening a
 * resolved or in-review incident. Closing needs a settled review (completed
 * or skipped), so it is only offered then.
 */
export function allowedMoves(status: IncidentStatus, reviewSettled: boolean): Move[] {
  const out: Move[] = []
  const add = (to: IncidentStatus, label: string) => out.push({ to, label, primary: out.length === 0 })
  switch (status) {
    case 'investigating':
      add('identified', 'Mark identified')
      add('monitoring', 'Mark monitoring')
      add('resolved', 'Resolve')
      break
    case 'identified':
      add('monitoring', 'Mark monitoring')
      add('resolved', 'Resolve')
      break
    case 'monitoring':
      add('resolved', 'Resolve')
      break
    case 'resolved':
      if (reviewSettled) add('closed', 'Close incident')
      else add('in_review', 'Start review')
      add('investigating', 'Reopen')
      break
    case 'in_review':
      if (reviewSettled) add('closed', 'Close incident')
      add('investigating', 'Reopen')
      break
  }
  return out
}

export function severityTone(sev: number): Tone {
  return sev === 1 ? 'danger' : sev === 2 ? 'warn' : sev === 3 ? 'accent' : 'neutral'
}

/** The configured label of a severity ("SEV2" by default). */
export function severityLabel(levels: SeverityLevel[], sev: number): string {
  return levels[sev - 1]?.label || `SEV${sev}`
}

export const REVIEW_STATES: { value: ReviewState; label: string; tone: Tone }[] = [
  { value: 'not_started', label: 'Not started', tone: 'muted' },
  { value: 'draft', label: 'Draft', tone: 'neutral' },
  { value: 'in_review', label: 'In review', tone: 'accent' },
  { value: 'completed', label: 'Completed', tone: 'ok' },
  { value: 'skipped', label: 'Skipped', tone: 'warn' },
]

export function reviewStateLabel(s: string): string {
  return REVIEW_STATES.find((x) => x.value === s)?.label ?? s
}

export function reviewStateTone(s: string): Tone {
  return REVIEW_STATES.find((x) => x.value === s)?.tone ?? 'neutral'
}

export const ROLE_LABELS: Record<string, string> = {
  commander: 'Commander',
  scribe: 'Scribe',
  comms: 'Communications',
  responder: 'Responder',
}

export const PRIORITIES: { value: Priority; label: string; tone: Tone }[] = [
  { value: 'urgent', label: 'Urgent', tone: 'danger' },
  { value: 'high', label: 'High', tone: 'warn' },
  { value: 'medium', label: 'Medium', tone: 'neutral' },
  { value: 'low', label: 'Low', tone: 'muted' },
]

export function priorityLabel(p: string): string {
  return PRIORITIES.find((x) => x.value === p)?.label ?? p
}

export function priorityTone(p: string): Tone {
  return PRIORITIES.find((x) => x.value === p)?.tone ?? 'neutral'
}

export const FOLLOW_UP_STATUSES: { value: FollowUpStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'wont_do', label: 'Won’t do' },
]

export function followUpStatusLabel(s: string): string {
  return FOLLOW_UP_STATUSES.find((x) => x.value === s)?.label ?? s
}

export function isClosedFollowUp(s: FollowUpStatus): boolean {
  return s === 'done' || s === 'wont_do'
}

export const SOURCE_KINDS: { value: string; label: string }[] = [{ value: 'incident_review', label: 'Incident reviews' }]

/** Splits "a, b c,d" into tags (the backend normalises them further). */
export function parseTags(s: string): string[] {
  return s
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}

/** A share 0..1 as a whole percentage: "67%". */
export function percent(v: number): string {
  return `${Math.round(v * 100)}%`
}
