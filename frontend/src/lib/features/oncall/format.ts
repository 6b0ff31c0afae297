import { clockOf, formatDate, formatDay, formatDayTime } from '$lib/util/time'
import type { Rotation, Shift, ShiftReason, TeamTurn } from '$lib/api'

/**
 * Twelve colours far apart in hue and light enough for white text on them.
 * Participants of a rotation take them in turn order, so two people of one
 * rotation never share a colour (up to twelve) and neighbours never look alike;
 * someone outside the rotation (an override) takes one no participant uses.
 */
export const PALETTE = [
  'hsl(214 62% 42%)',
  'hsl(27 80% 40%)',
  'hsl(152 55% 30%)',
  'hsl(282 45% 46%)',
  'hsl(352 62% 44%)',
  'hsl(190 70% 30%)',
  'hsl(48 85% 30%)',
  'hsl(250 50% 52%)',
  'hsl(100 45% 33%)',
  'hsl(322 55% 42%)',
  'hsl(8 35% 38%)',
  'hsl(200 25% 36%)',
]

function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0
  return h
}

export function colourOf(personId: string, rotation?: Pick<Rotation, 'participants' | 'colors'>): string {
  const set = rotation?.colors?.[personId]
  if (set) return set
  const order = rotation?.participants ?? []
  const i = order.indexOf(personId)
  if (i >= 0) return PALETTE[i % PALETTE.length]
  const free = PALETTE.filter((_, k) => k >= order.length)
  const pool = free.length > 0 ? free : PALETTE
  return pool[hash(personId) % pool.length]
}

export const REASONS: Record<ShiftReason, string> = {
  scheduled: 'Scheduled turn',
  replacement: 'Replacement',
  payback: 'Payback',
  override: 'Override',
  swap: 'Swap',
  gap: 'Gap: nobody available',
}

export const WEEKDAYS = [
  { value: 'mon', label: 'Mon' },
  { value: 'tue', label: 'Tue' },
  { value: 'wed', label: 'Wed' },
  { value: 'thu', label: 'Thu' },
  { value: 'fri', label: 'Fri' },
  { value: 'sat', label: 'Sat' },
  { value: 'sun', label: 'Sun' },
]

/** "Mon 24 Nov, 10:00" in the viewer's local time. */
export function localTime(iso: string): string {
  return formatDayTime(iso)
}

/** "Wed 25 Nov, 12:00 – 18:00" within a local day, else both ends in full. */
export function spanLabel(a: string, b: string): string {
  const x = new Date(a)
  const y = new Date(b)
  if (Number.isNaN(x.getTime()) || Number.isNaN(y.getTime())) return ''
  return x.toDateString() === y.toDateString() ? `${formatDayTime(a)} – ${clockOf(y)}` : `${formatDayTime(a)} – ${formatDayTime(b)}`
}

export function localDay(iso: string | Date): string {
  return formatDay(iso)
}

/** A date-only value ("2026-11-30") as "30 Nov 2026". */
export function dateLabel(date: string): string {
  return formatDate(date.slice(0, 10))
}

export function hoursBetween(a: string, b: string): number {
  return (new Date(b).getTime() - new Date(a).getTime()) / 3_600_000
}

export function durationLabel(a: string, b: string): string {
  const h = hoursBetween(a, b)
  if (h >= 48 && Number.isInteger(h / 24)) return `${h / 24} days`
  if (h >= 48) return `${Math.round(h / 24)} days`
  return `${Math.round(h * 10) / 10} h`
}

/** What a shift's bar says beyond the name: "covering for Bo (vacation)". */
export function shiftNote(s: Shift, nameOf: (id: string) => string): string {
  if (s.gap) return s.notes || 'Nobody available'
  if (s.reason === 'replacement') {
    // "covers for Bo Berg (vacation): least on-call in the last 5 weeks … (31 h); Cy passed over (turn comes next)":
    // the reason is the first bracket after the name, not the last one.
    const why = /^covers for [^(]*\(([^)]*)\)/.exec(s.notes)?.[1]
    return `covering for ${nameOf(s.replacedPersonId)}${why ? ` (${why})` : ''}`
  }
  if (s.reason === 'override') {
    const base = s.replacedPersonId ? `override for ${nameOf(s.replacedPersonId)}` : 'override'
    return s.notes ? `${base}: ${s.notes}` : base
  }
  if (s.reason === 'payback' || s.reason === 'swap') return s.notes || REASONS[s.reason].toLowerCase()
  return ''
}

/** Local "YYYY-MM-DDTHH:MM" for a datetime-local input. */
export function toLocalInput(iso: string): string {
  const x = new Date(iso)
  if (Number.isNaN(x.getTime())) return ''
  const p = (n: number) => String(n).padStart(2, '0')
  return `${x.getFullYear()}-${p(x.getMonth() + 1)}-${p(x.getDate())}T${p(x.getHours())}:${p(x.getMinutes())}`
}

/** A schedule layer by its number: Primary, Secondary, Layer 3… */
export function layerLabel(layer: number): string {
  return layer === 1 ? 'Primary' : layer === 2 ? 'Secondary' : `Layer ${layer}`
}

/** Why someone holds a turn the rotation order gave another ('' for the scheduled person or a gap). */
export function coverNote(t: TeamTurn): string {
  if (t.gap) return ''
  if (t.reason === 'override') return t.replaced ? `override for ${t.replaced}` : 'override'
  if (t.replaced) return `covering for ${t.replaced}`
  return ''
}

/** A datetime-local value as RFC 3339 ('' stays ''). */
export function fromLocalInput(v: string): string {
  if (!v) return ''
  const x = new Date(v)
  return Number.isNaN(x.getTime()) ? '' : x.toISOString()
}

export const KINDS: { value: import('$lib/api').TimeOffKind; label: string }[] = [
  { value: 'vacation', label: 'Vacation' },
  { value: 'sick', label: 'Sick' },
  { value: 'holiday', label: 'Holiday' },
  { value: 'other', label: 'Other' },
]
