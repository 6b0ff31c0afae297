import { cleanup, render, screen, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadTimeZones: vi.fn(),
    loadRotations: vi.fn(),
    loadShifts: vi.fn(),
    loadCoverage: vi.fn(),
    loadAdjustments: vi.fn(),
    loadDirectory: vi.fn(),
  }
})

import * as api from '$lib/api'
import type { CoverageGap } from '$lib/api'
import { oncall } from '$lib/stores/oncall.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { timezones } from '$lib/stores/timezones.svelte'
import { directory, loadedRoster, person, rotation } from '../../../test/fixtures'
import { bodyRows, fakeTableLayout } from '../../../test/layout'
import OnCallView from './OnCallView.svelte'

const ROTATION = rotation({ participants: ['p1'] })

function gap(i: number): CoverageGap {
  const start = new Date(Date.UTC(2026, 11, 5) + i * 3_600_000 * 5)
  return {
    schedule: `Schedule ${i}`,
    teamId: '',
    rotationIds: ['r1'],
    requirement: '24x7',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3_600_000).toISOString(),
    unstaffed: true,
    reason: '',
  }
}

beforeEach(() => {
  loadedRoster({ people: [person({ id: 'p1', name: 'Ana' })] })
  timezones.reset()
  oncall.reset()
  vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people: roster.people }))
  vi.mocked(api.loadTimeZones).mockResolvedValue([])
  vi.mocked(api.loadRotations).mockResolvedValue([ROTATION])
  vi.mocked(api.loadShifts).mockResolvedValue([])
  vi.mocked(api.loadAdjustments).mockResolvedValue({ overrides: [], swaps: [], older: {} })
  vi.mocked(api.loadCoverage).mockResolvedValue(Array.from({ length: 480 }, (_, i) => gap(i)))
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.clearAllMocks()
})

describe('On-call coverage gaps (windowed table)', () => {
  it('counts all 480 gaps and renders the rows in view, each with its Cover… button', async () => {
    const layout = fakeTableLayout({ row: 47, top: 500 })
    render(OnCallView, { tab: '' })
    const cell = await screen.findByText('Schedule 0')
    const table = cell.closest('table')!
    const section = table.closest('section')!
    expect(within(section).getByText('480')).toBeInTheDocument()
    const rows = bodyRows(table)
    expect(rows.length).toBeLessThanOrEqual(layout.window)
    expect(within(rows[0]).getByRole('button', { name: 'Cover…' })).toBeInTheDocument()
    await layout.scrollTo(500 + 47 * 400)
    expect(within(table).queryByText('Schedule 0')).toBeNull()
    expect(within(table).getByText('Schedule 400')).toBeInTheDocument()
    expect(bodyRows(table).length).toBeLessThanOrEqual(layout.full)
  })
})
