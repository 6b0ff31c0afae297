import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, createIncident: vi.fn(), listIncidents: vi.fn() }
})

import * as api from '$lib/api'
import { incidents } from '$lib/stores/incidents.svelte'
import { roster } from '$lib/stores/roster.svelte'
import { router } from '$lib/stores/router.svelte'
import { goError, incident, loadedRoster, person } from '../../../test/fixtures'
import IncidentEditor from './IncidentEditor.svelte'

beforeEach(() => {
  incidents.reset()
  router.reset()
  loadedRoster({
    people: [person({ id: 'p1', name: 'Dana Xu' })],
    services: [{ id: 's1', name: 'payments-api', description: '', criticality: 'customer_24x7', teamId: 't', primaryId: '', secondaryId: '' }],
  })
  vi.mocked(api.listIncidents).mockResolvedValue([])
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('IncidentEditor (new incident)', () => {
  it('puts the backend’s messages next to their fields and focuses the first', async () => {
    const user = userEvent.setup()
    vi.mocked(api.createIncident).mockRejectedValue(
      goError({
        code: 'invalid',
        message: 'Problems',
        fields: [
          { field: 'startedAt', message: 'Start time is in the future.' },
          { field: 'title', message: 'Title is required.' },
          { field: 'tags.1', message: 'Tag is too long (41 characters; at most 40).' },
        ],
      }),
    )
    const onclose = vi.fn()
    render(IncidentEditor, { props: { onclose } })
    await user.type(screen.getByLabelText('Tags'), 'a, bbbbb')
    await user.click(screen.getByRole('button', { name: 'Create incident' }))

    const title = screen.getByLabelText('Title')
    await waitFor(() => expect(title).toHaveAccessibleDescription('Title is required.'))
    expect(title).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Started at')).toHaveAccessibleDescription('Start time is in the future.')
    expect(screen.getByLabelText('Tags')).toHaveAccessibleDescription('Tag is too long (41 characters; at most 40).')
    await waitFor(() => expect(title).toHaveFocus())
    expect(screen.queryByText('Problems')).toBeNull()
    expect(onclose).not.toHaveBeenCalled()
  })

  it('creates the incident with what was filled in and opens it', async () => {
    const user = userEvent.setup()
    vi.mocked(api.createIncident).mockImplementation(async (input) => ({
      incident: incident({ id: 'i9', title: input.title }),
      followUps: [],
    }))
    const onclose = vi.fn()
    render(IncidentEditor, { props: { onclose } })
    await user.type(screen.getByLabelText('Title'), 'Checkout down')
    await user.selectOptions(screen.getByLabelText('Severity'), 'SEV1')
    await user.selectOptions(screen.getByLabelText('Commander'), 'Dana Xu')
    await user.click(screen.getByRole('checkbox', { name: 'payments-api' }))
    await user.type(screen.getByLabelText('Tags'), 'payments, deploy')
    await user.keyboard('{Control>}{Enter}{/Control}')

    await waitFor(() => expect(onclose).toHaveBeenCalled())
    const input = vi.mocked(api.createIncident).mock.calls[0][0]
    expect(input).toMatchObject({
      title: 'Checkout down',
      severity: 1,
      commanderId: 'p1',
      affectedServiceIds: ['s1'],
      tags: ['payments', 'deploy'],
    })
    // "Started at" defaults to now and crosses as RFC 3339 UTC.
    expect(input.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/)
    expect(router.route).toEqual({ screen: 'incidents', id: 'i9', tab: '' })
  })

  it('refuses an empty start time itself (an empty time never reaches Go)', async () => {
    const user = userEvent.setup()
    render(IncidentEditor, { props: { onclose: vi.fn() } })
    await user.type(screen.getByLabelText('Title'), 'Checkout down')
    await user.clear(screen.getByLabelText('Started at'))
    await user.click(screen.getByRole('button', { name: 'Create incident' }))
    expect(screen.getByLabelText('Started at')).toHaveAccessibleDescription('When did the incident start? Pick a date and time.')
    expect(api.createIncident).not.toHaveBeenCalled()
  })
})
