import { cleanup, render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import SegmentedHarness from '../../test/SegmentedHarness.svelte'

afterEach(cleanup)

const radio = (name: string) => screen.getByRole('radio', { name })

describe('SegmentedControl', () => {
  it('is a labelled radio group whose chosen segment is checked', () => {
    render(SegmentedHarness)
    const group = screen.getByRole('radiogroup', { name: 'Period' })
    expect(group).toBeInTheDocument()
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual(['Day', 'Week', 'Month'])
    expect(radio('Week')).toHaveAttribute('aria-checked', 'true')
    expect(radio('Day')).toHaveAttribute('aria-checked', 'false')
    expect(radio('Month')).toHaveAttribute('aria-checked', 'false')
  })

  it('a click chooses; a click on the chosen one changes nothing', async () => {
    const user = userEvent.setup()
    const onchange = vi.fn()
    render(SegmentedHarness, { onchange })
    await user.click(radio('Month'))
    expect(onchange).toHaveBeenCalledWith('month')
    expect(radio('Month')).toHaveAttribute('aria-checked', 'true')
    expect(radio('Week')).toHaveAttribute('aria-checked', 'false')
    await user.click(radio('Month'))
    expect(onchange).toHaveBeenCalledTimes(1)
  })

  it('is one Tab stop, on the chosen segment', async () => {
    const user = userEvent.setup()
    render(SegmentedHarness)
    screen.getByRole('button', { name: 'Before' }).focus()
    await user.tab()
    expect(radio('Week')).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus()
    expect(radio('Day')).toHaveAttribute('tabindex', '-1')
    expect(radio('Month')).toHaveAttribute('tabindex', '-1')
  })

  it('the arrow keys move the choice and the focus, wrapping at the ends', async () => {
    const user = userEvent.setup()
    const onchange = vi.fn()
    render(SegmentedHarness, { onchange })
    radio('Week').focus()
    await user.keyboard('{ArrowRight}')
    expect(radio('Month')).toHaveFocus()
    expect(radio('Month')).toHaveAttribute('aria-checked', 'true')
    await user.keyboard('{ArrowRight}')
    expect(radio('Day')).toHaveFocus()
    expect(screen.getByTestId('shown')).toHaveTextContent('day')
    await user.keyboard('{ArrowLeft}')
    expect(radio('Month')).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(radio('Week')).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(radio('Month')).toHaveFocus()
    expect(onchange.mock.calls.map((c) => c[0])).toEqual(['month', 'day', 'month', 'week', 'month'])
    expect(radio('Month')).toHaveAttribute('tabindex', '0')
  })

  it('Home and End go to the first and last', async () => {
    const user = userEvent.setup()
    render(SegmentedHarness)
    radio('Week').focus()
    await user.keyboard('{End}')
    expect(radio('Month')).toHaveFocus()
    expect(radio('Month')).toHaveAttribute('aria-checked', 'true')
    await user.keyboard('{Home}')
    expect(radio('Day')).toHaveFocus()
    expect(radio('Day')).toHaveAttribute('aria-checked', 'true')
  })

  it('leaves other keys alone (Tab, Ctrl+arrows for the app)', async () => {
    const user = userEvent.setup()
    const onchange = vi.fn()
    render(SegmentedHarness, { onchange })
    radio('Week').focus()
    await user.keyboard('{Control>}{ArrowRight}{/Control}')
    expect(onchange).not.toHaveBeenCalled()
    expect(radio('Week')).toHaveFocus()
  })
})
