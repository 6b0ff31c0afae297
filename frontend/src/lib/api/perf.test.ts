import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('$wails/go/app/PerfAPI', () => ({ Mark: vi.fn(() => Promise.resolve()), Screen: vi.fn(() => Promise.resolve()) }))

import { Screen } from '$wails/go/app/PerfAPI'
import { answers } from './call'
import { documentSize, screenSwitched } from './perf'

afterEach(() => {
  document.body.innerHTML = ''
  delete (window as { go?: unknown }).go
  vi.clearAllMocks()
})

describe('screen marks', () => {
  it('counts the elements and the rows in <main>, not a windowed table’s spacers', () => {
    document.body.innerHTML = `
      <nav><ul><li>Today</li><li>People</li></ul></nav>
      <main><table><tbody>
        <tr class="v-gap"><td></td></tr><tr><td>a</td></tr><tr><td>b</td></tr><tr class="v-gap"><td></td></tr>
      </tbody></table><ul><li>x</li></ul></main>`
    const size = documentSize()
    expect(size.rows).toBe(3) // two rows and one list item in <main>; the nav's items are not rows
    expect(size.nodes).toBe(document.getElementsByTagName('*').length)
  })

  it('logs a switch once the screen has settled: from the route change, with the build, the data and the size', async () => {
    ;(window as { go?: unknown }).go = { app: { PerfAPI: {} } }
    document.body.innerHTML = '<main><p>People</p></main>'
    const at = performance.now() - 20 // the route changed 20 ms ago; the screen was built since
    answers.last = at + 5
    screenSwitched('people', at)
    setTimeout(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'data' })), 30)
    await vi.waitFor(() => expect(Screen).toHaveBeenCalledTimes(1), { timeout: 3000, interval: 50 })
    const [name, ms, render, api, nodes, rows] = vi.mocked(Screen).mock.calls[0]
    expect(name).toBe('people')
    expect(render).toBeGreaterThanOrEqual(20)
    expect(ms).toBeGreaterThanOrEqual(50) // the last change came 50 ms after the route change
    expect(ms).toBeLessThan(1000)
    expect(api).toBeCloseTo(5, 0)
    expect(nodes).toBe(document.getElementsByTagName('*').length)
    expect(rows).toBe(0)
  })

  it('waits while a loading indicator shows, and a newer switch replaces an unsettled one', async () => {
    ;(window as { go?: unknown }).go = { app: { PerfAPI: {} } }
    document.body.innerHTML = '<main><div class="skeleton-wait" aria-busy="true"></div></main>'
    screenSwitched('incidents')
    await new Promise((r) => setTimeout(r, 500))
    expect(Screen).not.toHaveBeenCalled()
    screenSwitched('followups')
    document.querySelector('main')!.innerHTML = '<table><tbody><tr><td>x</td></tr></tbody></table>'
    await vi.waitFor(() => expect(Screen).toHaveBeenCalledTimes(1), { timeout: 3000, interval: 50 })
    expect(vi.mocked(Screen).mock.calls[0][0]).toBe('followups')
    expect(vi.mocked(Screen).mock.calls[0][5]).toBe(1)
  })

  it('without the Wails bridge (tests, a browser) nothing is sent', async () => {
    document.body.innerHTML = '<main></main>'
    screenSwitched('today')
    await new Promise((r) => setTimeout(r, 450))
    expect(Screen).not.toHaveBeenCalled()
  })
})
