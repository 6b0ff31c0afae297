// End-to-end runner: drives the REAL app (`wails dev` serves the Svelte UI and the
// Go bindings at http://localhost:34115) with playwright-core and Debian's chromium.
//
// Usually started by scripts/e2e.sh (`make e2e`), which provides Xvfb, a private
// D-Bus session with dunst, and WHEELHOUSE_DATA (a fresh temporary folder).
//
//   node frontend/e2e/run.mjs [name-filter...]
//
// Each frontend/e2e/*.spec.mjs exports `async function run(ctx)`, run in file
// name order, each in a fresh browser context. ctx:
//   page         Playwright Page, loaded at baseURL with window.go bound
//   baseURL      http://localhost:<port>
//   dataDir      the app's data folder (the same for every spec and restart)
//   shot(name)   screenshot to artifacts/e2e/<spec>/<NN-name>.png, returns the path
//   restartApp() stop wails dev (SIGINT), start it again on the same data folder,
//                wait until it serves, load baseURL again and wait for the bindings
//   waitForBindings()  wait until window.go.app.* is there (after a navigation)
//   log(...)     print a line prefixed with the spec name
// The last line printed is exactly `N passed, M failed`; the exit status is 1 on any failure.
//
// Environment: WHEELHOUSE_DATA (required), E2E_PORT (default 34115, a free one if busy),
// E2E_ARTIFACTS (default <repo>/artifacts/e2e), CHROMIUM (default /usr/bin/chromium),
// E2E_READY_TIMEOUT (s, default 180), E2E_SPEC_TIMEOUT (s, default 180).

import { chromium } from 'playwright-core'
import { spawn, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..', '..')
const artifacts = path.resolve(process.env.E2E_ARTIFACTS || path.join(repo, 'artifacts', 'e2e'))
const dataDir = process.env.WHEELHOUSE_DATA
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium'
const readyTimeoutMs = Number(process.env.E2E_READY_TIMEOUT || 180) * 1000
const specTimeoutMs = Number(process.env.E2E_SPEC_TIMEOUT || 180) * 1000
const stopTimeoutMs = 20_000
const bindingsTimeoutMs = 30_000
const devLog = path.join(artifacts, 'wails-dev.log')
const pidFile = path.join(artifacts, 'wails-dev.pid') // read by scripts/e2e.sh's last-resort cleanup

process.env.WHEELHOUSE_TEST_CLOCK ??= '1' // specs may move the app's clock (ReminderAPI.AdvanceClock); only tests use this harness
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
    env: { ...process.env, WHEELHOUSE_DATA: dataDir, NO_AT_BRIDGE: '1' },
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

async function openPage(context) {
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.setDefaultNavigationTimeout(30_000)
  const consoleLines = []
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`))
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.stack || e.message}`))
  page.on('requestfailed', (r) => consoleLines.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText}`))
  await page.goto(baseURL, { waitUntil: 'load' })
  await waitForBindings(page)
  return { page, consoleLines }
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  let page = null
  let consoleLines = []
  let n = 0
  const started = Date.now()
  try {
    ;({ page, consoleLines } = await openPage(context))
    const mod = await import(path.join(here, path.basename(file)))
    if (typeof mod.run !== 'function') throw new Error(`${path.basename(file)} does not export async function run(ctx)`)
    const ctx = {
      page,
      baseURL,
      dataDir,
      log: (...a) => console.log(`  [${name}]`, ...a),
      waitForBindings: () => waitForBindings(page),
      async shot(label) {
        n += 1
        const safe = String(label).replace(/[^a-zA-Z0-9._-]+/g, '-')
        const p = path.join(dir, `${String(n).padStart(2, '0')}-${safe}.png`)
        await page.screenshot({ path: p, fullPage: true })
        return p
      },
      async restartApp() {
        say(`[${name}] restarting the app on ${dataDir}`)
        // Park the page first: otherwise the vite and wails clients poll the dead
        // server and reload the page by themselves, racing our own reload.
        await page.goto('about:blank')
        await stopDev()
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
    fs.writeFileSync(path.join(dir, 'console.log'), consoleLines.join('\n') + '\n')
    await context.close().catch(() => {})
  }
}

async function main() {
  if (!dataDir) throw new HarnessError('WHEELHOUSE_DATA is not set (use scripts/e2e.sh, or set it to a fresh folder)')
  if (!fs.existsSync(chromiumPath)) throw new HarnessError(`${chromiumPath} not found: run 'make setup'`)
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
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      timeout: 60_000,
      // no session bus for the browser: it only wakes portals that fail without a desktop
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DBUS_SESSION_BUS_ADDRESS')),
      // playwright gives every launch a fresh temporary profile (user-data-dir)
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
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
