import * as Lock from '$wails/go/app/LockAPI'
import { call } from './call'

/** Whether Wheelhouse is locked and how it unlocks (app/lock.go). */
export interface LockStatus {
  locked: boolean
  /** Unlocking asks for the workspace's passphrase; false: the workspace has none. */
  needsPassphrase: boolean
  /** Lock after this many idle minutes; 0 = never by itself. */
  lockMinutes: number
  /** After too many wrong passphrases, no try before this instant (RFC 3339); '' = now. */
  retryAt: string
}

function status(v: unknown): LockStatus {
  const o = (v ?? {}) as Partial<LockStatus>
  return {
    locked: !!o.locked,
    needsPassphrase: !!o.needsPassphrase,
    lockMinutes: typeof o.lockMinutes === 'number' ? o.lockMinutes : 15,
    retryAt: o.retryAt ?? '',
  }
}

export async function lockStatus(): Promise<LockStatus> {
  return status(await call(() => Lock.Status()))
}

export async function lockApp(): Promise<LockStatus> {
  return status(await call(() => Lock.Lock()))
}

/** Rejects with an ApiError on field "passphrase" when it is wrong (or tries must wait). */
export async function unlockApp(passphrase: string): Promise<LockStatus> {
  return status(await call(() => Lock.Unlock(passphrase)))
}
