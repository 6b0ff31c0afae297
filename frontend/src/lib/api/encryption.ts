import * as E from '$wails/go/app/EncryptionAPI'
import { call } from './call'

/** Whether the open workspace is encrypted (docs/decisions/0022-encryption-at-rest.md). */
export interface EncryptionStatus {
  encrypted: boolean
  demo: boolean
  /** The system keyring holds this workspace's key: it opens on this computer without the passphrase (decision 0027). */
  remembered: boolean
  /** Why the system keyring cannot be used now; '' when it can. */
  keyringReason: string
}

/** What turning encryption on did besides the database. */
export interface EncryptResult {
  /** Plaintext automatic backups rewritten encrypted, in place. */
  reencrypted: string[]
  /** Plaintext copies kept aside by imports and restores (db.before-*), deleted. */
  removed: string[]
  /** Plaintext copies still there (not automatic backups, or could not be rewritten). */
  plainLeft: string[]
}

export async function encryptionStatus(): Promise<EncryptionStatus> {
  const s = (await call(() => E.Status())) as Partial<EncryptionStatus> | null
  return { encrypted: !!s?.encrypted, demo: !!s?.demo, remembered: !!s?.remembered, keyringReason: s?.keyringReason ?? '' }
}

/** Keeps the workspace's key in the system keyring ("remember on this computer"). */
export async function rememberOnThisComputer(): Promise<void> {
  await call(() => E.Remember())
}

/** Removes the workspace's key from the system keyring: the next start asks for the passphrase. */
export async function forgetOnThisComputer(): Promise<void> {
  await call(() => E.Forget())
}

/** Rejects with an ApiError on field "passphrase" or "confirm". */
export async function encryptWorkspace(passphrase: string, confirm: string): Promise<EncryptResult> {
  const r = (await call(() => E.Encrypt(passphrase, confirm))) as Partial<EncryptResult> | null
  return { reencrypted: r?.reencrypted ?? [], removed: r?.removed ?? [], plainLeft: r?.plainLeft ?? [] }
}

/** Rejects with an ApiError on field "current", "passphrase" or "confirm". */
export async function changePassphrase(current: string, passphrase: string, confirm: string): Promise<void> {
  await call(() => E.ChangePassphrase(current, passphrase, confirm))
}

/** Rejects with an ApiError on field "current". */
export async function decryptWorkspace(current: string): Promise<void> {
  await call(() => E.Decrypt(current))
}

/** A rough strength hint for a new passphrase (the backend only enforces 8 characters). */
export function passphraseStrength(p: string): { level: 0 | 1 | 2 | 3; text: string } {
  if (!p) return { level: 0, text: 'At least 8 characters. Several unrelated words are strong and easy to remember.' }
  const n = [...p].length
  if (n < 8) return { level: 0, text: `Too short: ${n} of at least 8 characters.` }
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(p)).length
  const words = p.trim().split(/\s+/).length
  if (n >= 20 || (n >= 14 && (kinds >= 3 || words >= 3))) return { level: 3, text: 'Strong.' }
  if (n >= 12 || kinds >= 3) return { level: 2, text: 'Fair. Longer is stronger: add a word or two.' }
  return { level: 1, text: 'Weak: easy to guess for someone with a copy of the folder. Add words.' }
}
