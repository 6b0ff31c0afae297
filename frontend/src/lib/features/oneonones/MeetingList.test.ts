import { cleanup, render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { bodyRows, fakeTableLayout } from '../../../test/layout'
import MeetingList from './MeetingList.svelte'
import { meeting } from './test-fixtures'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

// Five years of weekly 1:1s, newest first.
const MEETINGS = Array.from({ length: 260 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 0, 6) - i * 7 * 86_400_000).toISOString().slice(0, 10)
  return meeting({ id: `m${i}`, date: d, status: 'held' })
})

describe('MeetingList (windowed)', () => {
  it('renders the 1:1s in view of 260; scrolling down and a click open an old one', async () => {
    const layout = fakeTableLayout({ row: 45, top: 250 })
    const user = userEvent.setup()
    const onopen = vi.fn()
    render(MeetingList, { meetings: MEETINGS, onopen })
    const table = screen.getByRole('table')
    expect(bodyRows(table).length).toBeLessThanOrEqual(layout.window)
    await layout.scrollTo(250 + 45 * 240)
    const rows = bodyRows(table)
    expect(rows.length).toBeLessThanOrEqual(layout.full)
    const last = rows[rows.length - 1]
    expect(within(last).getByRole('button')).toBeInTheDocument()
    await user.click(within(last).getAllByRole('cell')[2])
    expect(onopen).toHaveBeenCalledWith(MEETINGS[259])
  })

  it('ArrowDown goes from one 1:1 to the next, beyond the rendered ones', async () => {
    fakeTableLayout({ row: 45, top: 250 })
    const user = userEvent.setup()
    const onopen = vi.fn()
    render(MeetingList, { meetings: MEETINGS, onopen })
    const table = screen.getByRole('table')
    within(bodyRows(table)[0]).getByRole('button').focus()
    for (let i = 0; i < 30; i++) await user.keyboard('{ArrowDown}')
    const focused = document.activeElement as HTMLElement
    expect(focused.tagName).toBe('BUTTON')
    expect(bodyRows(table).indexOf(focused.closest('tr')!)).toBeGreaterThan(-1)
    await user.keyboard('{Enter}')
    expect(onopen).toHaveBeenCalledWith(MEETINGS[30])
  })
})
