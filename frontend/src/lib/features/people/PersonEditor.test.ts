import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return {
    ...actual,
    createPerson: vi.fn(),
    updatePerson: vi.fn(),
    loadDirectory: vi.fn(),
    loadTimeZones: vi.fn(),
  }
})

import * as api from '$lib/api'
import { roster } from '$lib/stores/roster.svelte'
import { timezones } from '$lib/stores/timezones.svelte'
import { toasts } from '$lib/stores/toasts.svelte'
import { directory, goError, loadedRoster, person, ZONES } from '../../../test/fixtures'
import PersonEditor from './PersonEditor.svelte'

const TZ_MESSAGE = '"Mars/Olympus" is not a known time zone; pick one from the list (e.g. Europe/Berlin).'

beforeEach(() => {
  timezones.reset()
  toasts.reset()
  loadedRoster({ ladder: ['L1', 'L2', 'L3'], people: [person({ id: 'm1', name: 'Alex Morgan' })] })
  vi.mocked(api.loadTimeZones).mockResolvedValue(ZONES)
  vi.mocked(api.loadDirectory).mockResolvedValue(directory())
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Name'), 'Dana Xu')
  await user.type(screen.getByLabelText('E-mail'), 'dana@')
  const tz = screen.getByLabelText('Time zone')
  await user.clear(tz)
  await user.type(tz, 'Mars/Olympus')
  await user.click(screen.getByRole('button', { name: 'Add skill' }))
}

describe('PersonEditor', () => {
  it('shows server field errors next to the matching fields and focuses the first one', async () => {
    const user = userEvent.setup()
    vi.mocked(api.createPerson).mockRejectedValue(
      goError({
        code: 'invalid',
        message: 'Problems',
        field: 'timezone',
        // Not in visual order on purpose: focus must go to E-mail, the first field on screen.
        fields: [
          { field: 'timezone', message: TZ_MESSAGE },
          { field: 'skills.0.name', message: 'Skill name is required.' },
          { field: 'email', message: '"dana@" is not an e-mail address.' },
        ],
      }),
    )
    const onclose = vi.fn()
    render(PersonEditor, { props: { id: '', onclose } })
    await fillBasics(user)
    await user.click(screen.getByRole('button', { name: 'Save' }))

    // What was typed in the time zone box is what the backend got.
    expect(api.createPerson).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Dana Xu', email: 'dana@', timezone: 'Mars/Olympus', skills: [{ name: '', level: 2 }] }),
    )

    const tz = screen.getByLabelText('Time zone')
    await waitFor(() => expect(tz).toHaveAttribute('aria-invalid', 'true'))
    expect(tz).toHaveAccessibleDescription(TZ_MESSAGE)
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('"dana@" is not an e-mail address.')
    expect(screen.getByLabelText('Skill 1')).toHaveAccessibleDescription('Skill name is required.')
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid')
    await waitFor(() => expect(screen.getByLabelText('E-mail')).toHaveFocus())
    expect(onclose).not.toHaveBeenCalled()
    // No general banner when every error has a place.
    expect(screen.queryByText('Problems')).toBeNull()
  })

  it('shows an error without a field in a banner and keeps the dialog open', async () => {
    const user = userEvent.setup()
    vi.mocked(api.createPerson).mockRejectedValue(
      goError({ code: 'unavailable', message: 'The data folder is locked by another Wheelhouse.' }),
    )
    const onclose = vi.fn()
    render(PersonEditor, { props: { id: '', onclose } })
    await user.type(screen.getByLabelText('Name'), 'Dana Xu')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const alerts = await screen.findAllByRole('alert')
    expect(alerts.map((a) => a.textContent)).toContain('The data folder is locked by another Wheelhouse.')
    expect(onclose).not.toHaveBeenCalled()
  })

  it('saves with Ctrl+Enter, sends skill levels as numbers and closes', async () => {
    const user = userEvent.setup()
    vi.mocked(api.createPerson).mockImplementation(async (input) =>
      person({ ...input, id: 'new1', name: input.name }),
    )
    const onclose = vi.fn()
    render(PersonEditor, { props: { id: '', onclose } })
    await user.type(screen.getByLabelText('Name'), 'Kofi Mensah')
    await user.selectOptions(screen.getByLabelText('Level'), 'L2')
    await user.selectOptions(screen.getByLabelText('Manager'), 'Alex Morgan')
    await user.selectOptions(screen.getByLabelText('Career aspiration'), 'Management')
    await user.click(screen.getByRole('button', { name: 'Add skill' }))
    await user.type(screen.getByLabelText('Skill 1'), 'Go')
    await user.selectOptions(screen.getByLabelText('Skill 1 proficiency'), '4 · Expert')
    await user.keyboard('{Control>}{Enter}{/Control}')

    await waitFor(() => expect(onclose).toHaveBeenCalled())
    const input = vi.mocked(api.createPerson).mock.calls[0][0]
    expect(input).toMatchObject({
      name: 'Kofi Mensah',
      level: 'L2',
      managerId: 'm1',
      aspiration: 'management',
      skills: [{ name: 'Go', level: 4 }],
    })
    // New people default to this computer's zone.
    expect(input.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    expect(toasts.items.map((t) => t.message)).toContain('Added Kofi Mensah.')
  })

  it('Escape cancels without saving', async () => {
    const user = userEvent.setup()
    const onclose = vi.fn()
    render(PersonEditor, { props: { id: '', onclose } })
    await user.type(screen.getByLabelText('Name'), 'Someone')
    await user.keyboard('{Escape}')
    expect(onclose).toHaveBeenCalledTimes(1)
    expect(api.createPerson).not.toHaveBeenCalled()
  })
})
