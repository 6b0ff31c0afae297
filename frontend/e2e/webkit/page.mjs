// The journeys' page API (the subset of Playwright's Page and Locator they use)
// over W3C WebDriver, so the same specs run in WebKitGTK — the engine of the
// Linux window — through WebKitWebDriver and the engine's MiniBrowser.
//
// What makes it honest:
// - clicks are W3C pointer actions at the element's centre, in viewport
//   coordinates: they hit whatever is on top there, as a user's click does.
//   Before clicking, the element must be the one a click there would reach
//   (document.elementFromPoint): an overlay or tooltip on top fails the action
//   with the name of what covers it (after retrying until the timeout);
// - typing is WebDriver "Element Send Keys" (real key events), keys are W3C key
//   actions;
// - locators are lazy and strict, as in Playwright: an action on a locator that
//   matches several elements fails instead of picking one;
// - role, label and accessible-name rules come from @testing-library/dom,
//   loaded into the page.
//
// Not emulated: prefers-color-scheme. emulateMedia({colorScheme}) uses the app's
// own theme setting (Settings > Appearance, stored in localStorage under
// 'wheelhouse.theme'); reducedMotion: 'reduce' adds a style that stops
// animations and transitions.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const TL_UMD = fs.readFileSync(
  path.join(path.dirname(require.resolve('@testing-library/dom/package.json')), 'dist/@testing-library/dom.umd.min.js'),
  'utf8',
)
const INPAGE = fs.readFileSync(path.join(here, 'inpage.js'), 'utf8')
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf'
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export class TimeoutError extends Error {
  constructor(m) {
    super(m)
    this.name = 'TimeoutError'
  }
}

// W3C key codes for the named keys the journeys press.
const KEYS = {
  Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Backspace: '\uE003', Delete: '\uE017', Space: ' ',
  ArrowDown: '\uE015', ArrowUp: '\uE013', ArrowLeft: '\uE012', ArrowRight: '\uE014',
  Home: '\uE011', End: '\uE010', PageUp: '\uE00E', PageDown: '\uE00F',
  Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D',
}
function keySeq(combo) {
  // 'Alt+N', 'Control+a', 'Enter', 'x'
  const parts = combo === '+' ? ['+'] : combo.split('+')
  const key = parts.pop()
  const mods = parts.map((m) => KEYS[m] ?? m)
  let k = KEYS[key] ?? key
  if (/^Digit[0-9]$/.test(key)) k = key.slice(5)
  if (/^Key[A-Z]$/.test(key)) k = key.slice(3).toLowerCase()
  return [...mods.map((v) => ({ type: 'keyDown', value: v })), { type: 'keyDown', value: k }, { type: 'keyUp', value: k },
    ...mods.reverse().map((v) => ({ type: 'keyUp', value: v }))]
}

function ser(m) {
  if (m instanceof RegExp) return { re: m.source, flags: m.flags.replace('g', '') }
  return m === undefined ? undefined : String(m)
}

function describeSteps(steps) {
  return steps
    .map((s) => {
      const v = (x) => (x && typeof x === 'object' && 're' in x ? `/${x.re}/${x.flags}` : JSON.stringify(x))
      switch (s.t) {
        case 'css': return `locator(${JSON.stringify(s.sel)})`
        case 'xpath': return `locator("xpath=${s.expr}")`
        case 'role': return `getByRole(${JSON.stringify(s.role)}${s.name !== undefined ? `, name ${v(s.name)}${s.exact ? ' exact' : ''}` : ''})`
        case 'label': return `getByLabel(${v(s.text)}${s.exact ? ' exact' : ''})`
        case 'text': return `getByText(${v(s.text)}${s.exact ? ' exact' : ''})`
        case 'testid': return `getByTestId(${JSON.stringify(s.id)})`
        case 'title': return `getByTitle(${v(s.text)})`
        case 'nth': return s.i === 0 ? 'first()' : s.i === -1 ? 'last()' : `nth(${s.i})`
        case 'filter': return `filter(${s.hasText !== undefined ? `hasText ${v(s.hasText)}` : s.has ? 'has …' : '…'})`
        default: return s.t
      }
    })
    .join('.')
}

function filterStep(o = {}) {
  const f = {}
  if (o.hasText !== undefined) f.hasText = ser(o.hasText)
  if (o.hasNotText !== undefined) f.hasNotText = ser(o.hasNotText)
  if (o.has) f.has = o.has._steps
  if (o.hasNot) f.hasNot = o.hasNot._steps
  if (o.visible !== undefined) f.visible = o.visible
  return f
}

export class Locator {
  constructor(page, steps) {
    this._page = page
    this._steps = steps
  }
  _with(step) {
    return new Locator(this._page, [...this._steps, step])
  }
  toString() {
    return describeSteps(this._steps)
  }

  // ---- building
  locator(sel, opts) {
    const step = sel.startsWith('xpath=') ? { t: 'xpath', expr: sel.slice(6) } : { t: 'css', sel }
    return this._with({ ...step, ...filterStep(opts) })
  }
  getByRole(role, o = {}) {
    const s = { t: 'role', role }
    if (o.name !== undefined) s.name = ser(o.name)
    if (o.exact) s.exact = true
    for (const k of ['level', 'checked', 'selected', 'pressed', 'expanded']) if (o[k] !== undefined) s[k] = o[k]
    if (o.includeHidden) s.includeHidden = true
    return this._with(s)
  }
  getByLabel(text, o = {}) {
    return this._with({ t: 'label', text: ser(text), exact: !!o.exact })
  }
  getByText(text, o = {}) {
    return this._with({ t: 'text', text: ser(text), exact: !!o.exact })
  }
  getByTestId(id) {
    return this._with({ t: 'testid', id })
  }
  getByTitle(text, o = {}) {
    return this._with({ t: 'title', text: ser(text), exact: !!o.exact })
  }
  filter(o) {
    return this._with({ t: 'filter', ...filterStep(o) })
  }
  first() {
    return this._with({ t: 'nth', i: 0 })
  }
  last() {
    return this._with({ t: 'nth', i: -1 })
  }
  nth(i) {
    return this._with({ t: 'nth', i })
  }

  // ---- reading (no waiting but for one element to be there where one is needed)
  async count() {
    return this._page._inPage('(steps) => window.__wh.resolve(steps).length', this._steps)
  }
  async all() {
    const n = await this.count()
    return Array.from({ length: n }, (_, i) => this.nth(i))
  }
  async isVisible() {
    return this._page._inPage('(steps) => { const e = window.__wh.resolve(steps); return e.length > 0 && window.__wh.isVisible(e[0]) }', this._steps)
  }
  async isDisabled() {
    return this._one('(el) => !!(el.disabled || el.closest("fieldset[disabled]") || el.getAttribute("aria-disabled") === "true")', { state: 'attached' })
  }
  async isEnabled() {
    return !(await this.isDisabled())
  }
  async isEditable() {
    return this._one('(el) => !(el.disabled || el.readOnly || el.getAttribute("aria-readonly") === "true")', { state: 'attached' })
  }
  async isChecked() {
    return this._one('(el) => el.checked === true || el.getAttribute("aria-checked") === "true"', { state: 'attached' })
  }
  async innerText(o) {
    return this._one('(el) => el.innerText', { state: 'attached', ...o })
  }
  async textContent(o) {
    return this._one('(el) => el.textContent', { state: 'attached', ...o })
  }
  async inputValue(o) {
    return this._one('(el) => el.value', { state: 'attached', ...o })
  }
  async getAttribute(name, o) {
    return this._one(`(el) => el.getAttribute(${JSON.stringify(name)})`, { state: 'attached', ...o })
  }
  async allInnerTexts() {
    return this._page._inPage('(steps) => window.__wh.resolve(steps).map((e) => e.innerText)', this._steps)
  }
  async allTextContents() {
    return this._page._inPage('(steps) => window.__wh.resolve(steps).map((e) => e.textContent)', this._steps)
  }
  async evaluate(fn, arg) {
    await this.waitFor({ state: 'attached' })
    return this._page._inPage(
      `(steps, arg) => { const e = window.__wh.resolve(steps); if (e.length !== 1) throw new Error('matches ' + e.length); return (${fn})(e[0], arg) }`,
      this._steps, arg)
  }

  // Runs fn(el) on the one element once it is in the given state.
  async _one(fn, o = {}) {
    await this.waitFor({ state: o.state ?? 'attached', timeout: o.timeout })
    return this._page._inPage(
      `(steps) => { const e = window.__wh.resolve(steps); if (e.length !== 1) throw new Error('matches ' + e.length); return (${fn})(e[0]) }`,
      this._steps)
  }

  // ---- waiting
  async waitFor(o = {}) {
    const state = o.state ?? 'visible'
    const timeout = o.timeout ?? this._page._timeout
    const deadline = Date.now() + timeout
    let last = null
    for (;;) {
      last = await this._page._inPage(
        `(steps) => { const e = window.__wh.resolve(steps); return { n: e.length, visible: e.length === 1 && window.__wh.isVisible(e[0]), what: e.slice(0, 5).map(window.__wh.describe) } }`,
        this._steps)
      if ((state === 'visible' || state === 'attached') && last.n > 1) {
        throw new Error(`strict mode violation: ${this} matches ${last.n} elements: ${last.what.join(', ')}`)
      }
      const ok =
        state === 'attached' ? last.n === 1 :
        state === 'detached' ? last.n === 0 :
        state === 'visible' ? last.visible :
        /* hidden */ last.n === 0 || !last.visible
      if (ok) return
      if (Date.now() > deadline) {
        throw new TimeoutError(`waitFor(${state}) timed out after ${timeout} ms: ${this} (matches ${last.n}${last.n ? `: ${last.what.join(', ')}` : ''})`)
      }
      await sleep(100)
    }
  }

  // The one element, visible, enabled, still, scrolled into view and the one a
  // pointer at its centre reaches. Returns { ref, box }.
  async _actionable(what, o = {}) {
    const timeout = o.timeout ?? this._page._timeout
    const deadline = Date.now() + timeout
    let lastBox = null
    let why = ''
    let covered = 0
    for (;;) {
      // Out of view, or covered (a sticky footer, a header): scroll it to the
      // middle of its scroll container, as a user would, and look again.
      const r = await this._page._inPage(
        `(steps, recentre) => {
          const e = window.__wh.resolve(steps)
          if (e.length !== 1) return { n: e.length, what: e.slice(0, 5).map(window.__wh.describe) }
          const el = e[0]
          let i = window.__wh.info(el)
          if (i.visible && (!i.inView || (recentre && !i.hitOk))) {
            el.scrollIntoView({ block: 'center', inline: 'center' })
            i = window.__wh.info(el)
          }
          return { n: 1, el, i }
        }`,
        this._steps, covered > 0)
      if (r.n === 1 && r.i.visible && !r.i.hitOk) covered++
      else covered = 0
      if (r.n > 1) throw new Error(`${what}: strict mode violation: ${this} matches ${r.n} elements: ${r.what.join(', ')}`)
      if (r.n === 0) why = 'no element matches'
      else if (!r.i.visible) why = 'the element is not visible'
      else if (!r.i.enabled && !o.allowDisabled) why = 'the element is disabled'
      else if (!o.noHitCheck && !r.i.hitOk) why = `${r.i.hit} would receive the click instead`
      else {
        const b = r.i.box
        const still = lastBox && ['x', 'y', 'width', 'height'].every((k) => Math.abs(lastBox[k] - b[k]) < 0.5)
        if (still) return { ref: r.el, box: b }
        lastBox = b
        why = 'the element is moving'
        await sleep(30)
        continue
      }
      lastBox = null
      if (Date.now() > deadline) throw new TimeoutError(`${what} timed out after ${timeout} ms: ${this}: ${why}`)
      await sleep(100)
    }
  }

  // ---- acting
  // A real pointer click at the element's centre. The page is looked at, then
  // pressed: if it moved in between and the press reached something else, the
  // guard (inpage.js) swallowed it and the click is tried again, as a user
  // whose button jumped away would.
  async click(o = {}) {
    const timeout = o.timeout ?? this._page._timeout
    const deadline = Date.now() + timeout
    for (;;) {
      const { ref, box } = await this._actionable('click', { ...o, timeout: Math.max(500, deadline - Date.now()) })
      const guarded = !o.noHitCheck
      if (guarded) await this._page._inPage('(el) => window.__wh.armGuard(el)', ref)
      await this._page._pointerClick(box.x + box.width / 2, box.y + box.height / 2, o.clickCount ?? 1)
      if (!guarded) return
      // A click that loaded another page took the guard with it: it reached.
      const g = await this._page._inPage('() => window.__wh && window.__wh.disarmGuard()').catch(() => null)
      if (!g || !g.missed) return
      const why = `the page moved as it was pressed and the press reached ${g.hit}`
      if (Date.now() > deadline) throw new TimeoutError(`click timed out after ${timeout} ms: ${this}: ${why}`)
      this._page._note(`click on ${this}: ${why}; trying again`)
    }
  }
  async dblclick(o = {}) {
    return this.click({ ...o, clickCount: 2 })
  }
  async hover(o = {}) {
    const { box } = await this._actionable('hover', o)
    await this._page._pointerMove(box.x + box.width / 2, box.y + box.height / 2)
  }
  async scrollIntoViewIfNeeded() {
    await this.waitFor({ state: 'attached' })
    await this._page._inPage(
      `(steps) => { const el = window.__wh.resolve(steps)[0]; if (!window.__wh.info(el).inView) el.scrollIntoView({ block: 'center', inline: 'center' }) }`,
      this._steps)
  }
  // The journeys use a handle only to read attributes: the (strict) locator does that.
  async elementHandle() {
    await this.waitFor({ state: 'attached' })
    return this
  }
  async focus() {
    await this.waitFor({ state: 'attached' })
    await this._page._inPage('(steps) => window.__wh.resolve(steps)[0].focus()', this._steps)
  }
  async fill(value, o = {}) {
    const { ref } = await this._actionable('fill', { ...o, noHitCheck: true })
    // Empty it the way a user's select-all + delete would (one input event), then type.
    await this._page._inPage(
      `(el) => {
        el.focus()
        const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
        const set = Object.getOwnPropertyDescriptor(proto, 'value').set
        if (el.value !== '') { set.call(el, ''); el.dispatchEvent(new Event('input', { bubbles: true })) }
      }`,
      ref)
    if (value !== '') await this._page._driver.elementSendKeys(ref[ELEMENT_KEY], String(value))
  }
  async type(text, o = {}) {
    const { ref } = await this._actionable('type', { ...o, noHitCheck: true })
    await this._page._driver.elementSendKeys(ref[ELEMENT_KEY], String(text))
  }
  async press(key, o = {}) {
    const { ref } = await this._actionable('press', { ...o, noHitCheck: true, allowDisabled: true })
    await this._page._inPage('(el) => { if (document.activeElement !== el) el.focus() }', ref)
    await this._page.keyboard.press(key)
  }
  async check(o = {}) {
    return this._setChecked(true, o)
  }
  async uncheck(o = {}) {
    return this._setChecked(false, o)
  }
  async setChecked(v, o = {}) {
    return this._setChecked(v, o)
  }
  async _setChecked(want, o) {
    const state = () => this._page._inPage(
      '(steps) => { const el = window.__wh.resolve(steps)[0]; return el.checked === true || el.getAttribute("aria-checked") === "true" }',
      this._steps)
    await this.waitFor({ state: 'attached', timeout: o.timeout })
    if ((await state()) === want) return
    await this.click(o)
    const deadline = Date.now() + 2000
    while ((await state()) !== want) {
      if (Date.now() > deadline) throw new Error(`${want ? 'check' : 'uncheck'}: ${this} did not change state after the click`)
      await sleep(50)
    }
  }
  // A native <select>: the option is chosen by WebDriver's Element Click on the
  // <option>, which the spec defines as selecting it (fires input and change).
  async selectOption(values, o = {}) {
    const { ref } = await this._actionable('selectOption', { ...o, noHitCheck: true })
    const list = (Array.isArray(values) ? values : [values]).map((v) => (typeof v === 'object' ? v : { value: String(v), label: String(v) }))
    const opts = await this._page._inPage(
      `(sel, list) => {
        if (sel.tagName !== 'SELECT') throw new Error('selectOption: not a <select>: ' + window.__wh.describe(sel))
        return list.map((w) => {
          const o = Array.from(sel.options).find((o) =>
            (w.value !== undefined && o.value === w.value) || (w.label !== undefined && o.label.trim() === w.label) || (w.index !== undefined && o.index === w.index))
          if (!o) throw new Error('selectOption: no option ' + JSON.stringify(w) + ' in ' + Array.from(sel.options).map((o) => o.value + '=' + o.label).join(', '))
          return o
        })
      }`,
      ref, list)
    for (const opt of opts) await this._page._driver.elementClick(opt[ELEMENT_KEY])
    // The page may have re-rendered the <select> after the pick: look it up again.
    return this._page._inPage(
      '(steps) => { const e = window.__wh.resolve(steps); return e.length === 1 ? Array.from(e[0].selectedOptions).map((o) => o.value) : [] }',
      this._steps)
  }
  async setInputFiles(files) {
    const list = (Array.isArray(files) ? files : [files]).map((f) =>
      typeof f === 'string'
        ? { name: path.basename(f), mimeType: '', b64: fs.readFileSync(f).toString('base64') }
        : { name: f.name, mimeType: f.mimeType || '', b64: Buffer.from(f.buffer).toString('base64') })
    await this.waitFor({ state: 'attached' })
    await this._page._inPage(
      `(steps, list) => {
        const el = window.__wh.resolve(steps)[0]
        const dt = new DataTransfer()
        for (const f of list) {
          const bin = atob(f.b64); const bytes = new Uint8Array(bin.length)
          for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
          dt.items.add(new File([bytes], f.name, { type: f.mimeType }))
        }
        el.files = dt.files
        el.dispatchEvent(new Event('input', { bubbles: true }))
        el.dispatchEvent(new Event('change', { bubbles: true }))
      }`,
      this._steps, list)
  }
}

class Keyboard {
  constructor(page) {
    this._page = page
  }
  async press(combo) {
    await this._page._driver.performActions([{ type: 'key', id: 'keyboard', actions: keySeq(combo) }])
    await this._page._driver.releaseActions()
  }
  async type(text) {
    const actions = []
    for (const ch of String(text)) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch })
    await this._page._driver.performActions([{ type: 'key', id: 'keyboard', actions }])
    await this._page._driver.releaseActions()
  }
}

class Download {
  constructor(entry) {
    this._entry = entry
    this._path = null
  }
  suggestedFilename() {
    return this._entry.name
  }
  async path() {
    if (!this._path) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wh-download-'))
      this._path = path.join(dir, this._entry.name || 'download')
      fs.writeFileSync(this._path, this._entry.text)
    }
    return this._path
  }
  async saveAs(p) {
    fs.writeFileSync(p, this._entry.text)
  }
}

export class WebKitPage extends Locator {
  constructor(driver, { timeout = 15_000, note = (line) => console.log(`  ${line}`) } = {}) {
    super(null, [])
    this._note = note
    this._page = this
    this._driver = driver
    this._timeout = timeout
    this._url = 'about:blank'
    this._media = { colorScheme: null, reducedMotion: null }
    this._downloadsSeen = 0
    this.keyboard = new Keyboard(this)
    this.mouse = {
      click: (x, y) => this._pointerClick(x, y, 1),
      move: (x, y) => this._pointerMove(x, y),
    }
  }
  setDefaultTimeout(ms) {
    this._timeout = ms
  }
  setDefaultNavigationTimeout() {}
  url() {
    return this._url
  }
  async consoleLines() {
    return this._inPage('() => window.__wh.consoleLines.slice()')
  }
  async title() {
    return this._driver.getTitle()
  }

  // Runs fnSource(...args) in the page with the helpers installed; awaits a
  // returned promise. Element references pass both ways.
  async _inPage(fnSource, ...args) {
    const body = `
      const args = Array.from(arguments)
      const inst = args.shift()
      if (!window.__wh) {
        if (!inst) return { missing: true }
        ;(0, eval)(inst.tl)
        ;(0, eval)(inst.inpage)
      }
      return Promise.resolve((${fnSource}).apply(null, args)).then(
        (v) => ({ ok: true, v: v === undefined ? null : v, href: location.href }),
        (e) => ({ ok: false, err: String(e && e.stack || e), href: location.href }))`
    // The helpers (a few hundred kB) travel only when the page lacks them.
    const a = args.map((x) => (x === undefined ? null : x))
    let r = await this._driver.executeScript(body, [null, ...a])
    if (r && r.missing) r = await this._driver.executeScript(body, [{ tl: TL_UMD, inpage: INPAGE }, ...a])
    this._url = r.href
    if (!r.ok) throw new Error(r.err)
    return r.v
  }

  async evaluate(fn, arg) {
    return this._inPage(typeof fn === 'function' ? String(fn) : `() => (${fn})`, arg)
  }
  async waitForFunction(fn, arg, o = {}) {
    const timeout = o.timeout ?? this._timeout
    const deadline = Date.now() + timeout
    for (;;) {
      const v = await this._inPage(String(fn), arg)
      if (v) return v
      if (Date.now() > deadline) throw new TimeoutError(`waitForFunction timed out after ${timeout} ms: ${String(fn).slice(0, 120)}`)
      await sleep(typeof o.polling === 'number' ? o.polling : 100)
    }
  }
  async waitForTimeout(ms) {
    await sleep(ms)
  }

  async goto(url) {
    await this._driver.navigateTo(url)
    this._url = await this._driver.getUrl()
    await this._applyMedia()
  }
  async reload() {
    await this._driver.refresh()
    this._url = await this._driver.getUrl()
    await this._applyMedia()
  }

  async setViewportSize({ width, height }) {
    // The window holds MiniBrowser's toolbar too: size it, then correct by what
    // the page reports, twice at most.
    let w = width
    let h = height
    for (let i = 0; i < 3; i++) {
      await this._driver.setWindowRect(null, null, w, h)
      await sleep(150)
      const vp = await this._inPage('() => [innerWidth, innerHeight]')
      if (vp[0] === width && vp[1] === height) return
      w += width - vp[0]
      h += height - vp[1]
    }
    const vp = await this._inPage('() => [innerWidth, innerHeight]')
    throw new Error(`could not size the viewport to ${width}x${height} (it is ${vp[0]}x${vp[1]})`)
  }
  viewportSize() {
    return this._viewport
  }

  async emulateMedia(o = {}) {
    if ('colorScheme' in o) this._media.colorScheme = o.colorScheme
    if ('reducedMotion' in o) this._media.reducedMotion = o.reducedMotion
    await this._applyMedia()
  }
  async _applyMedia() {
    const { colorScheme, reducedMotion } = this._media
    if (!colorScheme && !reducedMotion) return
    await this._inPage(
      `(scheme, reduce) => {
        if (scheme) {
          localStorage.setItem('wheelhouse.theme', scheme === 'no-preference' ? 'system' : scheme)
          window.dispatchEvent(new StorageEvent('storage', { key: 'wheelhouse.theme' }))
        }
        let st = document.getElementById('__wh-reduce-motion')
        if (reduce === 'reduce' && !st) {
          st = document.createElement('style')
          st.id = '__wh-reduce-motion'
          st.textContent = '*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important; transition-duration: 0s !important; transition-delay: 0s !important; scroll-behavior: auto !important }'
          document.head.appendChild(st)
        } else if (reduce !== 'reduce' && st) st.remove()
      }`,
      colorScheme, reducedMotion)
  }

  async screenshot(o = {}) {
    // What the DOM holds now, painted: WebKitGTK's snapshot is the last frame
    // drawn, which can predate a change the test has just seen.
    await this._inPage('() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))')
    const b64 = await this._driver.takeScreenshot()
    const buf = Buffer.from(b64, 'base64')
    if (o.path) fs.writeFileSync(o.path, buf)
    return buf
  }

  // Only 'download' is known: the next a[download] the page clicks after the call.
  async waitForEvent(name, o = {}) {
    if (name !== 'download') throw new Error(`waitForEvent(${name}): only 'download' is supported in WebKitGTK runs`)
    const timeout = o.timeout ?? this._timeout
    const from = await this._inPage('() => window.__wh.downloads.length')
    const deadline = Date.now() + timeout
    for (;;) {
      const e = await this._inPage('(i) => window.__wh.downloads[i] ?? null', from)
      if (e && (e.text !== null || e.error)) {
        if (e.error) throw new Error(`download of ${e.name} failed: ${e.error}`)
        return new Download(e)
      }
      if (Date.now() > deadline) throw new TimeoutError(`waitForEvent('download') timed out after ${timeout} ms`)
      await sleep(100)
    }
  }

  async _pointerMove(x, y) {
    await this._driver.performActions([{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }],
    }])
  }
  async _pointerClick(x, y, count = 1) {
    const actions = [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }]
    for (let i = 0; i < count; i++) actions.push({ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 })
    await this._driver.performActions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }])
    await this._driver.releaseActions()
    // A click may navigate (hash routes): keep url() current.
    try {
      this._url = await this._driver.getUrl()
    } catch {}
  }
}
