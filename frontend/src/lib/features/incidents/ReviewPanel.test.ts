import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, saveReview: vi.fn(), skipReview: vi.fn(), listIncidents: vi.fn() }
})

import * as api from '$lib/api'
import type { Incident } from '$lib/api'
import { incident as store, incidents } from '$lib/stores/incidents.svelte'
import { incident, person } from '../../../test/fixtures'
import { roster } from '$lib/stores/roster.svelte'
import ReviewPanel from './ReviewPanel.svelte'

const RESOLVED = incident({ id: 'i1', title: 'Checkout down', status: 'resolved', resolvedAt: '2025-01-06T11:00:00Z' })

beforeEach(() => {
  incidents.reset()
  store.reset()
  roster.reset()
  roster.people = [person({ id: 'p1', name: 'Dana Xu' })]
  store.id = 'i1'
  store.data = RESOLVED
  vi.mocked(api.listIncidents).mockResolvedValue([])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

function withReview(r: Partial<Incident['review']>): Incident {
  return { ...RESOLVED, review: { ...RESOLVED.review, ...r } }
}

describe('ReviewPanel', () => {
  it('completing needs a root cause; the backend fills the timeline, which the form then shows', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveReview).mockImplementation(async (_id, r) => ({
      incident: withReview({ ...r, timeline: '10:00 Opened as investigating', completedAt: '2025-01-07T09:00:00Z' }),
      followUps: [],
    }))
    const { rerender } = render(ReviewPanel, { props: { incident: RESOLVED } })
    await user.type(screen.getByLabelText('Summary'), 'Card payments failed.')
    await user.click(screen.getByRole('button', { name: 'Mark completed' }))
    const rootCause = screen.getByLabelText('Root cause')
    expect(rootCause).toHaveAccessibleDescription('A completed review states the root cause (or what is known of it).')
    expect(api.saveReview).not.toHaveBeenCalled()

    await user.type(rootCause, 'TLS session reuse was off.')
    await user.type(screen.getByLabelText('Contributing factor 1'), 'No alert on queue depth')
    await user.click(screen.getByRole('button', { name: 'Add factor' }))
    await user.type(screen.getByLabelText('Contributing factor 2'), '  ')
    await user.click(screen.getByRole('button', { name: 'Mark completed' }))
    await waitFor(() => expect(api.saveReview).toHaveBeenCalled())
    expect(vi.mocked(api.saveReview).mock.calls[0][1]).toMatchObject({
      state: 'completed',
      summary: 'Card payments failed.',
      rootCause: 'TLS session reuse was off.',
      contributingFactors: ['No alert on queue depth'],
    })
    rerender({ incident: store.data! })
    await waitFor(() => expect(screen.getByLabelText('Timeline')).toHaveValue('10:00 Opened as investigating'))
    expect(screen.getByText('Completed', { selector: '.tag' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Reopen as draft' })).toBeInTheDocument()
  })

  it('"Skip review…" needs a reason, then shows the recorded decision', async () => {
    const user = userEvent.setup()
    vi.mocked(api.skipReview).mockResolvedValue({
      incident: withReview({ state: 'skipped', skipReason: 'Covered by last week’s review.', skippedAt: '2025-01-07T09:00:00Z' }),
      followUps: [],
    })
    const { rerender } = render(ReviewPanel, { props: { incident: RESOLVED } })
    await user.click(screen.getByRole('button', { name: 'Skip review…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Skip the review?' })
    await user.click(within(dialog).getByRole('button', { name: 'Skip review' }))
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription('Skipping a review is a decision: say why.')
    expect(api.skipReview).not.toHaveBeenCalled()

    await user.type(within(dialog).getByLabelText('Reason'), 'Covered by last week’s review.')
    await user.click(within(dialog).getByRole('button', { name: 'Skip review' }))
    await waitFor(() => expect(api.skipReview).toHaveBeenCalledWith('i1', 'Covered by last week’s review.'))
    rerender({ incident: store.data! })
    expect(await screen.findByText('“Covered by last week’s review.”')).toBeInTheDocument()
    expect(screen.getByText('Review skipped')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Mark completed' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Write the review after all' })).toBeInTheDocument()
  })

  it('offers no skip while the incident is open', () => {
    render(ReviewPanel, { props: { incident: { ...RESOLVED, status: 'monitoring', resolvedAt: undefined } } })
    expect(screen.queryByRole('button', { name: 'Skip review…' })).toBeNull()
    expect(screen.getByText(/due 5 business days after the incident is resolved/)).toBeInTheDocument()
  })
})
