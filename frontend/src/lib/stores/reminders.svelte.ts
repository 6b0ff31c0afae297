import {
  advanceClock,
  appClock,
  countReminders,
  dismissReminder,
  dismissReminders,
  evaluateReminders,
  listReminders,
  notificationStatus,
  restoreReminders,
  snoozeReminder,
  snoozeReminders,
  type AppClock,
  type BulkProblem,
  type Evaluation,
  type NotificationStatus,
  type Reminder,
  type ReminderBefore,
  type SnoozeChoice,
} from '$lib/api'
import { Loader } from './resource.svelte'

/**
 * The notification centre: active reminders, whether desktop notifications
 * work, and the app's clock (which the test clock can move ahead; the UI
 * uses appNow() wherever "now" must agree with the backend).
 */
class RemindersStore extends Loader {
  /** Replaced, never changed in place: raw (hundreds of reminders are not proxied). */
  items = $state.raw<Reminder[]>([])
  status = $state<NotificationStatus | null>(null)
  clock = $state<AppClock | null>(null)
  /** The app's clock minus this computer's, in ms (0 unless the test clock moved). */
  offsetMs = $state(0)

  /**
   * How many are active: the list's length once it is read, else the count
   * alone (loadCount). The list (1,300 reminders, 680 KiB on the large
   * demo) is read only while the notification centre shows it: the bell
   * needs the number.
   */
  total = $state(0)
  count = $derived(this.total)
  /** The notification centre is open: a change reloads the list, not only the count. */
  watching = false
  #countSeq = 0

  async load(): Promise<void> {
    const seq = ++this.#countSeq // a count on its way is older than this list
    await this.run(listReminders, (items) => {
      this.items = items
      if (seq === this.#countSeq) this.total = items.length
    })
  }

  /** The bell's number only. A failure keeps the last one (the list, when read, says why). */
  async loadCount(): Promise<void> {
    const seq = ++this.#countSeq
    try {
      const n = await countReminders()
      if (seq === this.#countSeq) this.total = n
    } catch {
      // the centre shows the error when it reads the list
    }
  }

  /** After an evaluation: the list while the centre shows it, else the count. */
  refresh(): Promise<void> {
    return this.watching ? this.load() : this.loadCount()
  }

  async loadStatus(): Promise<void> {
    try {
      this.status = await notificationStatus()
    } catch {
      // The status line is a nicety; the centre works without it.
    }
  }

  #setClock(c: AppClock) {
    this.clock = c
    const t = Date.parse(c.now)
    this.offsetMs = Number.isNaN(t) ? 0 : Math.round((t - Date.now()) / 60_000) * 60_000
  }

  async loadClock(): Promise<void> {
    try {
      this.#setClock(await appClock())
    } catch {
      // Without it the UI uses this computer's clock.
    }
  }

  /** The app's "now": this computer's clock plus the test clock's offset. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }

  /** A local instant (e.g. the ticking clock store's) on the app's clock. */
  shift(local: Date): Date {
    return new Date(local.getTime() + this.offsetMs)
  }

  async snooze(key: string, choice: SnoozeChoice): Promise<string> {
    const until = await snoozeReminder(key, choice)
    await this.load()
    return until
  }

  async dismiss(key: string): Promise<void> {
    await dismissReminder(key)
    this.items = this.items.filter((r) => r.key !== key)
    await this.load()
  }

  /**
   * Dismisses many (a group, or all). Returns how they were, for Undo (those
   * that were dismissed), and the problems of those that were not.
   */
  async dismissMany(keys: string[]): Promise<{ before: ReminderBefore[]; problems: BulkProblem[] }> {
    const before = this.#before(keys)
    const problems = await dismissReminders(keys)
    const failed = new Set(problems.map((p) => p.id))
    const done = new Set(keys.filter((k) => !failed.has(k)))
    this.items = this.items.filter((r) => !done.has(r.key))
    await this.load()
    return { before: before.filter((b) => done.has(b.key)), problems }
  }

  /** Snoozes many until one instant (see dismissMany for what it returns). */
  async snoozeMany(
    keys: string[],
    choice: SnoozeChoice,
  ): Promise<{ until: string; before: ReminderBefore[]; problems: BulkProblem[] }> {
    const before = this.#before(keys)
    const { until, problems } = await snoozeReminders(keys, choice)
    const failed = new Set(problems.map((p) => p.id))
    await this.load()
    return { until, before: before.filter((b) => !failed.has(b.key)), problems }
  }

  /** Undo of dismissMany/snoozeMany: each back as it was. */
  async restore(before: ReminderBefore[]): Promise<BulkProblem[]> {
    const problems = await restoreReminders(before)
    await this.load()
    return problems
  }

  #before(keys: string[]): ReminderBefore[] {
    const byKey = new Map(this.items.map((r) => [r.key, r]))
    return keys.map((key) => ({ key, snoozedUntil: byKey.get(key)?.snoozedUntil ?? '' }))
  }

  async evaluate(): Promise<Evaluation> {
    const res = await evaluateReminders()
    await Promise.all([this.load(), this.loadStatus()])
    return res
  }

  async advance(minutes: number): Promise<AppClock> {
    const c = await advanceClock(minutes)
    this.#setClock(c)
    await Promise.all([this.load(), this.loadStatus()])
    return c
  }

  override reset(): void {
    super.reset()
    this.#countSeq++
    this.items = []
    this.total = 0
    this.status = null
    this.clock = null
    this.offsetMs = 0
  }
}

export const reminders = new RemindersStore()

/** The app's current time (see RemindersStore.now). */
export function appNow(): Date {
  return reminders.now()
}
