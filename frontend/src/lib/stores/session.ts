// Cross-store actions: switching workspaces and reloading what depends on it.
import { editor } from './editor.svelte'
import { followups } from './followups.svelte'
import { incident, incidents, metrics } from './incidents.svelte'
import { oncall } from './oncall.svelte'
import { cadences, health, personFeedback, personOneOnOnes } from './oneonones.svelte'
import { overview } from './overview.svelte'
import { reminders } from './reminders.svelte'
import { roster } from './roster.svelte'
import { router } from './router.svelte'
import { teamOnCall } from './teamoncall.svelte'
import { today } from './today.svelte'
import { toasts } from './toasts.svelte'
import { workspace } from './workspace.svelte'

/** What the sidebar shows on every screen: badges, reminders, severity labels, the app's clock. */
export function loadShellData(): Promise<unknown> {
  return Promise.all([
    incidents.loadSettings(),
    followups.loadCounts(),
    reminders.loadCount(),
    reminders.loadStatus(),
    reminders.loadClock(),
  ])
}

/**
 * Everything that depends on the open workspace (after a switch): every store
 * forgets the other workspace's data at once, so nothing of it stays on screen
 * (or can be acted on) while the new one loads, then what the shell, Today
 * and the overview show loads again. Screens load the rest when they are visited.
 */
export async function reloadData(): Promise<void> {
  forgetData()
  await Promise.all([roster.load(), overview.load(), today.load(), incidents.load(), cadences.load(), loadShellData()])
}

/**
 * Every store forgets the workspace's data (on a switch, and when Wheelhouse
 * locks: nothing personal stays in the page while it is locked).
 */
export function forgetData(): void {
  incident.reset()
  metrics.reset()
  followups.reset()
  oncall.reset()
  teamOnCall.reset()
  cadences.reset()
  health.reset()
  personOneOnOnes.reset()
  personFeedback.reset()
  overview.reset()
  today.reset()
  reminders.reset()
  incidents.creating = false
}

/** Opens the demo (true) or the user's own workspace (false). */
export async function switchWorkspace(demo: boolean): Promise<boolean> {
  const ok = demo ? await workspace.openDemo() : await workspace.openMine()
  editor.close()
  // Ids in the address belong to the other workspace: keep only the screen.
  router.go(router.route.screen)
  await reloadData()
  if (ok) {
    toasts.show(demo ? 'Opened the demo workspace.' : 'Back in your own workspace.', { kind: 'info' })
  } else if (workspace.error) {
    toasts.show(workspace.error.message, { kind: 'error', timeout: 8000 })
  }
  return ok
}
