import * as Reminders from '$wails/go/app/ReminderAPI'
import { app } from '$wails/go/models'
import { call } from './call'
import { callList } from './decode'
import type { AppClock, Evaluation, NotificationStatus, Reminder, ReminderSettings } from './types'

/** When a snoozed reminder comes back: '1h', 'tomorrow' (09:00) or a date 'YYYY-MM-DD' (09:00). */
export type SnoozeChoice = '1h' | 'tomorrow' | string

export async function listReminders(): Promise<Reminder[]> {
  return callList<Reminder>(() => Reminders.List())
}

/** How many reminders are active (the bell), without reading the list. */
export async function countReminders(): Promise<number> {
  return Number(await call(() => Reminders.Count())) || 0
}

export async function evaluateReminders(): Promise<Evaluation> {
  return (await call(() => Reminders.EvaluateNow())) as Evaluation
}

/** Returns the instant (RFC 3339) the reminder comes back. */
export async function snoozeReminder(key: string, choice: SnoozeChoice): Promise<string> {
  return (await call(() => Reminders.Snooze(key, choice))) ?? ''
}

export async function dismissReminder(key: string): Promise<void> {
  await call(() => Reminders.Dismiss(key))
}

export async function loadReminderSettings(): Promise<ReminderSettings> {
  return (await call(() => Reminders.Settings())) as ReminderSettings
}

export async function saveReminderSettings(s: ReminderSettings): Promise<ReminderSettings> {
  return (await call(() => Reminders.SaveSettings(app.ReminderSettingsDTO.createFrom(s)))) as ReminderSettings
}

export async function notificationStatus(): Promise<NotificationStatus> {
  return (await call(() => Reminders.NotificationStatus())) as NotificationStatus
}

export async function appClock(): Promise<AppClock> {
  return (await call(() => Reminders.Clock())) as AppClock
}

/** Test-only (WHEELHOUSE_TEST_CLOCK=1): moves the app's clock forward and evaluates reminders. */
export async function advanceClock(minutes: number): Promise<AppClock> {
  return (await call(() => Reminders.AdvanceClock(minutes))) as AppClock
}

/** Why one record of a bulk change was left as it was (id is the reminder's key or the follow-up's id). */
export interface BulkProblem {
  id: string
  code: string
  message: string
  field: string
}

export function bulkProblemsOf(v: unknown): BulkProblem[] {
  if (!Array.isArray(v)) return []
  return v.map((p: Record<string, unknown>) => ({
    id: String(p?.id ?? ''),
    code: String(p?.code ?? 'internal'),
    message: String(p?.message ?? 'Something went wrong.'),
    field: String(p?.field ?? ''),
  }))
}

/** Dismisses several reminders; returns those that could not be. */
export async function dismissReminders(keys: string[]): Promise<BulkProblem[]> {
  return bulkProblemsOf(await call(() => Reminders.DismissMany(keys)))
}

/** Snoozes several reminders until one instant; returns it and those that could not be snoozed. */
export async function snoozeReminders(keys: string[], choice: SnoozeChoice): Promise<{ until: string; problems: BulkProblem[] }> {
  const r = await call(() => Reminders.SnoozeMany(keys, choice))
  return { until: r?.until ?? '', problems: bulkProblemsOf(r?.problems) }
}

/** How a reminder was before a dismiss or snooze ('' = not snoozed). */
export interface ReminderBefore {
  key: string
  snoozedUntil: string
}

/** Undoes dismissing or snoozing: each reminder back as it was. */
export async function restoreReminders(prev: ReminderBefore[]): Promise<BulkProblem[]> {
  return bulkProblemsOf(await call(() => Reminders.Restore(prev.map((p) => app.ReminderRestoreDTO.createFrom(p)))))
}
