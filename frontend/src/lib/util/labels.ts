import type { Aspiration, Criticality } from '$lib/api'

export const SKILL_LEVELS: { value: number; label: string }[] = [
  { value: 1, label: 'Learning' },
  { value: 2, label: 'Working' },
  { value: 3, label: 'Proficient' },
  { value: 4, label: 'Expert' },
]

export function skillLevelName(level: number): string {
  return SKILL_LEVELS.find((s) => s.value === level)?.label ?? `Level ${level}`
}

export const ASPIRATIONS: { value: Aspiration; label: string }[] = [
  { value: 'ic', label: 'IC depth' },
  { value: 'architecture', label: 'Architecture' },
  { value: 'management', label: 'Management' },
  { value: 'undecided', label: 'Undecided' },
]

export function aspirationName(a: string): string {
  return ASPIRATIONS.find((x) => x.value === a)?.label ?? 'Undecided'
}

export const CRITICALITIES: { value: Criticality; label: string; short: string }[] = [
  { value: 'customer_24x7', label: 'Customer-facing 24/7', short: '24/7' },
  { value: 'business_hours', label: 'Business hours', short: 'Business hours' },
  { value: 'internal', label: 'Internal', short: 'Internal' },
]

export function criticalityName(c: string): string {
  return CRITICALITIES.find((x) => x.value === c)?.label ?? c
}

export const LADDER_PRESETS: { label: string; levels: string[] }[] = [
  { label: 'L1–L7', levels: ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'] },
  { label: 'Junior/Mid/Senior/Staff/Principal', levels: ['Junior', 'Mid', 'Senior', 'Staff', 'Principal'] },
]

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Initials for an avatar: "Dana Xu" -> "DX". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  if (parts.length === 0) return '?'
  const first = parts[0][0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : ''
  return (first + last).toUpperCase()
}

/** A stable hue for a name, so avatars are told apart at a glance. */
export function hueOf(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 360
  return h
}
