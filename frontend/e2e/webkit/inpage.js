// Runs INSIDE the page (WebKitGTK, driven over WebDriver). Installed once per
// document by webkit/page.mjs, after @testing-library/dom's UMD bundle
// (window.TestingLibraryDom), which supplies the role and label queries with
// their accessible-name rules. Defines window.__wh:
//   resolve(steps)   the elements a locator chain designates, in document order
//   info(el)         what an action needs to know: visible, enabled, box, hit
//   downloads        files the page tried to download (a[download] clicks)
;(() => {
  if (window.__wh) return
  const TL = window.TestingLibraryDom
  const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim()
  const toRe = (m) => (m && typeof m === 'object' && 're' in m ? new RegExp(m.re, m.flags) : null)

  // Playwright's text rules: a string matches case-insensitively as a substring
  // (whitespace normalised); exact: the whole text, case-sensitive; a RegExp tests.
  function matcher(m, exact) {
    const re = toRe(m)
    if (re) return (s) => re.test(norm(s))
    const want = norm(m)
    if (exact) return (s) => norm(s) === want
    const low = want.toLowerCase()
    return (s) => norm(s).toLowerCase().includes(low)
  }

  function textOf(el) {
    if (el.nodeType !== 1) return el.textContent || ''
    const tag = el.tagName
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return ''
    // An input's text is its value when it is a button-like input.
    if (tag === 'INPUT' && /^(button|submit|reset)$/i.test(el.type)) return el.value
    return el.textContent || ''
  }

  // Like Playwright's text engine, the scope element itself can match (its own
  // text nodes hold the words, e.g. a note with a <strong> lead-in).
  function byText(root, m, exact) {
    const ok = matcher(m, exact)
    const out = []
    const all = root.nodeType === 1 && root !== document.body ? [root, ...root.querySelectorAll('*')] : root.querySelectorAll('*')
    for (const el of all) {
      if (/^(SCRIPT|STYLE|TEMPLATE|HEAD|TITLE)$/.test(el.tagName)) continue
      if (!ok(textOf(el))) continue
      // The innermost match: skip el when one of its children matches too.
      let childMatches = false
      for (const c of el.children) if (ok(textOf(c))) { childMatches = true; break }
      if (!childMatches) out.push(el)
    }
    return out
  }

  const scope = (root) => (root === document ? document.body : root)

  function query(root, step) {
    switch (step.t) {
      case 'css':
        return Array.from(root.querySelectorAll(step.sel))
      case 'xpath': {
        const r = document.evaluate(step.expr, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null)
        const out = []
        for (let i = 0; i < r.snapshotLength; i++) out.push(r.snapshotItem(i))
        return out
      }
      case 'role': {
        const o = { hidden: !!step.includeHidden }
        if (step.name !== undefined) {
          const ok = matcher(step.name, step.exact)
          o.name = (name) => ok(name)
        }
        for (const k of ['level', 'checked', 'selected', 'pressed', 'expanded']) if (step[k] !== undefined) o[k] = step[k]
        return TL.queryAllByRole(scope(root), step.role, o)
      }
      case 'label': {
        const ok = matcher(step.text, step.exact)
        const viaLabel = TL.queryAllByLabelText(scope(root), (content) => ok(content), { exact: false })
        return viaLabel
      }
      case 'text':
        return byText(scope(root), step.text, step.exact)
      case 'testid':
        return Array.from(root.querySelectorAll(`[data-testid="${CSS.escape(step.id)}"]`))
      case 'title': {
        const ok = matcher(step.text, step.exact)
        return Array.from(root.querySelectorAll('[title]')).filter((el) => ok(el.getAttribute('title')))
      }
      default:
        throw new Error(`unknown locator step ${step.t}`)
    }
  }

  function keep(el, f) {
    if (f.hasText !== undefined && !matcher(f.hasText, false)(textOf(el))) return false
    if (f.hasNotText !== undefined && matcher(f.hasNotText, false)(textOf(el))) return false
    if (f.has && resolveFrom([el], f.has).length === 0) return false
    if (f.hasNot && resolveFrom([el], f.hasNot).length > 0) return false
    if (f.visible !== undefined && isVisible(el) !== f.visible) return false
    return true
  }

  function resolveFrom(start, steps) {
    let set = start
    for (const step of steps) {
      if (step.t === 'nth') {
        const i = step.i < 0 ? set.length + step.i : step.i
        set = i >= 0 && i < set.length ? [set[i]] : []
        continue
      }
      if (step.t === 'filter') {
        set = set.filter((el) => keep(el, step))
        continue
      }
      const seen = new Set()
      const next = []
      for (const root of set) {
        for (const el of query(root, step)) {
          if ((el === root && step.t !== 'text') || seen.has(el)) continue
          if (keep(el, step)) {
            seen.add(el)
            next.push(el)
          }
        }
      }
      // Document order, as Playwright reports matches.
      next.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      set = next
    }
    return set
  }

  function isVisible(el) {
    if (!el.isConnected) return false
    const r = el.getBoundingClientRect()
    if (r.width <= 0 || r.height <= 0) {
      // display: contents and similar: visible when a child is.
      const cs = getComputedStyle(el)
      if (cs.display === 'contents') return Array.from(el.children).some(isVisible)
      return false
    }
    const cs = getComputedStyle(el)
    return cs.visibility !== 'hidden' && cs.visibility !== 'collapse'
  }

  function describe(el) {
    if (!el || el.nodeType !== 1) return String(el)
    let s = el.tagName.toLowerCase()
    if (el.id) s += `#${el.id}`
    const cls = (el.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean).slice(0, 3)
    if (cls.length) s += '.' + cls.join('.')
    const t = norm(el.textContent).slice(0, 50)
    return t ? `${s} "${t}"` : s
  }

  // Does a pointer event on hit reach el? A click on a label's text reaches its
  // control: that counts.
  function reaches(hit, el) {
    if (!hit || hit.nodeType !== 1) return false
    if (hit === el || el.contains(hit)) return true
    const lbl = hit.closest('label')
    return !!lbl && (lbl.control === el || lbl.contains(el))
  }

  // The click guard. Between the last look at the element and the pointer's
  // press, the page may move (a panel above it finishes loading): the press
  // would land on whatever is there now. Armed just before the press, the
  // guard lets the gesture through only if it reaches the element; otherwise
  // it swallows every event of the gesture (nothing is clicked by mistake) and
  // says what was under the pointer, so the click can be tried again.
  let guard = null
  const GESTURE = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu']
  function onGesture(e) {
    if (!guard) return
    if (guard.missed === null) {
      guard.missed = !reaches(e.target, guard.el)
      if (guard.missed) guard.hit = describe(e.target)
    }
    if (guard.missed) {
      e.preventDefault()
      e.stopImmediatePropagation()
    }
  }
  for (const type of GESTURE) addEventListener(type, onGesture, true)
  function armGuard(el) {
    guard = { el, missed: null, hit: null }
  }
  function disarmGuard() {
    const g = guard
    guard = null
    return g ? { missed: !!g.missed, hit: g.hit, reached: g.missed !== null } : null
  }

  // What a pointer action on el needs: is it there, visible, enabled; its box in
  // viewport coordinates; and what a click at its centre would actually hit.
  function info(el) {
    const out = { connected: el.isConnected, visible: isVisible(el) }
    if (!out.visible) return out
    out.enabled = !(el.disabled || el.closest('fieldset[disabled]') || el.getAttribute('aria-disabled') === 'true')
    const r = el.getBoundingClientRect()
    out.inView = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth
    // A link wrapped over two lines: its box's centre may fall between the
    // fragments. Click inside the first fragment, on the words, as a user does.
    const frags = Array.from(el.getClientRects()).filter((q) => q.width > 1 && q.height > 1)
    const t = frags.length > 1 ? frags[0] : r
    out.box = { x: t.x, y: t.y, width: t.width, height: t.height }
    const cx = t.x + t.width / 2
    const cy = t.y + t.height / 2
    const hit = document.elementFromPoint(cx, cy)
    out.hitOk = reaches(hit, el)
    out.hit = out.hitOk ? null : describe(hit)
    return out
  }

  // Downloads: the app's browser fallback clicks an <a download href=blob:…>.
  // Record the file (name and text) instead of letting the browser save it.
  const downloads = []
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target && e.target.closest && e.target.closest('a[download]')
      if (!a) return
      e.preventDefault()
      const entry = { name: a.getAttribute('download') || '', href: a.href, text: null, error: null }
      downloads.push(entry)
      fetch(a.href)
        .then((r) => r.text())
        .then((t) => (entry.text = t))
        .catch((err) => (entry.error = String(err)))
    },
    true,
  )

  // Console errors and warnings, and uncaught errors, from the moment the helpers
  // are installed (the first locator call after a page load).
  const consoleLines = []
  for (const level of ['error', 'warn']) {
    const orig = console[level].bind(console)
    console[level] = (...a) => {
      consoleLines.push(`[${level}] ${a.map((x) => (x instanceof Error ? x.stack || x.message : String(x))).join(' ')}`)
      orig(...a)
    }
  }
  addEventListener('error', (e) => consoleLines.push(`[pageerror] ${e.message} ${e.filename || ''}:${e.lineno || ''}`))
  addEventListener('unhandledrejection', (e) => consoleLines.push(`[unhandledrejection] ${e.reason && (e.reason.stack || e.reason)}`))

  window.__wh = {
    consoleLines,
    resolve: (steps) => resolveFrom([document], steps),
    info,
    describe,
    armGuard,
    disarmGuard,
    isVisible,
    downloads,
    textOf,
  }
})()
