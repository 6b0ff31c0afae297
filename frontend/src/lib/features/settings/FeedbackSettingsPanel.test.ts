import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, loadFeedbackSettings: vi.fn(), saveFeedbackSettings: vi.fn() }
})

import * as api from '$lib/api'
import { toasts } from '$lib/stores/toasts.svelte'
import { goError } from '../../../test/fixtures'
import FeedbackSettingsPanel from './FeedbackSettingsPanel.svelte'

beforeEach(() => {
  toasts.reset()
  vi.mocked(api.loadFeedbackSettings).mockResolvedValue({ staleDays: 7 })
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('Feedback settings', () => {
  it('shows the stored age and saves a new one', async () => {
    const user = userEvent.setup()
    vi.mocked(api.saveFeedbackSettings).mockResolvedValue({ staleDays: 14 })
    render(FeedbackSettingsPanel)
    const input = await screen.findByLabelText('Drafts go stale after (days)')
    expect(input).toHaveValue(7)
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()
    await user.clear(input)
    await user.type(input, '14')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.saveFeedbackSettings).toHaveBeenCalledWith({ staleDays: 14 }))
    expect(toasts.items.map((t) => t.message)).toContain('Feedback drafts now go stale after 14 days.')
  })

  it('refuses an age outside 1-90 next to the field, before and from the backend', async () => {
    const user = userEvent.setup()
    render(FeedbackSettingsPanel)
    const input = await screen.findByLabelText('Drafts go stale after (days)')
    await user.clear(input)
    await user.type(input, '0')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Drafts go stale after 1 to 90 days (a whole number).')
    expect(api.saveFeedbackSettings).not.toHaveBeenCalled()

    vi.mocked(api.saveFeedbackSettings).mockRejectedValue(
      goError({ code: 'invalid', message: 'Drafts go stale after 1 to 90 days.', field: 'staleDays' }),
    )
    await user.clear(input)
    expect(input).not.toHaveAttribute('aria-invalid')
    await user.type(input, '30')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(input).toHaveAccessibleDescription('Drafts go stale after 1 to 90 days.'))
  })
})
