import * as Workspace from '$wails/go/app/WorkspaceAPI'
import { call } from './call'

/** What a workspace file (export-json's format) holds, or why it cannot be imported. */
export interface WorkspaceFilePreview {
  path: string
  name: string
  valid: boolean
  /** Why it cannot be imported (the first line); problems are each "where: what". */
  problem?: string
  problems: string[]
  exportedAt: string
  generator?: string
  /** false: exported without private notes (docs/privacy.md). */
  privateNotes: boolean
  people: number
  teams: number
  services: number
  incidents: number
  followUps: number
  rotations: number
  meetings: number
  feedback: number
}

export interface WorkspaceImportResult {
  preview: WorkspaceFilePreview
  aside: string
}

/** The workspace as a JSON file where the user chooses (native dialog); '' when cancelled. */
export async function exportWorkspace(withoutPrivate: boolean): Promise<string> {
  return await call(() => Workspace.ExportWorkspace(withoutPrivate))
}

/** A workspace file to import, through the native open dialog; '' when cancelled. */
export async function chooseWorkspaceFile(): Promise<string> {
  return await call(() => Workspace.ChooseWorkspaceFile())
}

/** Reads and checks a workspace file; nothing is written. */
export async function previewWorkspaceImport(path: string): Promise<WorkspaceFilePreview> {
  const p = (await call(() => Workspace.PreviewImport(path))) as WorkspaceFilePreview
  return { ...p, problems: p.problems ?? [] }
}

/** Replaces the user's workspace with the file's; the old one is kept aside. */
export async function importWorkspace(path: string): Promise<WorkspaceImportResult> {
  return (await call(() => Workspace.ImportWorkspace(path))) as WorkspaceImportResult
}
