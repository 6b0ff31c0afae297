import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { flushSync } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dateFormat } from '$lib/stores/datefmt.svelte'
import { civilDate } from '$lib/util/time'
import DateInput from './DateInput.svelte'
import TemporalHarness from '../../test/TemporalHarness.svelte'

beforeEach(() => {
  dateFormat.reset()
  dateFormat.locale = 'en-GB'
})

afterEach(() => {
  cleanup()
  dateFormat.reset()
})

type Opts = { kind?: 'date' | 'time' | 'datetime'; initial?: string; outside?: string; min?: string; max?: string }

function setup(opts: Opts = {}) {
  const onchange = vi.fn()
  render(TemporalHarness, { props: { ...opts, onchange } })
  return {
    input: screen.getByLabelText('When') as HTMLInputElement,
    value: () => screen.getByTestId('value').textContent,
    onchange,
    user: userEvent.setup(),
  }
}

describe('DateInput', () => {
  it('is a labelled text input in the locale format, showing the value', () => {
    const { input } = setup({ initial: '2026-12-04' })
    expect(input).toHaveAttribute('type', 'text')
    expect(input).toHaveAttribute('id', 'when')
    expect(input).toHaveAttribute('placeholder', 'dd/mm/yyyy')
    expect(input).toHaveAccessibleDescription('Any day')
    expect(input).toHaveValue('04/12/2026')
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it('takes a date typed in the locale format at once, and ISO too', async () => {
    const { input, value, user } = setup()
    await user.type(input, '04/12/2026')
    expect(value()).toBe('2026-12-04')
    expect(input).toHaveValue('04/12/2026')
    expect(input).not.toHaveAttribute('aria-invalid')

    await user.clear(input)
    expect(value()).toBe('')
    await user.type(input, '2026-11-30')
    expect(value()).toBe('2026-11-30')
    // Leaving the field shows it in the locale format.
    await user.tab()
    expect(input).toHaveValue('30/11/2026')
    expect(value()).toBe('2026-11-30')
  })

  it('keeps garbage as typed, with an empty value and aria-invalid', async () => {
    const { input, value, user } = setup({ initial: '2026-12-04' })
    await user.clear(input)
    await user.type(input, '31/02/2026')
    expect(value()).toBe('')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveValue('31/02/2026')
    await user.tab()
    expect(input).toHaveValue('31/02/2026')
    expect(input).toHaveAttribute('aria-invalid', 'true')

    await user.clear(input)
    await user.type(input, 'next tuesday??')
    expect(value()).toBe('')
    expect(input).toHaveValue('next tuesday??')
    // Emptied: nothing to complain about.
    await user.clear(input)
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it('follows the locale: mm/dd/yyyy in en-US, dd.mm.yyyy in de-DE, ISO when chosen', async () => {
    dateFormat.locale = 'en-US'
    const { input, value, user } = setup({ initial: '2026-12-04' })
    expect(input).toHaveValue('12/04/2026')
    expect(input).toHaveAttribute('placeholder', 'mm/dd/yyyy')
    await user.clear(input)
    await user.type(input, '1/2/2027')
    expect(value()).toBe('2027-01-02')
    await user.tab()
    expect(input).toHaveValue('01/02/2027')

    // A format change shows the value anew (not while typing in it).
    dateFormat.locale = 'de-DE'
    flushSync()
    expect(input).toHaveValue('02.01.2027')
    dateFormat.pref = 'iso'
    flushSync()
    expect(input).toHaveValue('2027-01-02')
    expect(input).toHaveAttribute('placeholder', 'yyyy-mm-dd')
  })

  it('steps a day with the arrow keys (today when empty), within min and max', async () => {
    const { input, value, onchange, user } = setup({ initial: '2026-12-31', max: '2027-01-01' })
    await user.click(input)
    await user.keyboard('{ArrowUp}')
    expect(value()).toBe('2027-01-01')
    expect(input).toHaveValue('01/01/2027')
    expect(onchange).toHaveBeenLastCalledWith('2027-01-01')
    await user.keyboard('{ArrowUp}')
    expect(value()).toBe('2027-01-01')
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(value()).toBe('2026-12-30')

    await user.clear(input)
    await user.keyboard('{ArrowDown}')
    expect(value()).toBe(civilDate(new Date()))
  })

  it('follows a value set from outside, and reports a change when the field is left', async () => {
    const { input, value, onchange, user } = setup({ initial: '2026-12-04', outside: '2027-03-01' })
    await user.click(screen.getByRole('button', { name: 'Set from outside' }))
    expect(input).toHaveValue('01/03/2027')
    expect(onchange).not.toHaveBeenCalled()

    await user.clear(input)
    await user.type(input, '2/3/27')
    expect(value()).toBe('2027-03-02')
    expect(input).toHaveValue('2/3/27') // not reformatted mid-typing
    expect(onchange).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
    expect(input).toHaveValue('02/03/2027')
    expect(onchange).toHaveBeenCalledTimes(1)
    expect(onchange).toHaveBeenLastCalledWith('2027-03-02')
  })

  it('works unbound, with value in and oninput out (the echo does not wipe the text)', async () => {
    const oninput = vi.fn()
    const { rerender } = render(DateInput, { props: { id: 'd', 'aria-label': 'Due', value: '2026-12-04', oninput } })
    const input = screen.getByRole('textbox', { name: 'Due' })
    const user = userEvent.setup()
    await user.clear(input)
    await user.type(input, '5/1/2027')
    expect(oninput).toHaveBeenLastCalledWith('2027-01-05')
    await rerender({ value: '2027-01-05' })
    expect(input).toHaveValue('5/1/2027')
    await user.type(input, 'x')
    expect(oninput).toHaveBeenLastCalledWith('')
    await rerender({ value: '' })
    expect(input).toHaveValue('5/1/2027x')
    await rerender({ value: '2027-02-01' })
    expect(input).toHaveValue('01/02/2027')
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it('takes text set in one go, as WebDriver sends it', async () => {
    const { input, value } = setup()
    await fireEvent.input(input, { target: { value: '2026-12-04' } })
    expect(value()).toBe('2026-12-04')
  })
})

describe('TimeInput', () => {
  it('reads loose times, shows 24-hour in en-GB and am/pm in en-US', async () => {
    const { input, value, user } = setup({ kind: 'time', initial: '17:30' })
    expect(input).toHaveValue('17:30')
    expect(input).toHaveAttribute('placeholder', 'hh:mm')
    await user.clear(input)
    await user.type(input, '905')
    expect(value()).toBe('09:05')
    await user.tab()
    expect(input).toHaveValue('09:05')

    await user.clear(input)
    await user.type(input, '25:00')
    expect(value()).toBe('')
    expect(input).toHaveAttribute('aria-invalid', 'true')

    dateFormat.locale = 'en-US'
    await user.clear(input)
    await user.type(input, '5:30 pm')
    expect(value()).toBe('17:30')
    await user.tab()
    expect(input).toHaveValue('5:30 PM')
  })

  it('steps 15 minutes with the arrow keys', async () => {
    const { input, value, user } = setup({ kind: 'time', initial: '23:50' })
    await user.click(input)
    await user.keyboard('{ArrowUp}')
    expect(value()).toBe('00:05')
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(value()).toBe('23:35')
  })
})

describe('DateTimeInput', () => {
  it('reads "<date> <time>" and ISO with T, value as datetime-local held it', async () => {
    const { input, value, user } = setup({ kind: 'datetime', initial: '2026-12-04T10:00' })
    expect(input).toHaveValue('04/12/2026 10:00')
    expect(input).toHaveAttribute('placeholder', 'dd/mm/yyyy hh:mm')
    await user.clear(input)
    await user.type(input, '2026-12-04T10:30')
    expect(value()).toBe('2026-12-04T10:30')
    await user.clear(input)
    await user.type(input, '5/12/2026, 9:15')
    expect(value()).toBe('2026-12-05T09:15')
    await user.tab()
    expect(input).toHaveValue('05/12/2026 09:15')

    await user.clear(input)
    await user.type(input, '5/12/2026')
    expect(value()).toBe('')
    expect(input).toHaveAttribute('aria-invalid', 'true')
  })

  it('steps a day in the date part and 15 minutes in the time part', async () => {
    const { input, value, user } = setup({ kind: 'datetime', initial: '2026-12-31T23:50' })
    await user.click(input)
    input.setSelectionRange(1, 1)
    await user.keyboard('{ArrowUp}')
    expect(value()).toBe('2027-01-01T23:50')
    input.setSelectionRange(input.value.length, input.value.length)
    await user.keyboard('{ArrowUp}')
    expect(value()).toBe('2027-01-02T00:05')
  })
})
