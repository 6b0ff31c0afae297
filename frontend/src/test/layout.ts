import { tick } from 'svelte'
import { vi } from 'vitest'

/**
 * jsdom has no layout: windowed tables (components/VirtualRows) would see no
 * row heights and a view of the whole window (innerHeight, 768 px). This gives
 * every table a little: its tbody starts `top` px down the window and moves up
 * by the scroll position, each body row is `row` px high. Restore with
 * vi.restoreAllMocks().
 */
export function fakeTableLayout(opts: { row?: number; top?: number } = {}) {
  const row = opts.row ?? 40
  const top = opts.top ?? 100
  let y = 0
  const rect = (t: number, h: number) =>
    ({ top: t, bottom: t + h, height: h, left: 0, right: 800, width: 800, x: 0, y: t, toJSON: () => ({}) }) as DOMRect
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this.tagName === 'TBODY') return rect(top - y, 0)
    if (this.tagName === 'TR' && this.parentElement?.tagName === 'TBODY' && !this.classList.contains('v-gap')) return rect(0, row)
    return rect(0, 0)
  })
  return {
    /** The most rows a table may render unscrolled: those in (768 - top) px, one cut, and the overscan of 4 below. */
    window: Math.ceil((window.innerHeight - top) / row) + 1 + 4,
    /** … and scrolled into the table: a whole window of rows, one cut, and 4 each side. */
    full: Math.ceil(window.innerHeight / row) + 1 + 8,
    /** Scrolls the page to y and lets the tables follow. */
    async scrollTo(to: number) {
      y = to
      document.dispatchEvent(new Event('scroll'))
      await settleFrames()
    },
  }
}

/** Lets windowed tables place themselves and measure what they rendered (they read the layout once a frame). */
export async function settleFrames(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => requestAnimationFrame(() => r(null)))
    await tick()
  }
}

/** The body rows of a table (not a windowed table's spacers). */
export function bodyRows(table: Element): HTMLTableRowElement[] {
  return Array.from(table.querySelectorAll<HTMLTableRowElement>('tbody > tr:not(.v-gap)'))
}
