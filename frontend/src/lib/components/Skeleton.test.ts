import { act, cleanup, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Skeleton, { SKELETON_DELAY_MS } from './Skeleton.svelte'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('Skeleton', () => {
  it('shows nothing for the first 100 ms (a fast load never flashes grey bars), yet reads as busy', async () => {
    const { container } = render(Skeleton, { label: 'Loading incidents…' })
    expect(SKELETON_DELAY_MS).toBe(100)
    expect(screen.queryByRole('status')).toBeNull()
    expect(container.querySelector('.skeleton-wait')).toHaveAttribute('aria-busy', 'true')
    await act(() => vi.advanceTimersByTime(99))
    expect(screen.queryByRole('status')).toBeNull()
    await act(() => vi.advanceTimersByTime(1))
    expect(screen.getByRole('status', { name: 'Loading incidents…' })).toBeInTheDocument()
    expect(container.querySelector('.skeleton-wait')).toBeNull()
  })

  it('delay={0} shows the bars at once (a screen that waited itself)', () => {
    render(Skeleton, { label: 'Loading…', delay: 0, rows: 3 })
    expect(screen.getByRole('status', { name: 'Loading…' }).querySelectorAll('.skeleton-row')).toHaveLength(3)
  })
})
