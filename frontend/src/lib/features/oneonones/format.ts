import type { AgendaItem, Cadence, MeetingStatus } from '$lib/api'

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function parts(date: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null
}

/** "2026-11-10" -> "10 Nov"; with the year when it is not `thisYear`. */
export function dayMonth(date: string, today = ''): string {
  const p = parts(date)
  if (!p) return date
  const year = today && today.slice(0, 4) !== date.slice(0, 4) ? ` ${p[0]}` : ''
  return `${p[2]} ${MONTHS[p[1] - 1]}${year}`
}

/** "2026-11-10" -> "Tue 10 Nov 2026". */
export function longDate(date: string): string {
  const p = parts(date)
  if (!p) return date
  const wd = new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay()
  return `${SHORT_DAYS[wd]} ${p[2]} ${MONTHS[p[1] - 1]} ${p[0]}`
}

/** "carried from 10 Nov", "carried from 10 Nov ×2". */
export function carriedLabel(a: Pick<AgendaItem, 'carried' | 'carriedFrom'>, today = ''): string {
  if (!a.carried) return ''
  const from = a.carriedFrom ? `carried from ${dayMonth(a.carriedFrom, today)}` : 'carried'
  return a.carried > 1 ? `${from} ×${a.carried}` : from
}

export function cadenceLabel(c: Cadence): string {
  return c === 'weekly' ? 'every week' : c === 'monthly' ? 'every month' : 'every two weeks'
}

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
}

export const STATUS_TONES: Record<MeetingStatus, 'accent' | 'ok' | 'muted'> = {
  planned: 'accent',
  held: 'ok',
  cancelled: 'muted',
}

export const MOOD_WORDS = ['', 'Low', 'Meh', 'OK', 'Good', 'Great']

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name
}

/** Hours for people: 3, 2.5. */
export function hours(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1)
}
