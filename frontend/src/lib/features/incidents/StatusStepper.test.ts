import { cleanup, render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { IncidentStatus } from '$lib/api'
import StatusStepper from './StatusStepper.svelte'

afterEach(() => cleanup())

function offered(): string[] {
  const group = screen.queryByRole('group', { name: 'Next steps' })
  return group ? within(group).getAllByRole('button').map((b) => b.textContent?.trim() ?? '') : []
}

function setup(status: IncidentStatus, reviewSettled = false) {
  const onmove = vi.fn()
  render(StatusStepper, { props: { status, reviewSettled, onmove } })
  return onmove
}

describe('StatusStepper', () => {
  it.each<[IncidentStatus, boolean, string[]]>([
    ['investigating', false, ['Mark identified', 'Mark monitoring', 'Resolve']],
    ['identified', false, ['Mark monitoring', 'Resolve']],
    ['monitoring', false, ['Resolve']],
    ['resolved', false, ['Start review', 'Reopen']],
    ['resolved', true, ['Close incident', 'Reopen']],
    ['in_review', false, ['Reopen']],
    ['in_review', true, ['Close incident', 'Reopen']],
    ['closed', true, []],
  ])('from %s (review settled: %s) offers only %j', (status, settled, want) => {
    setup(status, settled)
    expect(offered()).toEqual(want)
  })

  it('steps an incident jumped over show as skipped, not done', () => {
    const onmove = vi.fn()
    render(StatusStepper, { props: { status: 'resolved', reviewSettled: false, onmove, reached: ['investigating', 'resolved'] } })
    const steps = within(screen.getByRole('list', { name: 'Status workflow' })).getAllByRole('listitem')
    expect(steps.map((s) => s.textContent?.match(/\((done|skipped)\)/)?.[1] ?? '')).toEqual(['done', 'skipped', 'skipped', '', '', ''])
  })

  it('marks the current step and the done ones', () => {
    setup('monitoring')
    const steps = within(screen.getByRole('list', { name: 'Status workflow' })).getAllByRole('listitem')
    expect(steps.map((s) => s.getAttribute('aria-current'))).toEqual([null, null, 'step', null, null, null])
    expect(steps[0]).toHaveTextContent('(done)')
    expect(steps[3]).not.toHaveTextContent('(done)')
  })

  it('explains why closing is not offered yet, and that a closed incident is final', () => {
    setup('resolved')
    expect(screen.getByText(/complete the review or record a decision to skip it/)).toBeInTheDocument()
    cleanup()
    setup('closed', true)
    expect(screen.getByText(/The incident is closed/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Reopen' })).toBeNull()
  })

  it('moves now, or at an earlier time with a note', async () => {
    const user = userEvent.setup()
    const onmove = setup('identified')
    await user.click(screen.getByRole('button', { name: 'Resolve' }))
    expect(onmove).toHaveBeenLastCalledWith('resolved', {})

    await user.click(screen.getByRole('button', { name: 'Add a note or an earlier time' }))
    const at = screen.getByLabelText('Time of the change')
    await user.type(at, '2025-01-06T10:30')
    await user.type(screen.getByLabelText('Note'), 'Rolled back')
    await user.click(screen.getByRole('button', { name: 'Mark monitoring' }))
    const [to, opts] = onmove.mock.calls.at(-1)!
    expect(to).toBe('monitoring')
    expect(opts.note).toBe('Rolled back')
    expect(opts.at).toBe(new Date('2025-01-06T10:30').toISOString().replace('.000Z', 'Z'))
  })
})
