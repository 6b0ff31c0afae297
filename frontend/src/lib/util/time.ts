// Dates and times as the app shows them, in ONE way everywhere: day, month
// name, year ("4 Dec 2026"), weekday when it helps ("Fri 4 Dec"), and the clock
// in 24 hours ("19:25") unless this computer's locale writes 12 hours
// ("7:25 PM"; Settings > Appearance > Dates: ISO keeps 24 hours). Nothing else
// in the app formats dates (util/time.test.ts checks the sources for it).
// Also the client-side clock helpers for the roster lists.
import { dateFormat } from '$lib/stores/datefmt.svelte'

export interface ZoneClock {
  time: string // "14:05"
  weekday: string // "Mon"
  working: boolean // Mon-Fri 09:00-18:00
}

const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatter(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    try {
      formatters.set(
        zone,
        new Intl.DateTimeFormat('en-GB', {
          timeZone: zone,
          hour: '2-digit',
          minute: '2-digit',
          weekday: 'short',
          hourCycle: 'h23',
        }),
      )
    } catch {
      formatters.set(zone, null)
    }
  }
  return formatters.get(zone) ?? null
}

/** The wall clock in zone at instant now, or null for a zone this browser does not know. */
export function zoneClock(zone: string, now: Date): ZoneClock | null {
  if (!zone) return null
  const f = formatter(zone)
  if (!f) return null
  const parts = f.formatToParts(now)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  const hour = Number(get('hour'))
  const weekday = get('weekday')
  const working = weekday !== 'Sat' && weekday !== 'Sun' && hour >= 9 && hour < 18
  const time = dateFormat.hour12
    ? `${hour % 12 === 0 ? 12 : hour % 12}:${get('minute')} ${hour < 12 ? 'AM' : 'PM'}`
    : `${get('hour')}:${get('minute')}`
  return { time, weekday, working }
}

/** The zone this computer is set to, e.g. "Europe/Berlin". */
export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

/** "2024-03-01" -> "1 Mar 2024"; '' stays ''. */
export function formatDate(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d)
  if (!m) return d
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`
}

/** How long since a YYYY-MM-DD date: "2 yrs 3 mos", "5 mos", "starts in 3 mos". */
export function tenure(start: string, now: Date): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start)
  if (!m) return ''
  const months = (now.getFullYear() - Number(m[1])) * 12 + (now.getMonth() + 1 - Number(m[2]))
  if (months < 0) return `starts in ${-months} mo${-months === 1 ? '' : 's'}`
  if (months < 1) return 'new this month'
  const y = Math.floor(months / 12)
  const mo = months % 12
  const parts: string[] = []
  if (y) parts.push(`${y} yr${y === 1 ? '' : 's'}`)
  if (mo) parts.push(`${mo} mo${mo === 1 ? '' : 's'}`)
  return parts.join(' ')
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function parseInstant(iso: string | undefined): Date | null {
  if (!iso) return null
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The wall clock of a local Date: "19:25", or "7:25 PM" where the locale writes 12 hours. */
export function clockOf(d: Date): string {
  const h = d.getHours()
  const m = pad(d.getMinutes())
  if (!dateFormat.hour12) return `${pad(h)}:${m}`
  return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`
}

/** An RFC 3339 instant in this computer's local time: "6 Jan 2025, 14:05"; '' stays ''. */
export function formatDateTime(iso: string | undefined): string {
  const d = parseInstant(iso)
  if (!d) return ''
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${clockOf(d)}`
}

/** A compact local date-time for tables: "6 Jan, 14:05" this year, else "6 Jan 2024, 14:05". */
export function formatShort(iso: string | undefined, now: Date): string {
  const d = parseInstant(iso)
  if (!d) return ''
  const year = d.getFullYear() === now.getFullYear() ? '' : ` ${d.getFullYear()}`
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${year}, ${clockOf(d)}`
}

/** Just the local wall-clock time: "14:05". */
export function formatClock(iso: string | undefined): string {
  const d = parseInstant(iso)
  return d ? clockOf(d) : ''
}

/** A local day with its weekday: "Fri 4 Dec" (with the year when asked). */
export function formatDay(when: string | Date, withYear = false): string {
  const d = typeof when === 'string' ? parseInstant(when) : when
  if (!d || Number.isNaN(d.getTime())) return ''
  return `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}${withYear ? ` ${d.getFullYear()}` : ''}`
}

/** A local day and time: "Fri 4 Dec, 19:25". */
export function formatDayTime(iso: string | undefined): string {
  const d = parseInstant(iso)
  return d ? `${formatDay(d)}, ${clockOf(d)}` : ''
}

/** A month: "December 2026" (from a Date, or "2026-12"). */
export function formatMonth(when: Date | string): string {
  if (typeof when === 'string') {
    const m = /^(\d{4})-(\d{2})/.exec(when)
    return m ? `${MONTHS_LONG[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : when
  }
  return `${MONTHS_LONG[when.getMonth()]} ${when.getFullYear()}`
}

/** Hours with at most one decimal: "12.5", "1,234" (thousands grouped the same everywhere). */
export function formatHours(v: number): string {
  const r = Math.round(v * 10) / 10
  const [int, dec] = Math.abs(r).toFixed(1).split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${r < 0 ? '-' : ''}${grouped}${dec === '0' ? '' : `.${dec}`}`
}

/** "14:05" today, "Tue 14:05" within a week, else the date and time. */
export function formatWhen(iso: string | undefined, now: Date): string {
  const d = parseInstant(iso)
  if (!d) return ''
  const sameDay = d.toDateString() === now.toDateString()
  if (sameDay) return formatClock(iso)
  const days = Math.abs(d.getTime() - now.getTime()) / 86_400_000
  if (days < 6) return `${WEEKDAYS[d.getDay()]} ${formatClock(iso)}`
  return formatDateTime(iso)
}

/** How long ago an instant was, for statuses: "just now", "5 min ago", "3 h ago" (today), else formatWhen. */
export function formatAgo(iso: string | undefined, now: Date): string {
  const d = parseInstant(iso)
  if (!d) return ''
  const min = Math.floor((now.getTime() - d.getTime()) / 60_000)
  if (min < -1) return formatWhen(iso, now)
  if (min < 1) return 'just now' // or a clock a few seconds apart
  if (min < 60) return `${min} min ago`
  if (min < 12 * 60 && d.toDateString() === now.toDateString()) return `${Math.floor(min / 60)} h ago`
  return formatWhen(iso, now)
}

/** An instant as the value of <input type="datetime-local"> (local time, minutes). */
export function toLocalInput(iso: string | undefined): string {
  const d = parseInstant(iso)
  if (!d) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A datetime-local value back to RFC 3339 UTC; '' or junk gives undefined (never ""). */
export function fromLocalInput(v: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return undefined
  const d = new Date(v)
  if (Number.isNaN(d.getTime())) return undefined
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A Date as a civil date "YYYY-MM-DD" in local time. */
export function civilDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Today's civil date "YYYY-MM-DD" in this computer's zone. */
export function civilToday(): string {
  return civilDate(new Date())
}

/** The civil date n days after date ("YYYY-MM-DD"). */
export function addDays(date: string, n: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Whole days from civil date a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const pa = /^(\d{4})-(\d{2})-(\d{2})$/.exec(a)
  const pb = /^(\d{4})-(\d{2})-(\d{2})$/.exec(b)
  if (!pa || !pb) return 0
  const ta = Date.UTC(Number(pa[1]), Number(pa[2]) - 1, Number(pa[3]))
  const tb = Date.UTC(Number(pb[1]), Number(pb[2]) - 1, Number(pb[3]))
  return Math.round((tb - ta) / 86_400_000)
}

/** How a due date relates to today: "3 days overdue", "due today", "due tomorrow", "in 4 days". */
export function dueRelative(due: string, today: string): string {
  if (!due || !today) return ''
  const n = daysBetween(today, due)
  if (n < 0) return `${-n} day${n === -1 ? '' : 's'} overdue`
  if (n === 0) return 'due today'
  if (n === 1) return 'due tomorrow'
  return `in ${n} days`
}

const NS_PER_MIN = 60_000_000_000

/**
 * A duration for people: "< 1 min", "12 min", "3 h 20 min", "2 d 4 h".
 * Takes nanoseconds (Go's time.Duration as the metrics send it).
 */
export function humanDuration(ns: number): string {
  if (!Number.isFinite(ns) || ns < 0) return '—'
  if (ns < NS_PER_MIN) return ns > 0 ? '< 1 min' : '0 min'
  const totalMin = Math.round(ns / NS_PER_MIN)
  if (totalMin < 60) return `${totalMin} min`
  const days = Math.floor(totalMin / 1440)
  const hours = Math.floor((totalMin % 1440) / 60)
  const mins = totalMin % 60
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`
  return mins ? `${hours} h ${mins} min` : `${hours} h`
}

/** The duration between two instants (end missing: until now), as humanDuration. */
export function spanBetween(start: string | undefined, end: string | undefined, now: Date): string {
  const a = parseInstant(start)
  if (!a) return ''
  const b = parseInstant(end) ?? now
  return humanDuration(Math.max(0, b.getTime() - a.getTime()) * 1_000_000)
}
