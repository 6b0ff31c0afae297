// How the date inputs show dates: in the order of this computer's locale
// (dd/mm/yyyy, mm/dd/yyyy, dd.mm.yyyy…) or always ISO (YYYY-MM-DD). Kept on
// this computer (localStorage), like the theme: a habit of the person at the
// screen, not part of the data. Whatever is shown, ISO text is always accepted.
import { datePattern, uses12Hour, type DateFormatPref } from '$lib/util/datefmt'

export type { DateFormatPref }
export const DATE_FORMAT_KEY = 'wheelhouse.dateFormat'

function readPref(): DateFormatPref {
  try {
    return localStorage.getItem(DATE_FORMAT_KEY) === 'iso' ? 'iso' : 'system'
  } catch {
    return 'system'
  }
}

/** The locale of this computer (the language the window runs in). */
export function systemLocale(): string {
  try {
    if (typeof navigator !== 'undefined' && navigator.language) return navigator.language
    return Intl.DateTimeFormat().resolvedOptions().locale
  } catch {
    return 'en-GB'
  }
}

class DateFormat {
  pref = $state<DateFormatPref>(readPref())
  /** The locale whose date order 'system' follows; tests set it. */
  locale = $state(systemLocale())
  pattern = $derived(datePattern(this.locale, this.pref))
  hour12 = $derived(uses12Hour(this.locale, this.pref))

  #stop: (() => void) | null = null

  /** Reads the saved choice and follows changes made in other windows. */
  start(): () => void {
    this.#stop?.()
    this.pref = readPref()
    const onStorage = (e: StorageEvent) => {
      if (e.key !== null && e.key !== DATE_FORMAT_KEY) return
      this.pref = readPref()
    }
    addEventListener('storage', onStorage)
    this.#stop = () => removeEventListener('storage', onStorage)
    return this.#stop
  }

  set(pref: DateFormatPref) {
    this.pref = pref
    try {
      if (pref === 'system') localStorage.removeItem(DATE_FORMAT_KEY)
      else localStorage.setItem(DATE_FORMAT_KEY, pref)
    } catch {
      // storage unavailable: the choice holds until the window closes
    }
  }

  reset() {
    this.#stop?.()
    this.#stop = null
    this.pref = 'system'
    this.locale = systemLocale()
  }
}

export const dateFormat = new DateFormat()
