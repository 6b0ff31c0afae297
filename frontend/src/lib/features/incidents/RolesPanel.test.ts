import { cleanup, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { roster } from '$lib/stores/roster.svelte'
import { incident, person } from '../../../test/fixtures'
import RolesPanel from './RolesPanel.svelte'

beforeEach(() => {
  roster.reset()
  roster.people = [person({ id: 'p1', name: 'Dana Xu' }), person({ id: 'p2', name: 'Lin Park' })]
})
afterEach(() => cleanup())

describe('RolesPanel', () => {
  it('an open incident has editable roles', () => {
    render(RolesPanel, { props: { incident: incident({ id: 'i1', title: 'Checkout down', status: 'investigating', commanderId: 'p1' }) } })
    expect(screen.getByLabelText('Commander')).toBeInstanceOf(HTMLSelectElement)
    expect(screen.getByRole('button', { name: 'Save roles' })).toBeInTheDocument()
  })

  it('a closed incident shows who held each role, with nothing to change', () => {
    render(RolesPanel, {
      props: { incident: incident({ id: 'i1', title: 'Checkout down', status: 'closed', commanderId: 'p1', responderIds: ['p2'] }) },
    })
    expect(screen.queryAllByRole('combobox')).toHaveLength(0)
    expect(screen.queryByRole('button', { name: 'Save roles' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Dana Xu' })).toHaveAttribute('href', '#/people/p1')
    expect(screen.getByRole('link', { name: 'Lin Park' })).toBeInTheDocument()
    expect(screen.getAllByText('No one')).toHaveLength(2) // scribe and comms
  })
})
