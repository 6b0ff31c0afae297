import '@fontsource-variable/inter/wght.css'
import '@fontsource-variable/inter/wght-italic.css'
import { mount } from 'svelte'
import App from './App.svelte'
import './app.css'
import { startReadinessMarks } from './lib/api'
import { loadFirstScreen } from './lib/stores/boot'
import { dateFormat } from './lib/stores/datefmt.svelte'
import { parseHash } from './lib/stores/router.svelte'
import { theme } from './lib/stores/theme.svelte'
import { FONT_WAIT_MS, fontReady, markPlatform } from './lib/util/platform'
import { within } from './lib/util/wait'

/**
 * How long the window may show only its background while the first screen's
 * data comes: sooner than this the app is drawn with it (no spinner flashes
 * by); later, the spinner shows until it is there.
 */
const FIRST_SCREEN_WAIT_MS = 100

// Before the first paint: no flash of the wrong theme.
theme.start()
markPlatform() // the fonts named on Linux (app.css)
dateFormat.start()

// The first screen's data is asked for now, while the font loads and the app
// is built; the app's font comes with it (app.css): the first layout uses it
// and does not lay out, and look up, a fallback first (a few ms from the
// embedded assets, never more than FONT_WAIT_MS).
let booted = false
const booting = loadFirstScreen(parseHash(location.hash).screen).then(() => {
  booted = true
})
await Promise.all([fontReady(document, FONT_WAIT_MS), within(booting, FIRST_SCREEN_WAIT_MS)])

const app = mount(App, { target: document.getElementById('app')!, props: { booting, booted } })
startReadinessMarks() // for scripts/bench-launch.sh (logged with --verbose)

export default app
