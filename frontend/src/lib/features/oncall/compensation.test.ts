import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadCompensation: vi.fn(),
    loadOnCallSettings: vi.fn(),
    saveOnCallSettings: vi.fn(),
    loadRegions: vi.fn(),
    saveCompensationCSV: vi.fn(),
    compensationCSV: vi.fn(),
  }
})

import * as api from '$lib/api'
import { ApiError, type CompensationReport, type OnCallSettings } from '$lib/api'
import { toasts } from '$lib/stores/toasts.svelte'
import CompensationPanel from './CompensationPanel.svelte'

const rates = { weekdayRate: 2, weekendRate: 3, holidayRate: 0, holidayMultiplier: 2, turnStipend: 0, dayStipend: 10, weekStipend: 0 }
const SETTINGS: OnCallSettings = {
  compensation: { mode: 'pay', layers: 'final', currency: 'EUR', timeOffRatio: 0, ...rates, regions: [] },
  notifyPersonIds: [],
  gapWarningDays: 14,
  fairnessSpreadLimit: 2,
  pagesPerDayLimit: 3,
}
const REPORT: CompensationReport = {
  month: '2026-11',
  mode: 'pay',
  layers: 'final',
  currency: '',
  total: 0,
  totals: [
    { currency: 'EUR', amount: 100 },
    { currency: 'GBP', amount: 40 },
  ],
  rows: [
    {
      personId: 'p1',
      name: 'Ana',
      region: 'Germany',
      regionRates: false,
      currency: 'EUR',
      weekdayHours: 30,
      weekendHours: 10,
      holidayHours: 0,
      totalHours: 40,
      overlapHours: 12,
      turns: 1,
      days: 2,
      holidayDays: 0,
      hourlyPay: 80,
      stipends: 20,
      amount: 100,
      timeOffHours: 0,
      lines: ['30 weekday h × 2.00 = 60.00', '2 on-call days × 10.00 = 20.00', '12 h on two schedules at once, paid once'],
    },
    {
      personId: 'p2',
      name: 'Bo',
      region: 'UK',
      regionRates: true,
      currency: 'GBP',
      weekdayHours: 10,
      weekendHours: 0,
      holidayHours: 0,
      totalHours: 10,
      overlapHours: 0,
      turns: 0.5,
      days: 0,
      holidayDays: 0,
      hourlyPay: 40,
      stipends: 0,
      amount: 40,
      timeOffHours: 0,
      lines: ['rates of the region UK (GBP)', '10 weekday h × 4.00 = 40.00'],
    },
  ],
}

beforeEach(() => {
  toasts.reset()
  vi.mocked(api.loadCompensation).mockResolvedValue(REPORT)
  vi.mocked(api.loadOnCallSettings).mockResolvedValue(structuredClone(SETTINGS))
  vi.mocked(api.loadRegions).mockResolvedValue([
    { id: 'g1', name: 'Germany', memberIds: [], holidays: [] },
    { id: 'u1', name: 'UK', memberIds: [], holidays: [] },
  ])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('CompensationPanel', () => {
  it('shows each row with its region, stipends, total in its currency, how it adds up, and a total per currency', async () => {
    render(CompensationPanel)
    const table = await screen.findByRole('table')
    expect(within(table).getByText('UK · own rates')).toBeTruthy()
    expect(within(table).getByText(/2 on-call days × 10\.00 = 20\.00 · 12 h on two schedules at once, paid once/)).toBeTruthy()
    expect(within(table).getByText('Total in EUR')).toBeTruthy()
    expect(within(table).getByText('Total in GBP')).toBeTruthy()
    expect(within(table).getAllByText(/£/).length).toBeGreaterThan(0)
  })

  it('adds a region’s own rates, places a backend error next to that region’s field, and keeps the other settings', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveOnCallSettings).mockRejectedValueOnce(
      new ApiError('invalid', 'Check the fields.', [{ field: 'compensation.regions.0.currency', message: 'Currency must be a three-letter code like EUR.' }]),
    )
    render(CompensationPanel)
    await user.click(await screen.findByRole('button', { name: 'Add rates for a region' }))
    const region = screen.getByLabelText('Region') as HTMLSelectElement
    await waitFor(() => expect(document.activeElement).toBe(region))
    expect(region.value).toBe('g1')
    const cur = document.getElementById('comp-r0-currency') as HTMLInputElement
    expect(cur.value).toBe('EUR')
    await user.clear(cur)
    await user.type(cur, 'GB')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(cur.getAttribute('aria-invalid')).toBe('true'))
    expect(document.getElementById('comp-r0-currency-error')?.textContent).toBe('Currency must be a three-letter code like EUR.')
    const sent = vi.mocked(api.saveOnCallSettings).mock.calls[0][0]
    expect(sent.compensation.regions).toEqual([{ regionId: 'g1', currency: 'GB', ...rates }])
    expect(sent.pagesPerDayLimit).toBe(3)
  })

  it('pays every layer when asked: the choice is sent, said in its hint, and the report says which rule it used', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveOnCallSettings).mockImplementation(async (s) => s)
    render(CompensationPanel)
    expect(await screen.findByText(/Pay · the layer a page reaches/)).toBeTruthy()
    const layers = (await screen.findByLabelText('Layers paid')) as HTMLSelectElement
    expect(layers.value).toBe('final')
    expect(screen.getByText(/a secondary is paid where the primary has nobody/)).toBeTruthy()
    await user.selectOptions(layers, 'every')
    expect(screen.getByText(/A secondary on standby is paid for the hours they are on call/)).toBeTruthy()
    vi.mocked(api.loadCompensation).mockResolvedValue({ ...REPORT, layers: 'every' })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.saveOnCallSettings).toHaveBeenCalledTimes(1))
    expect(vi.mocked(api.saveOnCallSettings).mock.calls[0][0].compensation.layers).toBe('every')
    expect(await screen.findByText(/Pay · every layer/)).toBeTruthy()
  })
})
