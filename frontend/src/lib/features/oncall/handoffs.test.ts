import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, loadHandoffs: vi.fn(), loadHandoffHealth: vi.fn(), recordHandoff: vi.fn() }
})

import * as api from '$lib/api'
import { ApiError, type HandoffEntry } from '$lib/api'
import HandoffsPanel from './HandoffsPanel.svelte'

function entry(e: Partial<HandoffEntry> = {}): HandoffEntry {
  return {
    rotationId: 'rot',
    rotation: 'Payments on-call',
    slot: 3,
    start: '2026-11-23T09:00:00Z',
    end: '2026-11-30T09:00:00Z',
    personId: 'kofi',
    person: 'Kofi Kaya',
    ended: true,
    record: null,
    ...e,
  }
}

beforeEach(() => {
  vi.mocked(api.loadHandoffs).mockResolvedValue([
    entry({ personId: 'dana', person: 'Dana Schmidt', start: '2026-11-30T09:00:00Z', end: '2026-12-07T09:00:00Z', ended: false }),
    entry(),
  ])
  vi.mocked(api.loadHandoffHealth).mockResolvedValue([])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('handoffs', () => {
  it('marks an ended turn without a handoff, and says when nothing is recorded yet', async () => {
    render(HandoffsPanel)
    const row = (await screen.findByText('Kofi Kaya')).closest('tr')!
    expect(within(row).getByText('Not recorded')).toBeTruthy()
    expect(screen.getByText('1 to record')).toBeTruthy()
    const now = screen.getByText('Dana Schmidt').closest('tr')!
    expect(within(now).getByText('On call now')).toBeTruthy()
    expect(await screen.findByText('Nothing recorded yet')).toBeTruthy()
  })

  it('asks for the rating before saving, and puts the backend’s message next to its field', async () => {
    const user = userEvent.setup()
    render(HandoffsPanel)
    await user.click(await screen.findByRole('button', { name: 'Record the handoff of Kofi Kaya, Payments on-call' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Record handoff' }))
    expect(await within(dialog).findByText(/Ask Kofi Kaya how heavy the turn was/)).toBeTruthy()
    expect(api.recordHandoff).not.toHaveBeenCalled()

    vi.mocked(api.recordHandoff).mockRejectedValueOnce(
      new ApiError('invalid', 'Open issues is too long.', [{ field: 'openIssues', message: 'Open issues is too long (10001 characters; at most 10000).' }]),
    )
    await user.click(within(dialog).getByRole('radio', { name: '4' }))
    await user.click(within(dialog).getByLabelText('Their sleep was interrupted'))
    await user.type(within(dialog).getByLabelText('Open issues'), 'disk alerts')
    await user.click(within(dialog).getByRole('button', { name: 'Record handoff' }))
    expect(await within(dialog).findByText(/at most 10000/)).toBeTruthy()
    expect(vi.mocked(api.recordHandoff).mock.calls[0][0]).toEqual({
      rotationId: 'rot',
      turnStart: '2026-11-23T09:00:00Z',
      rating: 4,
      sleepInterrupted: true,
      openIssues: 'disk alerts',
      runbookGaps: '',
      comment: '',
    })
    expect(within(dialog).getByLabelText('Open issues').getAttribute('aria-invalid')).toBe('true')
  })
})
