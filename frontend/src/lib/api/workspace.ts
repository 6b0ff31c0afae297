import * as Workspace from '$wails/go/app/WorkspaceAPI'
import { call } from './call'
import type { WorkspaceInfo } from './types'

/** Info never rejects on the Go side; a bridge failure still becomes an ApiError. */
export async function workspaceInfo(): Promise<WorkspaceInfo> {
  return (await call(() => Workspace.Info())) as WorkspaceInfo
}

/** Switches to the demo workspace (generated on first use). */
export async function openDemo(): Promise<WorkspaceInfo> {
  return (await call(() => Workspace.OpenDemo())) as WorkspaceInfo
}

/** Switches back to the user's own workspace. */
export async function openMine(): Promise<WorkspaceInfo> {
  return (await call(() => Workspace.OpenMine())) as WorkspaceInfo
}

/** Opens the user's encrypted workspace with its passphrase; a wrong one rejects on the field "passphrase". */
export async function unlockWorkspace(passphrase: string): Promise<WorkspaceInfo> {
  return (await call(() => Workspace.Unlock(passphrase))) as WorkspaceInfo
}
