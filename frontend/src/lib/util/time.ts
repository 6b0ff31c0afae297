// Client-side clock helpers for the roster lists. The Overview gets its local
// times from the backend; lists compute them here so they tick without a call.

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
  return { time: `${get('hour')}:${get('minute')}`, weekday, working }
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
