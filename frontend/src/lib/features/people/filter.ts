import type { Person } from '$lib/api'

/** People matching every word of query in name, e-mail, role or a skill. */
export function filterPeople(people: Person[], query: string, showArchived: boolean): Person[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return people.filter((p) => {
    if (p.archived && !showArchived) return false
    if (words.length === 0) return true
    const hay = [p.name, p.email, p.role, ...p.skills.map((s) => s.name)].join('\n').toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}
