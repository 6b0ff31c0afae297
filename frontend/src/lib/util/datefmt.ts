// Dates and times as people type them, for our own text inputs (DateInput,
// TimeInput, DateTimeInput). WebKitGTK's native date inputs are mm/dd/yyyy
// whatever the locale and refuse typed text, so the app formats and parses
// itself. Values keep the formats the native inputs held: 'YYYY-MM-DD',
// 'HH:MM' and 'YYYY-MM-DDTHH:MM' (local time). Pure: no DOM, never throws.

/** How dates are shown: the computer's locale, or always YYYY-MM-DD. */
export type DateFormatPref = 'system' | 'iso'

export type DatePart = 'd' | 'm' | 'y'

export interface DatePattern {
  /** The order of day, month and year, e.g. ['d', 'm', 'y']. */
  order: DatePart[]
  /** What goes between them: '/', '.', '-' or ' '. */
  sep: string
  /** e.g. 'dd/mm/yyyy'. */
  placeholder: string
}

function pattern(order: DatePart[], sep: string): DatePattern {
  const names: Record<DatePart, string> = { d: 'dd', m: 'mm', y: 'yyyy' }
  return { order, sep, placeholder: order.map((p) => names[p]).join(sep) }
}

export const ISO_PATTERN: DatePattern = pattern(['y', 'm', 'd'], '-')

const patterns = new Map<string, DatePattern>()

/** The numeric date order and separator of locale ('iso' or an unknown locale: YYYY-MM-DD). */
export function datePattern(locale: string | undefined, pref: DateFormatPref = 'system'): DatePattern {
  if (pref === 'iso') return ISO_PATTERN
  const key = locale ?? ''
  const known = patterns.get(key)
  if (known) return known
  let found = ISO_PATTERN
  try {
    const parts = new Intl.DateTimeFormat(locale || undefined, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    }).formatToParts(new Date(Date.UTC(2001, 10, 22)))
    const order: DatePart[] = []
    let sep = ''
    for (const p of parts) {
      if (p.type === 'day') order.push('d')
      else if (p.type === 'month') order.push('m')
      else if (p.type === 'year') order.push('y')
      else if (p.type === 'literal' && order.length === 1) sep = p.value.trim() || ' '
    }
    const complete = order.length === 3 && new Set(order).size === 3
    if (complete && sep && /^[/.\- ]$/.test(sep)) found = pattern(order, sep)
    else if (complete) found = pattern(order, '/')
  } catch {
    // an unknown locale: ISO
  }
  patterns.set(key, found)
  return found
}

/** Whether locale writes times with am/pm (hourCycle h11/h12); 'iso' never does. */
export function uses12Hour(locale: string | undefined, pref: DateFormatPref = 'system'): boolean {
  if (pref === 'iso') return false
  try {
    const o = new Intl.DateTimeFormat(locale || undefined, { hour: 'numeric' }).resolvedOptions()
    if (o.hourCycle) return o.hourCycle === 'h11' || o.hourCycle === 'h12'
    return o.hour12 === true
  } catch {
    return false
  }
}

/** Non-strings (a value from an untyped caller) read as ''. */
function str(x: unknown): string {
  return typeof x === 'string' ? x : ''
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

/** 'YYYY-MM-DD' when y-m-d is a real day, else null. */
function civil(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/

/** A 'YYYY-MM-DD' value as text in pattern; '' stays '', anything else is shown as it is. */
export function formatDateInput(iso: string, p: DatePattern): string {
  const m = ISO_DATE.exec(str(iso))
  if (!m) return str(iso)
  const parts: Record<DatePart, string> = { y: m[1], m: m[2].padStart(2, '0'), d: m[3].padStart(2, '0') }
  return p.order.map((k) => parts[k]).join(p.sep)
}

function year(s: string): number {
  if (s.length === 4) return Number(s)
  if (s.length === 2) return 2000 + Number(s)
  return NaN
}

/**
 * Typed text as 'YYYY-MM-DD', or null when it is not a real day. Lenient:
 * the parts in pattern order separated by / . - or spaces (or none: 8
 * digits), a 2-digit year is 20xx, and ISO 'YYYY-MM-DD' (or any text that
 * starts with a 4-digit year) is always year-month-day.
 */
export function parseDateInput(text: string, p: DatePattern): string | null {
  const t = str(text).trim()
  if (!t) return null
  const iso = ISO_DATE.exec(t)
  if (iso) return civil(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  let parts: string[]
  if (/^\d{8}$/.test(t)) {
    parts = []
    let at = 0
    for (const k of p.order) {
      const w = k === 'y' ? 4 : 2
      parts.push(t.slice(at, at + w))
      at += w
    }
  } else {
    parts = t.split(/[\s/.\-]+/).filter((s) => s !== '')
  }
  if (parts.length !== 3 || parts.some((s) => !/^\d+$/.test(s))) return null
  const order: DatePart[] = parts[0].length === 4 ? ['y', 'm', 'd'] : p.order
  const v: Record<DatePart, string> = { d: '', m: '', y: '' }
  order.forEach((k, i) => (v[k] = parts[i]))
  if (v.d.length > 2 || v.m.length > 2) return null
  return civil(year(v.y), Number(v.m), Number(v.d))
}

const TIME = /^(\d{1,2})(?:[:.h]?(\d{2}))?(?:[:.](\d{2})(?:\.\d+)?)?\s*(?:(a|p)\.?\s*(?:m\.?)?)?$/

/**
 * Typed text as 'HH:MM', or null. Takes '17:30', '1730', '9:05', '9',
 * '5:30 pm', '12am' (seconds are dropped).
 */
export function parseTimeInput(text: string): string | null {
  const t = str(text).trim().toLowerCase()
  const m = TIME.exec(t)
  if (!m) return null
  let h = Number(m[1])
  const min = m[2] === undefined ? 0 : Number(m[2])
  if (m[3] !== undefined && Number(m[3]) > 59) return null
  if (min > 59) return null
  if (m[4]) {
    if (h < 1 || h > 12) return null
    if (m[4] === 'a') h = h === 12 ? 0 : h
    else h = h === 12 ? 12 : h + 12
  }
  if (h > 23) return null
  return `${pad(h)}:${pad(min)}`
}

const HHMM = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/

/** An 'HH:MM' value as text: '17:30', or '5:30 PM' with hour12; other text is shown as it is. */
export function formatTimeInput(hhmm: string, hour12 = false): string {
  const m = HHMM.exec(str(hhmm))
  if (!m) return str(hhmm)
  const h = Number(m[1])
  if (!hour12) return `${m[1]}:${m[2]}`
  return `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? 'AM' : 'PM'}`
}

/** 'hh:mm', or 'hh:mm am' for a 12-hour locale. */
export function timePlaceholder(hour12 = false): string {
  return hour12 ? 'hh:mm am' : 'hh:mm'
}

const ISO_DATETIME = /^(\d{4}-\d{1,2}-\d{1,2})[t ]+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/i

/**
 * Typed text as 'YYYY-MM-DDTHH:MM' (local time), or null. Takes
 * '<date> <time>', '<date>, <time>' with the date as parseDateInput and the
 * time as parseTimeInput, and ISO 'YYYY-MM-DDTHH:MM' (with seconds too).
 */
export function parseDateTimeInput(text: string, p: DatePattern): string | null {
  const t = str(text).trim()
  if (!t) return null
  const join = (d: string | null, tm: string | null) => (d && tm ? `${d}T${tm}` : null)
  const iso = ISO_DATETIME.exec(t)
  if (iso) return join(parseDateInput(iso[1], p), parseTimeInput(iso[2]))
  const comma = t.indexOf(',')
  if (comma >= 0) return join(parseDateInput(t.slice(0, comma), p), parseTimeInput(t.slice(comma + 1)))
  // No comma: the first space after which the rest is a time splits it
  // (a date may itself hold spaces: "4 12 2026 9:30 pm").
  for (let i = t.indexOf(' '); i > 0; i = t.indexOf(' ', i + 1)) {
    const v = join(parseDateInput(t.slice(0, i), p), parseTimeInput(t.slice(i + 1)))
    if (v) return v
  }
  return null
}

/** A 'YYYY-MM-DDTHH:MM' value as '<date> <time>'; '' stays '', other text is shown as it is. */
export function formatDateTimeInput(value: string, p: DatePattern, hour12 = false): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(str(value))
  if (!m) return str(value)
  return `${formatDateInput(m[1], p)} ${formatTimeInput(m[2], hour12)}`
}

/** e.g. 'dd/mm/yyyy hh:mm'. */
export function dateTimePlaceholder(p: DatePattern, hour12 = false): string {
  return `${p.placeholder} ${timePlaceholder(hour12)}`
}

// Steps for the arrow keys.

/** A UTC Date for a wall-clock time (years below 100 are not 19xx). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0): Date {
  const t = new Date(0)
  t.setUTCFullYear(y, mo, d)
  t.setUTCHours(h, mi, 0, 0)
  return t
}

function civilOf(d: Date): string | null {
  const y = d.getUTCFullYear()
  if (!(y >= 1 && y <= 9999)) return null
  return `${String(y).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The civil date n days after 'YYYY-MM-DD' (null for junk). */
export function stepDate(iso: string, days: number): string | null {
  const m = ISO_DATE.exec(str(iso))
  if (!m) return null
  return civilOf(utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days))
}

/** 'HH:MM' moved by n minutes, round the clock. */
export function stepTime(hhmm: string, minutes: number): string | null {
  const m = HHMM.exec(str(hhmm))
  if (!m) return null
  const total = (((Number(m[1]) * 60 + Number(m[2]) + minutes) % 1440) + 1440) % 1440
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`
}

/** 'YYYY-MM-DDTHH:MM' moved by n minutes (the day follows past midnight). */
export function stepDateTime(value: string, minutes: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(str(value))
  if (!m) return null
  // Wall-clock arithmetic in UTC: no daylight-saving jumps.
  const d = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]) + minutes)
  const date = civilOf(d)
  return date && `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Today as 'YYYY-MM-DD', now as 'HH:MM' rounded down to step minutes. */
export function localNow(now: Date, step = 1): { date: string; time: string } {
  const mins = Math.floor((now.getHours() * 60 + now.getMinutes()) / step) * step
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(Math.floor(mins / 60))}:${pad(mins % 60)}`,
  }
}
