import { mount } from 'svelte'
import App from './App.svelte'
import './app.css'
import { startReadinessMarks } from './lib/api'
import { dateFormat } from './lib/stores/datefmt.svelte'
import { theme } from './lib/stores/theme.svelte'
import { markPlatform } from './lib/util/platform'

// Before the first paint: no flash of the wrong theme.
theme.start()
markPlatform() // the fonts named on Linux (app.css)
dateFormat.start()

const app = mount(App, { target: document.getElementById('app')! })
startReadinessMarks() // for scripts/bench-launch.sh (logged with --verbose)

export default app
