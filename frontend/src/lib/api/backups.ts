import * as B from '$wails/go/app/BackupAPI'
import { call } from './call'

/** Automatic backups: on, where, how many are kept. */
export interface BackupSettings {
  enabled: boolean
  folder: string // '' = the data folder's backups/
  keepDaily: number
  keepWeekly: number
}

/** What a backup holds (read back from a restore into a temporary folder). */
export interface BackupSummary {
  people: number
  teams: number
  incidents: number
  followUps: number
  rotations: number
  meetings: number
  feedback: number
  records: number
  schema: number
}

export interface BackupFile {
  path: string
  name: string
  at: string
  bytes: number
}

export interface BackupStatus {
  lastAt?: string
  lastPath?: string
  lastBytes?: number
  lastSummary?: BackupSummary
  lastError?: string
  lastErrorAt?: string
}

export interface BackupOverview {
  settings: BackupSettings
  status: BackupStatus
  folder: string
  defaultFolder: string
  files: BackupFile[]
  due: boolean
  demo: boolean
}

export interface RestoreResult {
  summary: BackupSummary
  aside: string
}

function overviewOf(r: unknown): BackupOverview {
  const o = r as BackupOverview
  return { ...o, settings: { ...o.settings, folder: o.settings.folder ?? '' }, status: o.status ?? {}, files: o.files ?? [] }
}

export async function loadBackups(): Promise<BackupOverview> {
  return overviewOf(await call(() => B.Overview()))
}

export async function saveBackupSettings(s: BackupSettings): Promise<BackupOverview> {
  return overviewOf(await call(() => B.SaveSettings(s)))
}

export async function backupNow(): Promise<BackupOverview> {
  return overviewOf(await call(() => B.BackupNow()))
}

/** A backup where the user chooses (native dialog); '' when cancelled. */
export async function saveBackupAs(): Promise<string> {
  return await call(() => B.SaveBackupAs())
}

/** A backup file to restore, through the native open dialog; '' when cancelled. */
export async function chooseBackupFile(): Promise<string> {
  return await call(() => B.ChooseFile())
}

export async function inspectBackup(path: string): Promise<BackupSummary> {
  return (await call(() => B.Inspect(path))) as BackupSummary
}

export async function restoreBackup(path: string): Promise<RestoreResult> {
  return (await call(() => B.Restore(path))) as RestoreResult
}

/** "1.4 MB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
