import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { tick } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import VirtualHarness from '../../test/VirtualHarness.svelte'

/*
 * jsdom has no layout, so the tests give the harness one: a scroller 400 px
 * high at the top of the window, a sticky header of 30 px, rows of 40 px (or
 * what `rowHeight` says), and the tbody moved up by `scrollY`.
 */
const VIEW = 400
const HEAD = 30
let scrollY = 0
let rowHeight: (index: number) => number = () => 40

function rect(top: number, height: number): DOMRect {
  return { top, bottom: top + height, height, left: 0, right: 800, width: 800, x: 0, y: top, toJSON: () => ({}) } as DOMRect
}

beforeEach(() => {
  scrollY = 0
  rowHeight = () => 40
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('scroller') ? VIEW : 0
  })
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this.tagName === 'TBODY') return rect(HEAD - scrollY, 0)
    if (this.tagName === 'TR' && this.hasAttribute('data-index')) return rect(0, rowHeight(Number(this.getAttribute('data-index'))))
    return rect(0, 0)
  })
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id${i}`, name: `Item ${i}` }))

/** Names of the item rows in the document, in order. */
function shown(): string[] {
  return Array.from(document.querySelectorAll('tbody tr[data-index]')).map((tr) => tr.querySelector('a')!.textContent!)
}
function gaps(): number[] {
  return Array.from(document.querySelectorAll<HTMLElement>('tbody tr.v-gap td')).map((td) => parseFloat(td.style.height))
}
const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))
/** Lets the table place itself (its first frame) and measure what it rendered (the next). */
async function settle() {
  for (let i = 0; i < 3; i++) {
    await frame()
    await tick()
  }
}

async function scrollTo(y: number) {
  scrollY = y
  await fireEvent.scroll(document.querySelector('.scroller')!)
  await settle()
}

describe('VirtualRows', () => {
  it('renders only the rows in view plus the overscan, a spacer standing for the rest', async () => {
    render(VirtualHarness, { items: items(100), overscan: 3 })
    await settle()
    // View: 0–370 px of the tbody (400 less the header) = rows 0–9, and 3 more.
    expect(shown()).toEqual(items(13).map((x) => x.name))
    expect(gaps()).toEqual([87 * 40])
    const gap = document.querySelector('tr.v-gap')!
    expect(gap.getAttribute('aria-hidden')).toBe('true')
    expect(gap.querySelector('td')!.getAttribute('colspan')).toBe('3')
  })

  it('scrolling shows the rows under the view, with the spacers keeping the height', async () => {
    render(VirtualHarness, { items: items(100), overscan: 3 })
    await settle()
    await scrollTo(2000) // tbody from 1970 to 2370 in view: rows 49–59
    expect(shown()).toEqual(items(63).slice(46).map((x) => x.name))
    expect(gaps()).toEqual([46 * 40, 37 * 40])
    await scrollTo(3600) // the end
    expect(shown()).toEqual(items(100).slice(86).map((x) => x.name))
    expect(gaps()).toEqual([86 * 40])
    await scrollTo(0)
    expect(shown()[0]).toBe('Item 0')
    expect(shown()).toHaveLength(13)
  })

  it('measures rows: unmeasured ones count as the mean of the measured', async () => {
    rowHeight = () => 60
    render(VirtualHarness, { items: items(100), overscan: 3 })
    await settle()
    await tick()
    // 60 px rows: 0–370 px is rows 0–6, and 3 more; the other 90 at 60 px each.
    expect(shown()).toHaveLength(10)
    expect(gaps()).toEqual([90 * 60])
  })

  it('a short list renders whole, without spacers', async () => {
    render(VirtualHarness, { items: items(5) })
    await settle()
    expect(shown()).toEqual(items(5).map((x) => x.name))
    expect(gaps()).toEqual([])
  })

  it('follows the items: a filtered list shows its own rows', async () => {
    const r = render(VirtualHarness, { items: items(100), overscan: 3 })
    await settle()
    await r.rerender({ items: items(100).filter((_, i) => i % 10 === 0), overscan: 3 })
    await settle()
    expect(shown()).toEqual(['Item 0', 'Item 10', 'Item 20', 'Item 30', 'Item 40', 'Item 50', 'Item 60', 'Item 70', 'Item 80', 'Item 90'])
    expect(gaps()).toEqual([])
  })

  it('ArrowDown and ArrowUp move through every row, rendering the next one', async () => {
    const user = userEvent.setup()
    render(VirtualHarness, { items: items(100), overscan: 3 })
    await settle()
    screen.getByRole('link', { name: 'Item 0' }).focus()
    for (let i = 1; i < 100; i++) {
      await user.keyboard('{ArrowDown}')
      expect(document.activeElement?.textContent).toBe(`Item ${i}`)
    }
    await user.keyboard('{ArrowDown}') // past the end: stays
    expect(document.activeElement?.textContent).toBe('Item 99')
    // Far from the view, the focused row and its neighbours are still there.
    expect(shown()).toContain('Item 98')
    for (let i = 98; i >= 95; i--) {
      await user.keyboard('{ArrowUp}')
      expect(document.activeElement?.textContent).toBe(`Item ${i}`)
    }
  })

  it('arrows keep the column: from a checkbox to the next row’s checkbox; menus keep their arrows', async () => {
    const user = userEvent.setup()
    render(VirtualHarness, { items: items(50), overscan: 3 })
    await settle()
    screen.getByRole('checkbox', { name: 'Select Item 11' }).focus()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select Item 14' }))
    const more = screen.getByRole('button', { name: 'More for Item 14' })
    more.focus()
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(more)
  })

  it('Tab and Shift+Tab reach every row in order, one beyond the rendered ones at a time', async () => {
    const user = userEvent.setup()
    const r = render(VirtualHarness, { items: items(60), overscan: 3 })
    await settle()
    screen.getByRole('button', { name: 'Before' }).focus()
    const links: string[] = []
    for (let i = 0; i < 60 * 3 + 2; i++) {
      await user.tab()
      const a = document.activeElement as HTMLElement
      if (a.matches('a.row-link')) links.push(a.textContent!)
      if (a.textContent === 'After') break
    }
    expect(links).toEqual(items(60).map((x) => x.name))
    expect(document.activeElement?.textContent).toBe('After')
    // and back up from the end (jsdom does not scroll: the test brings the last row into the view)
    await r.component.reveal(59)
    screen.getByRole('link', { name: 'Item 59' }).focus()
    const back: string[] = []
    for (let i = 0; i < 20 * 3; i++) {
      await user.tab({ shift: true })
      const a = document.activeElement as HTMLElement
      if (a.matches('a.row-link')) back.push(a.textContent!)
    }
    expect(back).toEqual(items(59).slice(39).map((x) => x.name).reverse())
  })

  it('reveal renders a row far down and hands back its <tr>', async () => {
    const r = render(VirtualHarness, { items: items(500), overscan: 3 })
    await settle()
    expect(shown()).not.toContain('Item 420')
    const tr = await r.component.reveal(420, 'center')
    expect(tr?.getAttribute('data-index')).toBe('420')
    expect(shown()).toContain('Item 420')
    expect(await r.component.reveal(900)).toBeNull()
  })

  it('rowLink keeps working on rendered rows: a click on a cell opens that row', async () => {
    render(VirtualHarness, { items: items(100), overscan: 3 })
    await settle()
    await scrollTo(2000)
    const opened: string[] = []
    const a = screen.getByRole('link', { name: 'Item 50' })
    a.addEventListener('click', (e) => {
      e.preventDefault()
      opened.push(a.getAttribute('href')!)
    })
    await fireEvent.click(a.closest('tr')!.querySelectorAll('td')[2].parentElement!.children[1])
    expect(opened).toEqual(['#/items/id50'])
  })
})
