import { cleanup, render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, listIncidents: vi.fn(), loadIncidentSettings: vi.fn() }
})

import * as api from '$lib/api'
import type { IncidentSummary } from '$lib/api'
import { incidents } from '$lib/stores/incidents.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { bodyRows, fakeTableLayout } from '../../../test/layout'
import IncidentsView from './IncidentsView.svelte'

function summary(i: number): IncidentSummary {
  return {
    id: `inc${i}`,
    title: `Incident ${i}`,
    severity: 1 + (i % 4),
    status: i % 7 === 0 ? 'investigating' : 'resolved',
    startedAt: '2025-01-06T09:00:00Z',
    resolvedAt: i % 7 === 0 ? undefined : '2025-01-06T10:00:00Z',
    commanderId: '',
    serviceIds: [],
    tags: [],
    escalated: false,
    reviewState: 'not_started',
    reviewDue: '',
  }
}

let layout: ReturnType<typeof fakeTableLayout>

beforeEach(() => {
  incidents.reset()
  roster.reset()
  roster.loaded = true
  layout = fakeTableLayout({ row: 43, top: 200 })
  vi.mocked(api.listIncidents).mockResolvedValue(Array.from({ length: 2000 }, (_, i) => summary(i)))
  vi.mocked(api.loadIncidentSettings).mockRejectedValue(new Error('not needed'))
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.clearAllMocks()
})

function table(): HTMLElement {
  return screen.getByRole('table')
}

describe('IncidentsView list (windowed)', () => {
  it('lists all 2,000 incidents but renders only the rows in view, without a “Show more” button', async () => {
    render(IncidentsView, { tab: 'list' })
    await screen.findByRole('link', { name: 'Incident 0' })
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('2000')
    const rows = bodyRows(table())
    expect(rows.length).toBeLessThanOrEqual(layout.window)
    expect(rows.length).toBeGreaterThan(5)
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull()
  })

  it('scrolling shows the incidents further down', async () => {
    render(IncidentsView, { tab: 'list' })
    await screen.findByRole('link', { name: 'Incident 0' })
    await layout.scrollTo(200 + 43 * 1500) // row 1500 at the top of the window
    expect(within(table()).queryByRole('link', { name: 'Incident 0' })).toBeNull()
    expect(within(table()).getByRole('link', { name: 'Incident 1500' })).toBeInTheDocument()
    expect(bodyRows(table()).length).toBeLessThanOrEqual(layout.full)
  })

  it('a click on a row opens that incident; ArrowDown walks on past the rendered rows', async () => {
    const user = userEvent.setup()
    render(IncidentsView, { tab: 'list' })
    const first = await screen.findByRole('link', { name: 'Incident 0' })
    const opened: string[] = []
    document.addEventListener('click', (e) => {
      const a = (e.target as Element).closest?.('a')
      if (a) {
        e.preventDefault()
        opened.push(a.getAttribute('href')!)
      }
    })
    await user.click(within(bodyRows(table())[3]).getAllByRole('cell')[3])
    expect(opened).toEqual(['#/incidents/inc3'])

    first.focus()
    for (let i = 0; i < 40; i++) await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toHaveTextContent('Incident 40')
  })
})
