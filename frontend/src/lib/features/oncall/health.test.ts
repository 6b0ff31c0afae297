import { render, screen } from '@testing-library/svelte'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '$lib/api'
import HealthPanel, { isoWeek, weeksOf } from './HealthPanel.svelte'

vi.mock('$lib/api', async (orig) => ({ ...(await orig<typeof api>()), loadOnCallHealth: vi.fn(), on: vi.fn(() => () => {}) }))

const empty: api.OnCallHealth = {
  from: '2026-10-27T00:00:00Z',
  to: '2026-11-24T00:00:00Z',
  pages: 0,
  noResponder: 0,
  people: [],
  rotations: [],
  teams: [],
  alerts: [],
  services: [],
  flags: [],
  stored: 0,
  pagesPerDayLimit: 2,
}

beforeEach(() => vi.mocked(api.loadOnCallHealth).mockReset())

describe('on-call health', () => {
  it('names ISO weeks across a year end', () => {
    expect(isoWeek(new Date(2026, 0, 1))).toBe('2026-W01') // Thursday
    expect(isoWeek(new Date(2027, 0, 1))).toBe('2026-W53') // Friday of 2026's last week
    expect(isoWeek(new Date(2026, 10, 23))).toBe('2026-W48') // Monday
    expect(isoWeek(new Date(2026, 10, 22))).toBe('2026-W47') // Sunday
  })

  it('lists every week of the window, empty ones included', () => {
    const w = weeksOf(new Date(2026, 10, 2).toISOString(), new Date(2026, 10, 30).toISOString(), [])
    expect(w).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48'])
  })

  it('says when no paging history is imported, and how to import it', async () => {
    vi.mocked(api.loadOnCallHealth).mockResolvedValue(empty)
    render(HealthPanel)
    expect(await screen.findByRole('heading', { name: 'No paging history imported' })).toBeInTheDocument()
    expect(screen.getByText(/wheelhouse oncall pages import/)).toBeInTheDocument()
    expect(screen.queryByRole('radiogroup', { name: 'Group by' })).toBeNull()
  })

  it('shows the flags with reasons and the per-person table', async () => {
    const load = { pages: 3, business: 1, offHours: 0, sleep: 2, shifts: 1, onCallDays: 7, pagesPerShift: 3, pagesPerOnCallDay: 3 / 7, mttaSeconds: 300, mttrSeconds: 1200 }
    vi.mocked(api.loadOnCallHealth).mockResolvedValue({
      ...empty,
      stored: 3,
      pages: 3,
      people: [{ ...load, id: 'dana', name: 'Dana Kim', timezone: 'Europe/Berlin', weeks: [{ ...load, week: '2026-W46' }] }],
      services: [{ name: 'db', pages: 3, autoResolvedShare: 0, unackedShare: 1 / 3 }],
      flags: [{ personId: 'dana', kind: 'sleep', week: '2026-W46', reason: 'Dana Kim: 2 pages in sleep hours (22:00–08:00 Europe/Berlin) in week 2026-W46.' }],
    })
    render(HealthPanel)
    expect(await screen.findByText('2 pages in sleep hours (22:00–08:00 Europe/Berlin) in week 2026-W46.')).toBeInTheDocument()
    // The flag links to her prep brief, the table to her page.
    expect(screen.getAllByRole('link', { name: 'Dana Kim' }).map((a) => a.getAttribute('href'))).toEqual(['#/people/dana/brief', '#/people/dana'])
    expect(screen.getByRole('rowheader', { name: /Dana Kim/ })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: '5 min' })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: '33%' })).toBeInTheDocument()
  })
})
