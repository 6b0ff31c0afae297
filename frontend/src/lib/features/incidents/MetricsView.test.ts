import { cleanup, render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, loadMetricsPage: vi.fn(), listIncidents: vi.fn() }
})

import * as api from '$lib/api'
import type { MetricsPage } from '$lib/api'
import { incidents, metrics } from '$lib/stores/incidents.svelte'
import MetricsView from './MetricsView.svelte'

const MIN = 60_000_000_000
const d = (mean: number, median: number, n = 2) => ({ n, mean, median })
const none = { n: 0, mean: 0, median: 0 }

const PAGE: MetricsPage = {
  metrics: {
    zone: 'Europe/Berlin',
    today: '2025-03-10',
    incidents: 3,
    open: 1,
    mtta: d(12 * MIN, 9 * MIN),
    mttr: d(200 * MIN, 150 * MIN),
    bySeverity: [
      { severity: 1, label: 'SEV1', incidents: 1, mtta: d(4 * MIN, 4 * MIN, 1), mttr: d(55 * MIN, 55 * MIN, 1) },
      { severity: 2, label: 'SEV2', incidents: 2, mtta: d(20 * MIN, 20 * MIN, 1), mttr: d(200 * MIN, 200 * MIN, 1) },
      { severity: 3, label: 'SEV3', incidents: 0, mtta: none, mttr: none },
      { severity: 4, label: 'SEV4', incidents: 0, mtta: none, mttr: none },
    ],
    byMonth: [
      { month: '2025-01', incidents: 1, mtta: d(4 * MIN, 4 * MIN, 1), mttr: d(55 * MIN, 55 * MIN, 1) },
      { month: '2025-02', incidents: 0, mtta: none, mttr: none },
      { month: '2025-03', incidents: 2, mtta: d(20 * MIN, 20 * MIN, 1), mttr: d(200 * MIN, 200 * MIN, 1) },
    ],
    byServiceMonth: [{ serviceId: 's1', service: 'payments-api', month: '2025-03', incidents: 2 }],
    byService: [{ serviceId: 's1', service: 'payments-api', incidents: 2, mtta: { n: 2, mean: 6e11, median: 6e11 }, mttr: { n: 2, mean: 5.4e12, median: 5.4e12 } }],
    escalation: { num: 1, den: 3, value: 1 / 3 },
    reviewCompletion: { num: 1, den: 2, value: 0.5 },
    followUpCompletion: { num: 0, den: 0, value: 0 },
  },
  patterns: [
    { kind: 'service', key: 's1', also: [], label: 'payments-api: 2 incidents in 30 days', count: 2, days: 30, incidentIds: ['i1', 'i2'] },
  ],
}

beforeEach(() => {
  metrics.reset()
  incidents.reset()
  vi.mocked(api.loadMetricsPage).mockResolvedValue(PAGE)
  vi.mocked(api.listIncidents).mockResolvedValue([])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('MetricsView', () => {
  it('shows MTTA and MTTR as human durations, by severity too', async () => {
    render(MetricsView)
    const cards = await screen.findByRole('region', { name: 'Key figures' })
    expect(within(cards).getByText('12 min')).toBeInTheDocument()
    expect(within(cards).getByText('median 9 min')).toBeInTheDocument()
    expect(within(cards).getByText('3 h 20 min')).toBeInTheDocument()
    expect(within(cards).getByText('median 2 h 30 min')).toBeInTheDocument()
    expect(within(cards).getByText('33%')).toBeInTheDocument()
    expect(within(cards).getByText('no follow-ups yet')).toBeInTheDocument()

    const sev = screen.getByRole('region', { name: 'By severity' })
    const sev1 = within(sev).getAllByRole('row')[1]
    expect(sev1).toHaveTextContent('4 min')
    expect(sev1).toHaveTextContent('55 min')
    expect(within(sev).getAllByRole('row')[3]).toHaveTextContent('—')
  })

  it('draws the months and the service heat-table, and links patterns to their incidents', async () => {
    render(MetricsView)
    const heat = await screen.findByRole('region', { name: 'Incidents per service per month' })
    expect(within(heat).getByRole('rowheader', { name: 'payments-api' })).toBeInTheDocument()
    expect(within(heat).getByTitle('payments-api, Mar 2025: 2 incidents')).toHaveTextContent('2')
    // MTTR per service over the window (median), next to the counts.
    expect(within(heat).getByRole('columnheader', { name: 'MTTR' })).toBeInTheDocument()
    expect(within(heat).getByTitle('Median of 2 resolved incidents; mean 1 h 30 min')).toHaveTextContent('1 h 30 min')
    // Each chart carries its numbers as a table for screen readers (jsdom draws no SVG: it has no layout).
    const ttr = screen.getByRole('table', { name: 'Time to resolve' })
    expect(within(ttr).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Jan 202555 min, 1 incident',
      'Feb 2025no data, no incidents',
      'Mar 20253 h 20 min, 1 incident',
    ])
    const patterns = screen.getByRole('region', { name: 'Recurring patterns' })
    expect(within(patterns).getByRole('link', { name: 'Incident 1' })).toHaveAttribute('href', '#/incidents/i1')
  })

  it('reloads for another window', async () => {
    const user = userEvent.setup()
    render(MetricsView)
    await screen.findByRole('region', { name: 'Key figures' })
    await user.click(screen.getByRole('radio', { name: 'All time' }))
    expect(vi.mocked(api.loadMetricsPage).mock.calls.at(-1)![0]).toEqual({})
    await user.click(screen.getByRole('radio', { name: 'Last 90 days' }))
    expect(vi.mocked(api.loadMetricsPage).mock.calls.at(-1)![0]?.from).toMatch(/Z$/)
  })
})
