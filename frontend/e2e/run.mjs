// End-to-end runner: drives the REAL app (`wails dev` serves the Svelte UI and the
// Go bindings at http://localhost:34115) in WebKitGTK — the engine of the Linux
// window — through WebKitWebDriver and the engine's own MiniBrowser (webkit/page.mjs
// gives the specs the Playwright-style page API they are written against, with
// real pointer clicks). E2E_ENGINE=chromium runs the same specs in Debian's
// chromium through playwright-core instead, as a second engine.
//
// Usually started by scripts/e2e.sh (`make e2e`), which provides Xvfb, a private
// D-Bus session with dunst, and WHEELHOUSE_DATA (a fresh temporary folder).
//
//   node frontend/e2e/run.mjs [name-filter...]
//
// Each frontend/e2e/*.spec.mjs exports `async function run(ctx)`, run in file
// name order, each in a fresh browser context. ctx:
//   page         the page (webkit/page.mjs; a Playwright Page under chromium), loaded at baseURL with window.go bound
//   engine       'webkit' or 'chromium'
//   baseURL      http://localhost:<port>
//   dataDir      the app's data folder (the same for every spec and restart)
//   shot(name)   screenshot to artifacts/e2e/<spec>/<NN-name>.png, returns the path
//   restartApp([whileStopped]) stop wails dev (SIGINT), run whileStopped() if given, start it
//                again on the same data folder, wait until it serves, load baseURL again and
//                wait for the bindings
//   waitForBindings()  wait until window.go.app.* is there (after a navigation)
//   api(name, ...args)  call a bound Go method from the page: api('ReminderAPI.Settings')
//   log(...)     print a line prefixed with the spec name
// The last line printed is exactly `N passed, M failed`; the exit status is 1 on any failure.
//
// Environment: WHEELHOUSE_DATA (required), E2E_PORT (default 34115, a free one if busy),
// E2E_ENGINE (webkit, the default, or chromium), E2E_ARTIFACTS (default <repo>/artifacts/e2e),
// CHROMIUM (default /usr/bin/chromium), WEBKIT_WEBDRIVER (default /usr/bin/WebKitWebDriver),
// MINIBROWSER (default /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser),
// E2E_READY_TIMEOUT (s, default 180), E2E_SPEC_TIMEOUT (s, default 180).

import { chromium } from 'playwright-core'
import WebDriver from 'webdriver'
import { spawn, execFileSync } from 'node:child_process'
import { WebKitPage } from './webkit/page.mjs'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..', '..')
const artifacts = path.resolve(process.env.E2E_ARTIFACTS || path.join(repo, 'artifacts', 'e2e'))
const dataDir = process.env.WHEELHOUSE_DATA
const engine = process.env.E2E_ENGINE || 'webkit'
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium'
const webkitDriverPath = process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver'
const miniBrowserPath = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
const readyTimeoutMs = Number(process.env.E2E_READY_TIMEOUT || 180) * 1000
const specTimeoutMs = Number(process.env.E2E_SPEC_TIMEOUT || 180) * 1000
const stopTimeoutMs = 20_000
const bindingsTimeoutMs = 30_000
const devLog = path.join(artifacts, 'wails-dev.log')
const pidFile = path.join(artifacts, 'wails-dev.pid') // read by scripts/e2e.sh's last-resort cleanup

process.env.WHEELHOUSE_TEST_CLOCK ??= '1' // specs may move the app's clock (ReminderAPI.AdvanceClock); only tests use this harness
// The native open dialog cannot be driven: the app's PagesAPI.ChooseFile answers the path a spec writes into this
// file instead (empty or missing: cancelled). Beside the data folder, so each run has its own.
if (dataDir) process.env.WHEELHOUSE_TEST_OPEN_FILE ??= path.join(path.dirname(path.resolve(dataDir)), 'open-dialog-answer')
if (dataDir) process.env.WHEELHOUSE_TEST_SAVE_FILE ??= path.join(path.dirname(path.resolve(dataDir)), 'save-dialog-answer') // Settings → Export workspace…
const plain = (s) => String(s).replace(/\x1b\[[0-9;]*m/g, '') // playwright colours its call logs
const say = (...a) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}]`, ...a)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

class HarnessError extends Error {}

// ---------------------------------------------------------------- wails dev

let port = Number(process.env.E2E_PORT || 34115)
let baseURL = `http://localhost:${port}`
let dev = null // { child, pid, exited: Promise, exitInfo, logStart }

function portFree(p) {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen({ port: p, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)))
  })
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen({ port: 0, host: '127.0.0.1' }, () => {
      const p = srv.address().port
      srv.close(() => resolve(p))
    })
  })
}

function logTail(from = 0, lines = 60) {
  try {
    const text = fs.readFileSync(devLog, 'utf8').slice(from)
    return text.split('\n').slice(-lines).join('\n')
  } catch {
    return '(no wails dev log)'
  }
}

// Processes in a session: wails dev runs vite in its own process group, so the
// session (wails dev is started with setsid) is what holds all of them.
function sessionPids(sid) {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,sid=,stat='], { encoding: 'utf8' })
    return out
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([pid, s, stat]) => pid && Number(s) === sid && !String(stat).startsWith('Z'))
      .map(([pid]) => Number(pid))
  } catch {
    return []
  }
}

function killSession(sid, signal) {
  try {
    process.kill(-sid, signal)
  } catch {}
  for (const pid of sessionPids(sid)) {
    try {
      process.kill(pid, signal)
    } catch {}
  }
}

async function startDev() {
  if (dev) throw new HarnessError('wails dev is already running')
  fs.mkdirSync(artifacts, { recursive: true })
  const logStart = fs.existsSync(devLog) ? fs.statSync(devLog).size : 0
  const fd = fs.openSync(devLog, 'a')
  const args = ['dev', '-tags', 'webkit2_41', '-s', '-noreload', '-nogorebuild', '-m', '-nocolour',
    '-devserver', `localhost:${port}`]
  fs.writeSync(fd, `\n===== ${new Date().toISOString()} wails ${args.join(' ')} (WHEELHOUSE_DATA=${dataDir})\n`)
  const child = spawn('wails', args, {
    cwd: repo,
    detached: true, // setsid: its own session, so every descendant can be found and stopped
    stdio: ['ignore', fd, fd],
    env: { ...process.env, WHEELHOUSE_DATA: dataDir, NO_AT_BRIDGE: '1', WHEELHOUSE_E2E: '1' },
  })
  fs.closeSync(fd)
  const d = { child, pid: child.pid, exitInfo: null, logStart }
  d.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      d.exitInfo = { code, signal }
      resolve(d.exitInfo)
    })
    child.once('error', (err) => {
      d.exitInfo = { code: null, signal: null, err }
      resolve(d.exitInfo)
    })
  })
  dev = d
  if (d.pid) fs.writeFileSync(pidFile, `${d.pid}\n`)
  say(`wails dev started (pid ${d.pid}), log: ${path.relative(repo, devLog)}`)
  await waitReady(d)
}

// Fatal lines: wails dev itself stays alive when the app dies (vite keeps running,
// the port stays dead), so the log is watched to fail fast instead of timing out.
const fatalPatterns = [/^panic: /m, /failed to init GTK/, /Build error/, /^fatal error: /m, /Unable to start application/]

async function waitReady(d) {
  const started = Date.now()
  const deadline = started + readyTimeoutMs
  for (;;) {
    if (d.exitInfo) {
      throw new HarnessError(`wails dev exited (${JSON.stringify(d.exitInfo)}) before serving ${baseURL}\n` +
        `----- wails dev log (tail) -----\n${logTail(d.logStart)}`)
    }
    const fresh = logTail(d.logStart, 100000)
    const fatal = fatalPatterns.find((re) => re.test(fresh))
    if (fatal) {
      throw new HarnessError(`wails dev: the app failed to start (log matches ${fatal})\n` +
        `----- wails dev log (tail) -----\n${logTail(d.logStart)}`)
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3000) })
      if (res.ok) {
        say(`app serves ${baseURL} after ${((Date.now() - started) / 1000).toFixed(1)}s`)
        return
      }
    } catch {}
    if (Date.now() > deadline) {
      throw new HarnessError(`timed out after ${readyTimeoutMs / 1000}s waiting for ${baseURL} (wails dev)\n` +
        `----- wails dev log (tail) -----\n${logTail(d.logStart)}`)
    }
    await sleep(500)
  }
}

async function stopDev() {
  const d = dev
  if (!d) return
  dev = null
  if (!d.exitInfo) {
    try {
      process.kill(d.pid, 'SIGINT')
    } catch {}
    const done = await Promise.race([d.exited, sleep(stopTimeoutMs).then(() => null)])
    if (!done) say(`wails dev did not stop within ${stopTimeoutMs / 1000}s of SIGINT: killing its session`)
  }
  // Whatever is left in its session (the app, vite, WebKit helpers): TERM, then KILL.
  killSession(d.pid, 'SIGTERM')
  const deadline = Date.now() + 5000
  while (sessionPids(d.pid).length && Date.now() < deadline) await sleep(200)
  const left = sessionPids(d.pid)
  if (left.length) {
    say(`killing leftover processes of wails dev: ${left.join(' ')}`)
    killSession(d.pid, 'SIGKILL')
  }
  await Promise.race([d.exited, sleep(2000)])
  try {
    fs.rmSync(pidFile, { force: true })
  } catch {}
}

// Last resort on abrupt exit: synchronous, no waiting.
function killDevNow() {
  if (dev) killSession(dev.pid, 'SIGKILL')
}
process.on('exit', killDevNow)
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    say(`${sig}: stopping`)
    killDevNow()
    process.exit(130)
  })
}

// ---------------------------------------------------------------- specs

async function waitForBindings(page) {
  try {
    await page.waitForFunction(() => !!(window.go && window.go.app && window.go.app.PeopleAPI), null, {
      timeout: bindingsTimeoutMs,
      polling: 200,
    })
  } catch (e) {
    throw new Error(`window.go.app.PeopleAPI did not appear within ${bindingsTimeoutMs / 1000}s: ${e.message}`)
  }
}

// ---- engines: each opens a fresh page (a new profile per spec) at baseURL.

// Chromium through playwright-core: the second engine (E2E_ENGINE=chromium).
async function launchChromium() {
  if (!fs.existsSync(chromiumPath)) throw new HarnessError(`${chromiumPath} not found: run 'make setup'`)
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 60_000,
    // no session bus for the browser: it only wakes portals that fail without a desktop
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DBUS_SESSION_BUS_ADDRESS')),
    // playwright gives every launch a fresh temporary profile (user-data-dir)
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return {
    version: `chromium ${browser.version()}`,
    async open() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      page.setDefaultNavigationTimeout(30_000)
      const consoleLines = []
      page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`))
      page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.stack || e.message}`))
      page.on('requestfailed', (r) => consoleLines.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText}`))
      await page.goto(baseURL, { waitUntil: 'load' })
      await waitForBindings(page)
      return { page, consoleLines: async () => consoleLines, close: () => context.close() }
    },
    close: () => browser.close(),
  }
}

// WebKitGTK: WebKitWebDriver drives the engine's MiniBrowser (the same library
// and version as the app's window); a new MiniBrowser session per spec.
async function launchWebKit() {
  for (const f of [webkitDriverPath, miniBrowserPath]) {
    if (!fs.existsSync(f)) throw new HarnessError(`${f} not found: run 'make setup' (Debian: webkit2gtk-driver, libwebkit2gtk-4.1-0)`)
  }
  const wdPort = await anyFreePort()
  const wdLog = path.join(artifacts, 'webkitwebdriver.log')
  const fd = fs.openSync(wdLog, 'a')
  const child = spawn(webkitDriverPath, [`--port=${wdPort}`], { detached: true, stdio: ['ignore', fd, fd] })
  fs.closeSync(fd)
  const stop = () => killSession(child.pid, 'SIGKILL') // MiniBrowsers it started are in its session
  process.on('exit', stop)
  const deadline = Date.now() + 20_000
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${wdPort}/status`, { signal: AbortSignal.timeout(2000) })
      if (r.ok) break
    } catch {}
    if (Date.now() > deadline) throw new HarnessError(`WebKitWebDriver did not answer on port ${wdPort} within 20s (log: ${wdLog})`)
    await sleep(200)
  }
  let version = 'WebKitGTK'
  return {
    get version() {
      return version
    },
    async open() {
      const driver = await WebDriver.newSession({
        hostname: '127.0.0.1',
        port: wdPort,
        path: '/',
        logLevel: 'warn',
        connectionRetryCount: 0,
        capabilities: {
          'wdio:enforceWebDriverClassic': true, // WebKitWebDriver speaks classic WebDriver, no BiDi
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
        },
      })
      version = `WebKitGTK ${driver.capabilities.browserVersion ?? '?'}`
      const page = new WebKitPage(driver, { timeout: 15_000 })
      try {
        await page.setViewportSize({ width: 1280, height: 800 })
        await page.goto(baseURL)
        await waitForBindings(page)
      } catch (e) {
        await driver.deleteSession().catch(() => {})
        throw e
      }
      return {
        page,
        consoleLines: () => page.consoleLines().catch((e) => [`(console not readable: ${e.message})`]),
        close: () => driver.deleteSession().catch(() => {}),
      }
    },
    async close() {
      stop()
    },
  }
}

function withTimeout(promise, ms, what) {
  let t
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, reject) => {
      t = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms)
    }),
  ])
}

async function runSpec(browser, file) {
  const name = path.basename(file).replace(/\.spec\.mjs$/, '')
  const dir = path.join(artifacts, name)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  let page = null
  let opened = null
  let n = 0
  const started = Date.now()
  try {
    opened = await browser.open()
    page = opened.page
    const mod = await import(path.join(here, path.basename(file)))
    if (typeof mod.run !== 'function') throw new Error(`${path.basename(file)} does not export async function run(ctx)`)
    const ctx = {
      page,
      engine,
      baseURL,
      dataDir,
      log: (...a) => console.log(`  [${name}]`, ...a),
      waitForBindings: () => waitForBindings(page),
      // api('Area.Method', ...args): a bound Go method called from the page, as the app calls it
      api: (name, ...args) => page.evaluate(([p, a]) => {
        const [area, fn] = p.split('.')
        return window.go.app[area][fn](...a)
      }, [name, args]),
      async shot(label) {
        n += 1
        const safe = String(label).replace(/[^a-zA-Z0-9._-]+/g, '-')
        const p = path.join(dir, `${String(n).padStart(2, '0')}-${safe}.png`)
        await page.screenshot({ path: p, fullPage: true })
        return p
      },
      async restartApp(whileStopped) {
        say(`[${name}] restarting the app on ${dataDir}`)
        // Park the page first: otherwise the vite and wails clients poll the dead
        // server and reload the page by themselves, racing our own reload.
        await page.goto('about:blank')
        await stopDev()
        if (whileStopped) await whileStopped() // e.g. a CLI command on the data folder
        await startDev()
        await page.goto(baseURL, { waitUntil: 'load' })
        await waitForBindings(page)
      },
    }
    await withTimeout(mod.run(ctx), specTimeoutMs, `spec ${name}`)
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`)
    return true
  } catch (e) {
    console.log(`FAIL ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)\n  ${plain(e?.stack || e).split('\n').join('\n  ')}`)
    if (page) {
      try {
        await page.screenshot({ path: path.join(dir, 'failure.png'), fullPage: true, timeout: 10_000 })
        console.log(`  screenshot: ${path.relative(repo, path.join(dir, 'failure.png'))}`)
      } catch (se) {
        console.log(`  (no failure screenshot: ${se.message})`)
      }
    }
    if (e instanceof HarnessError) throw e
    return false
  } finally {
    if (opened) {
      const lines = await opened.consoleLines()
      fs.writeFileSync(path.join(dir, 'console.log'), lines.join('\n') + '\n')
      await opened.close().catch(() => {})
    }
  }
}

async function main() {
  if (!dataDir) throw new HarnessError('WHEELHOUSE_DATA is not set (use scripts/e2e.sh, or set it to a fresh folder)')
  const filters = process.argv.slice(2)
  const specs = fs
    .readdirSync(here)
    .filter((f) => f.endsWith('.spec.mjs'))
    .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
    .sort()
  if (!specs.length) throw new HarnessError(`no specs matching ${filters.join(' ') || '*.spec.mjs'} in ${here}`)
  say(`${specs.length} spec(s): ${specs.join(' ')}`)

  if (!(await portFree(port))) {
    if (process.env.E2E_PORT) throw new HarnessError(`port ${port} (E2E_PORT) is in use`)
    const old = port
    port = await anyFreePort()
    baseURL = `http://localhost:${port}`
    say(`port ${old} is in use (another wails dev?): using ${port}`)
  }

  let passed = 0
  let failed = 0
  let browser = null
  try {
    await startDev()
    if (engine !== 'webkit' && engine !== 'chromium') throw new HarnessError(`E2E_ENGINE=${engine}: use webkit or chromium`)
    browser = engine === 'webkit' ? await launchWebKit() : await launchChromium()
    for (let i = 0; i < specs.length; i++) {
      try {
        if (await runSpec(browser, specs[i])) passed++
        else failed++
      } catch (e) {
        // The app could not be (re)started: the remaining specs cannot run.
        console.log(`HARNESS ${e.message}`)
        failed += specs.length - i
        break
      }
    }
  } catch (e) {
    console.log(`HARNESS ${e.message}`)
    failed += specs.length - passed - failed
  } finally {
    if (browser) await browser.close().catch(() => {})
    await stopDev()
  }
  say(`engine: ${browser?.version ?? engine}`)
  console.log(`${passed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`HARNESS ${e.message}`)
    killDevNow()
    console.log('0 passed, 1 failed')
    process.exit(1)
  },
)
