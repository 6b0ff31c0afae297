import { ApiError, lockApp, lockStatus, toApiError, unlockApp, type LockStatus } from '$lib/api'

/**
 * Whether Wheelhouse is locked (the backend's state: app/lock.go). While it
 * is, App renders only the lock screen and every other call is refused.
 */
class LockStore {
  locked = $state(false)
  needsPassphrase = $state(false)
  /** Lock after this many idle minutes; 0 = never. */
  lockMinutes = $state(15)
  /** No unlock try is accepted before this instant ('' = now). */
  retryAt = $state('')
  busy = $state(false)

  private apply(s: LockStatus): void {
    this.locked = s.locked
    this.needsPassphrase = s.needsPassphrase
    this.lockMinutes = s.lockMinutes
    this.retryAt = s.retryAt
  }

  /** Asks the backend (at start: a reloaded page may come back locked). */
  async load(): Promise<void> {
    try {
      this.apply(await lockStatus())
    } catch {
      // No workspace yet or no backend: nothing to lock.
    }
  }

  /** Locks at once on screen, then in the backend. */
  async lock(): Promise<void> {
    this.locked = true
    try {
      this.apply(await lockApp())
    } catch {
      // The screen stays locked; unlocking asks the backend again.
    }
  }

  /** Unlocks; returns the error to show next to the field, or null. */
  async unlock(passphrase: string): Promise<ApiError | null> {
    this.busy = true
    try {
      this.apply(await unlockApp(passphrase))
      return null
    } catch (e) {
      const err = toApiError(e)
      await this.load()
      return err
    } finally {
      this.busy = false
    }
  }

  reset(): void {
    this.locked = false
    this.needsPassphrase = false
    this.lockMinutes = 15
    this.retryAt = ''
    this.busy = false
  }
}

export const lock = new LockStore()
