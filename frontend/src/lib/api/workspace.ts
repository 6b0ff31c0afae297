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

/**
 * Opens the user's encrypted workspace with its passphrase; a wrong one rejects on the field "passphrase".
 * With remember, its key is kept in the system keyring; info.rememberNote says why when that failed.
 */
export async function unlockWorkspace(passphrase: string, remember = false): Promise<WorkspaceInfo> {
  return (await call(() => Workspace.Unlock(passphrase, remember))) as WorkspaceInfo
}

/** Whether the system keyring can remember the workspace on this computer, and why not. */
export interface KeyringStatus {
  available: boolean
  reason: string
}

export async function keyringStatus(): Promise<KeyringStatus> {
  const k = (await call(() => Workspace.Keyring())) as Partial<KeyringStatus> | null
  return { available: !!k?.available, reason: k?.reason ?? '' }
}
