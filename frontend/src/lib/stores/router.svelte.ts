// A tiny hash router: #/people/<id> survives a reload and needs no library.

export type Screen = 'overview' | 'people' | 'teams' | 'services' | 'incidents' | 'followups' | 'oncall' | 'settings'

export const SCREENS: { screen: Screen; label: string; key: string }[] = [
  { screen: 'overview', label: 'Overview', key: '1' },
  { screen: 'people', label: 'People', key: '2' },
  { screen: 'teams', label: 'Teams', key: '3' },
  { screen: 'services', label: 'Services', key: '4' },
  { screen: 'incidents', label: 'Incidents', key: '5' },
  { screen: 'followups', label: 'Follow-ups', key: '6' },
  { screen: 'oncall', label: 'On-call', key: '7' },
  { screen: 'settings', label: 'Settings', key: '8' },
]

/** #/incidents/metrics is the Metrics tab (incident ids are hex, so they never collide). */
export const METRICS_ID = 'metrics'

export interface Route {
  screen: Screen
  id: string // '' for the list
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  const screen = SCREENS.find((s) => s.screen === parts[0])?.screen ?? 'overview'
  return { screen, id: screen === 'overview' || screen === 'settings' ? '' : (parts[1] ?? '') }
}

export function hrefOf(screen: Screen, id = ''): string {
  return id ? `#/${screen}/${encodeURIComponent(id)}` : `#/${screen}`
}

class Router {
  route = $state<Route>({ screen: 'overview', id: '' })
  #started = false

  /** Follows location.hash; returns the stop function. */
  start(): () => void {
    const sync = () => {
      this.route = parseHash(location.hash)
    }
    sync()
    this.#started = true
    window.addEventListener('hashchange', sync)
    return () => {
      this.#started = false
      window.removeEventListener('hashchange', sync)
    }
  }

  go(screen: Screen, id = ''): void {
    const href = hrefOf(screen, id)
    this.route = { screen, id: screen === 'overview' || screen === 'settings' ? '' : id }
    if (typeof location !== 'undefined' && location.hash !== href) {
      if (this.#started) history.pushState(null, '', href)
      else location.hash = href
    }
  }

  reset(): void {
    this.route = { screen: 'overview', id: '' }
  }
}

export const router = new Router()
