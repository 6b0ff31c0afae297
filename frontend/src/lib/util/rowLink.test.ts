import { describe, expect, it, vi } from 'vitest'
import { rowLink } from './rowLink'

function table() {
  document.body.innerHTML = `
    <table><tbody>
      <tr id="r1"><td><a class="row-link" href="#/people/1">Ada</a></td><td id="c1">Engineer</td><td><button id="b1">Menu</button></td></tr>
      <tr id="r2"><td><a class="row-link" href="#/people/2">Bo</a></td><td id="c2">Lead</td><td><a id="other" href="#/teams/9">Team</a></td></tr>
    </tbody></table>`
  const rows = ['r1', 'r2'].map((id) => document.getElementById(id) as HTMLElement)
  const actions = rows.map((r) => rowLink(r))
  const opened: string[] = []
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a.row-link')) {
    a.addEventListener('click', (e) => {
      e.preventDefault()
      opened.push(a.getAttribute('href') ?? '')
    })
  }
  return { opened, destroy: () => actions.forEach((a) => a.destroy()) }
}

const click = (id: string, init: MouseEventInit = {}) =>
  document.getElementById(id)!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }))

describe('rowLink', () => {
  it('a click on a cell opens that row, not another', () => {
    const t = table()
    click('c2')
    click('c1')
    expect(t.opened).toEqual(['#/people/2', '#/people/1'])
  })

  it('leaves clicks on other controls, modified clicks and text selections alone', () => {
    const t = table()
    click('b1')
    click('other')
    click('c1', { ctrlKey: true })
    click('c1', { button: 1 })
    const sel = vi.spyOn(window, 'getSelection').mockReturnValue({ isCollapsed: false, toString: () => 'Engineer' } as Selection)
    click('c1')
    sel.mockRestore()
    expect(t.opened).toEqual([])
  })

  it('stops listening when the row goes', () => {
    const t = table()
    t.destroy()
    click('c1')
    expect(t.opened).toEqual([])
  })
})
