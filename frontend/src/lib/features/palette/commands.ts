// What the command palette offers besides the workspace's records: every
// screen and the common actions, matched by their words.
import type { SearchHit } from '$lib/api'
import { SCREENS, type Route, type Screen } from '$lib/stores/router.svelte'

export interface Command {
  id: string
  group: 'Go to' | 'Actions'
  label: string
  /** More words it is found by. */
  keywords?: string
  /** The shortcut, as shown: "Alt+2". */
  shortcut?: string
  /** Where it goes, or what it does. */
  to?: Route
  action?: 'person' | 'team' | 'service' | 'incident' | 'followup' | 'lock'
}

const SUB: { id: string; screen: Screen; label: string; keywords: string }[] = [
  { id: 'timeoff', screen: 'oncall', label: 'On-call › Time off and holidays', keywords: 'vacation pto leave holiday region' },
  { id: 'handoffs', screen: 'oncall', label: 'On-call › Handoffs', keywords: 'turn shift notes survey' },
  { id: 'pages', screen: 'oncall', label: 'On-call › Pages', keywords: 'paging pagerduty opsgenie import alerts' },
  { id: 'health', screen: 'oncall', label: 'On-call › Health', keywords: 'burden sleep fairness load' },
  { id: 'metrics', screen: 'incidents', label: 'Incidents › Metrics', keywords: 'mttr mtta patterns charts' },
  { id: 'mentoring', screen: 'health', label: '1:1s & health › Mentoring', keywords: 'mentor pairs growth' },
]

export const COMMANDS: Command[] = [
  ...SCREENS.map((s) => ({
    id: `go:${s.screen}`,
    group: 'Go to' as const,
    label: s.label,
    shortcut: s.key ? `Alt+${s.key}` : undefined,
    to: { screen: s.screen, id: '', tab: '' },
  })),
  ...SUB.map((s) => ({ id: `go:${s.screen}/${s.id}`, group: 'Go to' as const, label: s.label, keywords: s.keywords, to: { screen: s.screen, id: s.id, tab: '' } })),
  { id: 'new:person', group: 'Actions', label: 'Add a person', keywords: 'new hire report engineer', action: 'person' },
  { id: 'new:team', group: 'Actions', label: 'Add a team', keywords: 'new', action: 'team' },
  { id: 'new:service', group: 'Actions', label: 'Add a service', keywords: 'new system owner', action: 'service' },
  { id: 'new:incident', group: 'Actions', label: 'Declare an incident', keywords: 'new outage sev', action: 'incident' },
  { id: 'new:followup', group: 'Actions', label: 'Add a follow-up', keywords: 'new action item todo task', action: 'followup' },
  { id: 'lock', group: 'Actions', label: 'Lock Wheelhouse', keywords: 'away privacy', shortcut: 'Ctrl+L', action: 'lock' },
]

/** Lower case without accents, for matching. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase()
}

/** The commands holding every word of query (all of them for a blank one), best first. */
export function matchCommands(query: string, commands: Command[] = COMMANDS): Command[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return commands
  const scored: { c: Command; score: number }[] = []
  for (const c of commands) {
    const label = fold(c.label)
    const all = `${label} ${fold(c.keywords ?? '')}`
    if (!words.every((w) => all.includes(w))) continue
    let score = 0
    for (const w of words) {
      if (label.startsWith(w)) score += 3
      else if (new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(label)) score += 2
      else if (label.includes(w)) score += 1
    }
    scored.push({ c, score })
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.c)
}

const at = (screen: Screen, id = '', tab = ''): Route => ({ screen, id, tab })

/** Where a record found by the search opens. */
export function routeOfHit(h: SearchHit): Route {
  switch (h.kind) {
    case 'person':
      return at('people', h.id)
    case 'team':
      return at('teams', h.id)
    case 'service':
      return at('services', h.id)
    case 'rotation':
      return at('oncall')
    case 'incident':
      return at('incidents', h.id)
    case 'followup':
      return at('followups', h.id)
    case 'oneonone':
      return at('people', h.person, 'oneonones')
    case 'feedback':
      return at('people', h.person, 'feedback')
    case 'plan':
      return at('people', h.person, 'growth')
  }
}

export const KIND_LABEL: Record<SearchHit['kind'], string> = {
  person: 'Person',
  team: 'Team',
  service: 'Service',
  rotation: 'Rotation',
  incident: 'Incident',
  followup: 'Follow-up',
  oneonone: '1:1 notes',
  feedback: 'Feedback',
  plan: 'Growth plan',
}
