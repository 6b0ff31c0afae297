import { cleanup, render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ZONES } from '../../test/fixtures'
import TimeZonePicker, { filterZones } from './TimeZonePicker.svelte'

afterEach(() => cleanup())

function setup(value = '') {
  const onchange = vi.fn()
  render(TimeZonePicker, { props: { id: 'tz', value, zones: ZONES, onchange } })
  return { onchange, input: screen.getByRole('combobox') as HTMLInputElement, user: userEvent.setup() }
}

describe('filterZones', () => {
  it('matches every word against the name (underscores as spaces) and the offset', () => {
    expect(filterZones(ZONES, 'new york').map((z) => z.name)).toEqual(['America/New_York'])
    expect(filterZones(ZONES, 'lord_howe').map((z) => z.name)).toEqual(['Australia/Lord_Howe'])
    expect(filterZones(ZONES, '+05:30').map((z) => z.name)).toEqual(['Asia/Kolkata'])
    expect(filterZones(ZONES, 'europe zzz')).toEqual([])
    expect(filterZones(ZONES, '  ')).toHaveLength(ZONES.length)
  })
})

describe('TimeZonePicker', () => {
  it('filters the list by what is typed and shows offsets', async () => {
    const { input, user } = setup()
    await user.type(input, 'kolk')
    const options = screen.getAllByRole('option')
    expect(options).toHaveLength(1)
    expect(options[0]).toHaveTextContent('Asia/Kolkata')
    expect(options[0]).toHaveTextContent('UTC+05:30')
    expect(input).toHaveAttribute('aria-expanded', 'true')

    await user.clear(input)
    await user.type(input, 'europe')
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringContaining('Europe/Berlin'),
      expect.stringContaining('Europe/London'),
    ])
  })

  it('selects with the arrow keys and Enter', async () => {
    const { input, onchange, user } = setup()
    await user.type(input, 'america')
    // Typing highlights the first match; ArrowDown moves to the second.
    await user.keyboard('{ArrowDown}')
    const active = input.getAttribute('aria-activedescendant')
    expect(active).toBeTruthy()
    expect(document.getElementById(active!)).toHaveTextContent('America/New York')
    await user.keyboard('{Enter}')
    expect(input.value).toBe('America/New_York')
    expect(onchange).toHaveBeenLastCalledWith('America/New_York')
    expect(screen.queryByRole('listbox')).toBeNull()

    // ArrowUp wraps around from the top.
    await user.clear(input)
    await user.type(input, 'europe')
    await user.keyboard('{ArrowUp}{Enter}')
    expect(input.value).toBe('Europe/London')
  })

  it('Escape closes the list without choosing', async () => {
    const { input, onchange, user } = setup('Europe/Berlin')
    await user.click(input)
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('listbox')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(input.value).toBe('Europe/Berlin')
    expect(onchange).not.toHaveBeenCalled()
  })

  it('keeps unknown typed text on blur so the backend can judge it, and normalises case', async () => {
    const { input, onchange, user } = setup()
    await user.type(input, 'Mars/Olympus')
    expect(screen.getByRole('option')).toHaveTextContent('No time zone matches')
    await user.tab()
    expect(input.value).toBe('Mars/Olympus')
    expect(onchange).toHaveBeenLastCalledWith('Mars/Olympus')

    await user.clear(input)
    await user.type(input, 'europe/berlin')
    await user.tab()
    expect(input.value).toBe('Europe/Berlin')
  })
})
