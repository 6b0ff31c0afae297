import type { Reminder } from '$lib/api'

/** The notification centre's groups, in the order they are shown: one per reminder kind. */
export const KINDS: { kind: string; label: string }[] = [
  { kind: 'followup.overdue', label: 'Overdue follow-ups' },
  { kind: 'followup.due_tomorrow', label: 'Follow-ups due tomorrow' },
  { kind: 'review.overdue', label: 'Post-incident reviews overdue' },
  { kind: 'oneonone.overdue', label: '1:1s overdue' },
  { kind: 'feedback.stale', label: 'Stale feedback drafts' },
  { kind: 'growth.milestone_overdue', label: 'Milestones overdue' },
  { kind: 'growth.milestone_due', label: 'Milestones due soon' },
  { kind: 'growth.checkin_due', label: 'Mentoring check-ins' },
  { kind: 'oncall.handoff_soon', label: 'On-call handoffs' },
  { kind: 'oncall.tomorrow', label: 'On call tomorrow' },
  { kind: 'oncall.coverage_gap', label: 'On-call coverage gaps' },
  { kind: 'oncall.back_to_back', label: 'On-call back-to-back turns' },
]

/** Rows of a group shown at first, and how many more each "Show more" adds: hundreds at once would crawl. */
export const GROUP_PAGE = 20

export interface ReminderGroup {
  kind: string
  label: string
  items: Reminder[]
}

/** A label for a kind this version does not know ("team.thing_due" → "Team: thing due"). */
export function kindLabel(kind: string): string {
  const known = KINDS.find((k) => k.kind === kind)
  if (known) return known.label
  const [area, ...rest] = kind.split('.')
  const what = rest.join(' ').replace(/_/g, ' ').trim()
  const a = area ? area[0].toUpperCase() + area.slice(1) : 'Other'
  return what ? `${a}: ${what}` : a
}

/** Reminders by kind: known kinds in KINDS' order, then others by name; each keeps the list's order. */
export function groupReminders(items: Reminder[]): ReminderGroup[] {
  const by = new Map<string, Reminder[]>()
  for (const r of items) {
    const l = by.get(r.kind)
    if (l) l.push(r)
    else by.set(r.kind, [r])
  }
  const rank = (k: string) => {
    const i = KINDS.findIndex((x) => x.kind === k)
    return i < 0 ? KINDS.length : i
  }
  return [...by.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, list]) => ({ kind, label: kindLabel(kind), items: list }))
}
