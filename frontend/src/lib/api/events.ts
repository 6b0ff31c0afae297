import { EventsOn } from '$wails/runtime/runtime'

/** Backend events and their payloads (mirrors app/shell.go). */
export interface EventMap {
  'workspace:changed': { demo: boolean }
  /** After each reminder evaluation, snooze or dismiss: the number of active reminders. */
  'reminders:changed': number
  /** A scheduled refresh fetched calendar subscriptions: how many changed what is stored. */
  'calendars:refreshed': number
  /** How far a paging import (apply) or its preview has read the file: pass 1 checks, pass 2 compares and writes. */
  'pages:progress': { apply: boolean; pass: number; rows: number; bytes: number; size: number }
  /** Wheelhouse was locked (true) or unlocked (false). */
  'lock:changed': boolean
  /** How far a CalDAV publish is: requests done of total, and what they did so far. */
  'publish:progress': {
    name: string
    done: number
    total: number
    counts: { created: number; updated: number; deleted: number; unchanged: number; conflicts: number }
  }
  /** An automatic publish (after edits, on schedule) finished: statuses may have changed. */
  'publish:changed': null
}

export type EventName = keyof EventMap

function runtimeAvailable(): boolean {
  return typeof window !== 'undefined' && typeof (window as { runtime?: unknown }).runtime === 'object'
}

/**
 * Listens to a backend event; returns the unsubscribe function. Without the
 * Wails runtime (unit tests, a plain browser) it does nothing and returns a no-op.
 */
export function on<K extends EventName>(name: K, cb: (data: EventMap[K]) => void): () => void {
  if (!runtimeAvailable()) return () => {}
  const off = EventsOn(name, (...data: unknown[]) => cb(data[0] as EventMap[K]))
  return typeof off === 'function' ? off : () => {}
}

export const events = { on }
