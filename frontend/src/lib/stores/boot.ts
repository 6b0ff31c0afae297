// The launch: what the first screen needs, asked for as soon as the page's
// script runs (main.ts), beside the font and before the app mounts.
import { prefetchEncryptionOffer } from '$lib/features/workspace/FirstRun.svelte'
import { lock } from './lock.svelte'
import { roster } from './roster.svelte'
import type { Screen } from './router.svelte'
import { loadShellData } from './session'
import { today } from './today.svelte'
import { workspace } from './workspace.svelte'
import { within } from '$lib/util/wait'

/** How long the launch waits for Today's day before the shell is drawn without it. */
export const FIRST_DAY_WAIT_MS = 250

/**
 * Loads what the shell's first frame shows in two round trips: first the lock
 * and the workspace; then, unless Wheelhouse is locked (nothing personal is
 * asked for then) and if the workspace opened, the sidebar's data, the roster
 * and, when the first screen is Today, its day (waited for at most
 * FIRST_DAY_WAIT_MS). On an empty workspace the encryption offer's status is
 * asked for beside them, so the first-run screen is drawn with it. Never
 * rejects: each store keeps its own error.
 */
export async function loadFirstScreen(screen: Screen): Promise<void> {
  await Promise.all([lock.load(), workspace.load()])
  if (lock.locked || !workspace.info || workspace.openError) return
  const day = screen === 'today' ? within(today.load(), FIRST_DAY_WAIT_MS) : null
  const offer = workspace.info.empty && !workspace.info.locked ? prefetchEncryptionOffer() : null
  await Promise.allSettled([loadShellData(), roster.load(), offer, day])
}
