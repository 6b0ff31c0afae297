import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    loadDirectory: vi.fn(),
    loadTimeZones: vi.fn(),
    loadOneOnOnes: vi.fn(),
    loadFeedback: vi.fn(),
    loadBrief: vi.fn(),
  }
})

import * as api from '$lib/api'
import { personFeedback, personOneOnOnes } from '$lib/stores/oneonones.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { router } from '$lib/stores/router.svelte'
import { directory, person, ZONES } from '../../../test/fixtures'
import { feedbackPage, page, prepBrief } from '../oneonones/test-fixtures'
import PersonDetail from './PersonDetail.svelte'

beforeEach(() => {
  roster.reset()
  router.reset()
  personOneOnOnes.reset()
  personFeedback.reset()
  vi.mocked(api.loadDirectory).mockResolvedValue(directory({ people: [person({ id: 'dana', name: 'Dana Reyes' })] }))
  vi.mocked(api.loadTimeZones).mockResolvedValue(ZONES)
  vi.mocked(api.loadOneOnOnes).mockResolvedValue(page())
  vi.mocked(api.loadFeedback).mockResolvedValue(feedbackPage())
  vi.mocked(api.loadBrief).mockResolvedValue(prepBrief())
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('person page tabs', () => {
  it('are a tablist moved with the arrow keys; the address follows', async () => {
    const user = userEvent.setup()
    router.go('people', 'dana')
    const { rerender } = render(PersonDetail, { id: 'dana', tab: router.route.tab })
    const tabs = await screen.findAllByRole('tab')
    expect(tabs.map((t) => t.textContent)).toEqual(['Profile', '1:1s', 'Feedback', 'Growth', 'Prep brief'])
    expect(screen.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Profile')
    // Only the selected tab is in the Tab order.
    expect(tabs.filter((t) => t.tabIndex === 0)).toHaveLength(1)

    screen.getByRole('tab', { name: 'Profile' }).focus()
    await user.keyboard('{ArrowRight}')
    expect(router.route).toEqual({ screen: 'people', id: 'dana', tab: 'oneonones' })
    expect(location.hash).toBe('#/people/dana/oneonones')
    await rerender({ id: 'dana', tab: router.route.tab })
    expect(screen.getByRole('tab', { name: '1:1s' })).toHaveAttribute('aria-selected', 'true')
    await waitFor(() => expect(screen.getByRole('tab', { name: '1:1s' })).toHaveFocus())
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('1:1s')
    expect(api.loadOneOnOnes).toHaveBeenCalledWith('dana')

    await user.keyboard('{End}')
    expect(router.route.tab).toBe('brief')
    await rerender({ id: 'dana', tab: router.route.tab })
    await waitFor(() => expect(api.loadBrief).toHaveBeenCalledWith('dana', false))

    await user.keyboard('{ArrowRight}') // wraps around
    expect(router.route.tab).toBe('')
  })

  it('opens on the tab in the address', async () => {
    render(PersonDetail, { id: 'dana', tab: 'feedback' })
    expect(await screen.findByRole('tab', { name: 'Feedback' })).toHaveAttribute('aria-selected', 'true')
    await waitFor(() => expect(api.loadFeedback).toHaveBeenCalledWith('dana'))
  })
})
