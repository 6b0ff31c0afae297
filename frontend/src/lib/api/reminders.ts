import * as Reminders from '$wails/go/app/ReminderAPI'
import { app } from '$wails/go/models'
import { call } from './call'
import type { AppClock, Evaluation, NotificationStatus, Reminder, ReminderSettings } from './types'

/** When a snoozed reminder comes back: '1h', 'tomorrow' (09:00) or a date 'YYYY-MM-DD' (09:00). */
export type SnoozeChoice = '1h' | 'tomorrow' | string

export async function listReminders(): Promise<Reminder[]> {
  return ((await call(() => Reminders.List())) ?? []) as Reminder[]
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
