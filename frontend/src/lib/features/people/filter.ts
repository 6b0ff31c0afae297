import type { Person } from '$lib/api'

/** The selects above the people table: '' = any; NONE = people without one. */
export interface PeopleFilter {
  teamId: string
  level: string
  zone: string
}

export const NONE = '-'

/** People matching every word of query in name, e-mail, role or a skill, and the team, level and zone chosen. */
export function filterPeople(people: Person[], query: string, showArchived: boolean, f?: Partial<PeopleFilter>): Person[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return people.filter((p) => {
    if (p.archived && !showArchived) return false
    if (f?.teamId && (f.teamId === NONE ? p.teamIds.length > 0 : !p.teamIds.includes(f.teamId))) return false
    if (f?.level && (f.level === NONE ? p.level !== '' : p.level !== f.level)) return false
    if (f?.zone && p.timezone !== f.zone) return false
    if (words.length === 0) return true
    const hay = [p.name, p.email, p.role, ...p.skills.map((s) => s.name)].join('\n').toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}

export type PeopleSortKey = 'name' | 'level' | 'team' | 'zone'
export type SortDir = 'asc' | 'desc'

const offsetFormats = new Map<string, Intl.DateTimeFormat | null>()

/** Minutes zone is ahead of UTC at instant now (null for a zone this browser does not know). */
export function zoneOffset(zone: string, now: Date): number | null {
  if (!zone) return null
  if (!offsetFormats.has(zone)) {
    try {
      offsetFormats.set(
        zone,
        new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
        }),
      )
    } catch {
      offsetFormats.set(zone, null)
    }
  }
  const f = offsetFormats.get(zone)
  if (!f) return null
  const parts = f.formatToParts(now)
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0)
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'))
  return Math.round((wall - Math.floor(now.getTime() / 60_000) * 60_000) / 60_000)
}

/** "UTC+05:30" for 330. */
export function formatOffset(min: number): string {
  const a = Math.abs(min)
  return `UTC${min < 0 ? '−' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
}

/** The city part of a zone: "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ')
}

export interface SortContext {
  /** The level ladder, lowest first. */
  ladder: string[]
  /** Team names of a person, in any order. */
  teamNames: (p: Person) => string[]
  now: Date
}

/**
 * Sorts by a column. Level follows the ladder (levels not on it after,
 * A to Z); team by the first team's name; time zone west to east by the
 * offset now. People without one come last either way; ties go by name.
 */
export function sortPeople(people: Person[], key: PeopleSortKey, dir: SortDir, ctx: SortContext): Person[] {
  const rank = new Map(ctx.ladder.map((l, i) => [l, i]))
  const value = (p: Person): [number, string] | null => {
    switch (key) {
      case 'name':
        return [0, p.name.toLocaleLowerCase()]
      case 'level':
        if (!p.level) return null
        return [rank.get(p.level) ?? ctx.ladder.length, p.level.toLocaleLowerCase()]
      case 'team': {
        const names = ctx.teamNames(p).map((n) => n.toLocaleLowerCase()).sort()
        return names.length ? [0, names.join('\n')] : null
      }
      case 'zone': {
        const off = zoneOffset(p.timezone, ctx.now)
        return off === null ? null : [off, p.timezone]
      }
    }
  }
  const sign = dir === 'asc' ? 1 : -1
  return people
    .map((p) => ({ p, v: value(p) }))
    .sort((a, b) => {
      if (!a.v || !b.v) return a.v === b.v ? a.p.name.localeCompare(b.p.name) : a.v ? -1 : 1
      const c = a.v[0] - b.v[0] || a.v[1].localeCompare(b.v[1])
      return c !== 0 ? sign * c : a.p.name.localeCompare(b.p.name)
    })
    .map((x) => x.p)
}
