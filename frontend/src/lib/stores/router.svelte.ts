// A tiny hash router: #/people/<id> survives a reload and needs no library.

export type Screen =
  | 'today'
  | 'overview'
  | 'people'
  | 'teams'
  | 'services'
  | 'incidents'
  | 'followups'
  | 'oncall'
  | 'health'
  | 'settings'

/**
 * The screens in sidebar order. `key` is the digit of its Alt+N shortcut ('' =
 * none): there are nine digits for ten screens, so the roster Overview (which
 * Today replaced as the first screen) has none; Settings lists the shortcuts.
 */
export const SCREENS: { screen: Screen; label: string; key: string }[] = [
  { screen: 'today', label: 'Today', key: '1' },
  { screen: 'people', label: 'People', key: '2' },
  { screen: 'teams', label: 'Teams', key: '3' },
  { screen: 'services', label: 'Services', key: '4' },
  { screen: 'overview', label: 'Overview', key: '' },
  { screen: 'incidents', label: 'Incidents', key: '5' },
  { screen: 'followups', label: 'Follow-ups', key: '6' },
  { screen: 'oncall', label: 'On-call', key: '7' },
  { screen: 'health', label: '1:1s & health', key: '8' },
  { screen: 'settings', label: 'Settings', key: '9' },
]

/** The first screen: '#/' and addresses no screen knows open it. */
export const HOME: Screen = 'today'

/** Screens without records under them (#/settings/x is #/settings). */
function plain(screen: Screen): boolean {
  return screen === 'today' || screen === 'overview' || screen === 'settings'
}

/** #/incidents/metrics is the Metrics tab (incident ids are hex, so they never collide). */
export const METRICS_ID = 'metrics'

export interface Route {
  screen: Screen
  id: string // '' for the list
  /** A part of the item's page (#/people/<id>/oneonones); '' = its first. */
  tab: string
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  const screen = SCREENS.find((s) => s.screen === parts[0])?.screen ?? HOME
  const id = plain(screen) ? '' : (parts[1] ?? '')
  return { screen, id, tab: id ? (parts[2] ?? '') : '' }
}

export function hrefOf(screen: Screen, id = '', tab = ''): string {
  if (!id) return `#/${screen}`
  return tab ? `#/${screen}/${encodeURIComponent(id)}/${encodeURIComponent(tab)}` : `#/${screen}/${encodeURIComponent(id)}`
}

/**
 * Asked before the route changes (e.g. by an editor with unsaved changes).
 * Returning false keeps the current route; the guard may ask the user and
 * call router.go(to...) itself once they agree.
 */
export type Guard = (to: Route) => boolean

class Router {
  route = $state<Route>({ screen: HOME, id: '', tab: '' })
  /** performance.now() of the last route change (not reactive): where a screen switch is timed from (api/perf.ts). */
  changedAt = 0
  #started = false
  #guard: Guard | null = null

  /** Installs a guard; returns the function that removes it. */
  guard(g: Guard): () => void {
    this.#guard = g
    return () => {
      if (this.#guard === g) this.#guard = null
    }
  }

  #set(to: Route): void {
    this.changedAt = performance.now()
    this.route = to
  }

  #allowed(to: Route): boolean {
    const cur = this.route
    if (cur.screen === to.screen && cur.id === to.id && cur.tab === to.tab) return true
    return !this.#guard || this.#guard(to)
  }

  /** Follows location.hash; returns the stop function. */
  start(): () => void {
    const sync = () => {
      const to = parseHash(location.hash)
      if (!this.#allowed(to)) {
        // A link or Back moved the address already: put it back.
        history.replaceState(null, '', hrefOf(this.route.screen, this.route.id, this.route.tab))
        return
      }
      this.#set(to)
    }
    sync()
    this.#started = true
    window.addEventListener('hashchange', sync)
    return () => {
      this.#started = false
      window.removeEventListener('hashchange', sync)
    }
  }

  go(screen: Screen, id = '', tab = ''): void {
    const href = hrefOf(screen, id, tab)
    const bare = plain(screen)
    const to = { screen, id: bare ? '' : id, tab: bare || !id ? '' : tab }
    if (!this.#allowed(to)) return
    this.#set(to)
    if (typeof location !== 'undefined' && location.hash !== href) {
      if (this.#started) history.pushState(null, '', href)
      else location.hash = href
    }
  }

  /** Moves to another part of the same page without a new history entry. */
  replaceTab(tab: string): void {
    const { screen, id } = this.route
    if (!id) return
    const href = hrefOf(screen, id, tab)
    const to = { screen, id, tab }
    if (!this.#allowed(to)) return
    this.#set(to)
    if (typeof location !== 'undefined' && location.hash !== href) {
      if (this.#started) history.replaceState(null, '', href)
      else location.hash = href
    }
  }

  reset(): void {
    this.#guard = null
    this.route = { screen: HOME, id: '', tab: '' }
  }
}

export const router = new Router()
