// The app's light/dark theme: the system's, or one the user picks in Settings.
// Kept on this computer (localStorage), not in the workspace: it is a property
// of the screen, not of the data. The resolved theme lands on <html data-theme>,
// which app.css keys its dark colours on.
export type ThemePref = 'system' | 'light' | 'dark'
export const THEME_KEY = 'wheelhouse.theme'

function readPref(): ThemePref {
  try {
    const v = localStorage.getItem(THEME_KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

class Theme {
  pref = $state<ThemePref>('system')
  systemDark = $state(false)
  resolved = $derived<'light' | 'dark'>(this.pref === 'system' ? (this.systemDark ? 'dark' : 'light') : this.pref)

  #stop: (() => void) | null = null

  /** Reads the saved choice, applies it and follows system and other-window changes. */
  start(): () => void {
    this.#stop?.()
    const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
    this.systemDark = !!mq?.matches
    this.pref = readPref()
    this.#apply()
    const onSystem = (e: MediaQueryListEvent) => {
      this.systemDark = e.matches
      this.#apply()
    }
    const onStorage = (e: StorageEvent) => {
      if (e.key !== null && e.key !== THEME_KEY) return
      this.pref = readPref()
      this.#apply()
    }
    mq?.addEventListener('change', onSystem)
    addEventListener('storage', onStorage)
    this.#stop = () => {
      mq?.removeEventListener('change', onSystem)
      removeEventListener('storage', onStorage)
    }
    return this.#stop
  }

  set(pref: ThemePref) {
    this.pref = pref
    try {
      if (pref === 'system') localStorage.removeItem(THEME_KEY)
      else localStorage.setItem(THEME_KEY, pref)
    } catch {
      // storage unavailable: the choice holds until the window closes
    }
    this.#apply()
  }

  #apply() {
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = this.resolved
  }

  reset() {
    this.#stop?.()
    this.#stop = null
    this.pref = 'system'
    this.systemDark = false
  }
}

export const theme = new Theme()
