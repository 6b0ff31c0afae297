/**
 * A table row that opens its record. The row's `a.row-link` (its name) is the
 * real link, for the keyboard and screen readers; a click anywhere else on the
 * row that is not on another control follows that link.
 *
 * Not a `.row-link::after { position: absolute; inset: 0 }` overlay: that needs
 * `position: relative` on the <tr>, which WebKitGTK (the Linux window) ignores,
 * so every overlay covered the whole table and each click opened the last row.
 */
const CONTROLS = 'a, button, input, select, textarea, label, summary, [role="button"], [role="checkbox"], [role="menuitem"], [contenteditable]'

export function rowClickTarget(row: HTMLElement, e: MouseEvent): HTMLAnchorElement | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null
  const t = e.target instanceof Element ? e.target : null
  if (!t || !row.contains(t) || t.closest(CONTROLS)) return null
  // Selecting text in a cell is not a request to open the record.
  const sel = typeof window !== 'undefined' ? window.getSelection() : null
  if (sel && !sel.isCollapsed && sel.toString().trim() !== '') return null
  return row.querySelector<HTMLAnchorElement>('a.row-link')
}

/** Svelte action: `<tr class="row-link-host" use:rowLink>`. */
export function rowLink(row: HTMLElement) {
  const onclick = (e: MouseEvent) => rowClickTarget(row, e)?.click()
  row.addEventListener('click', onclick)
  return {
    destroy() {
      row.removeEventListener('click', onclick)
    },
  }
}
