import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, search: vi.fn(), warmSearch: vi.fn(async () => {}) }
})

import * as api from '$lib/api'
import type { SearchHit } from '$lib/api'
import { goError } from '../../../test/fixtures'
import CommandPalette from './CommandPalette.svelte'
import { matchCommands, routeOfHit } from './commands'

const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: 'person',
  id: 'p1',
  person: '',
  team: '',
  title: 'Tomás Ortega',
  detail: 'Staff engineer',
  snippet: '',
  inactive: false,
  ...over,
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

function open() {
  const onrun = vi.fn()
  const onopen = vi.fn()
  const onclose = vi.fn()
  render(CommandPalette, { onrun, onopen, onclose, delay: 0 })
  return { onrun, onopen, onclose, input: screen.getByRole('combobox', { name: 'Search Wheelhouse' }) }
}

describe('CommandPalette', () => {
  it('opens with the field focused and every screen and action listed', async () => {
    const { input } = open()
    await waitFor(() => expect(input).toHaveFocus())
    const options = screen.getAllByRole('option').map((o) => o.textContent?.replace(/\s+/g, ' ').trim())
    expect(options).toContain('People Alt+2')
    expect(options).toContain('Declare an incident')
    expect(api.search).not.toHaveBeenCalled()
    expect(api.warmSearch).toHaveBeenCalledTimes(1) // the index is readied as it opens
  })

  it('searches the workspace as one types, and Enter opens the first record', async () => {
    const user = userEvent.setup()
    vi.mocked(api.search).mockResolvedValue([
      hit({}),
      hit({ kind: 'oneonone', id: 'm1', person: 'p2', title: '1:1 with Dana Xu', detail: '1:1 · 2026-12-02', snippet: '…ask about the sabbatical idea.' }),
    ])
    const { input, onopen } = open()
    await user.type(input, 'tomas')
    await screen.findByText('Tomás Ortega')
    expect(api.search).toHaveBeenLastCalledWith('tomas')
    expect(screen.getByText('…ask about the sabbatical idea.')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('2 records found.')
    // No command is called "tomas": the first option is the first record.
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0].id)
    await user.keyboard('{Enter}')
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1' }))
  })

  it('moves with the arrow keys, wraps, and runs a command with Enter', async () => {
    const user = userEvent.setup()
    vi.mocked(api.search).mockResolvedValue([])
    const { input, onrun } = open()
    await user.type(input, 'on-call')
    await screen.findByText('Nothing in your workspace matches “on-call”.')
    const options = screen.getAllByRole('option')
    expect(options[0]).toHaveTextContent('On-call')
    await user.keyboard('{ArrowUp}') // wraps to the last
    expect(options[options.length - 1]).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(options[1]).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{Enter}')
    expect(onrun).toHaveBeenCalledWith(expect.objectContaining({ id: 'go:oncall/timeoff' }))
  })

  it('Enter pressed before the workspace answered opens the first record when it does', async () => {
    const user = userEvent.setup()
    let release: (v: SearchHit[]) => void = () => {}
    vi.mocked(api.search).mockImplementationOnce(() => new Promise((r) => (release = r)))
    const { input, onopen } = open()
    await user.type(input, 'z')
    await waitFor(() => expect(api.search).toHaveBeenCalledTimes(1))
    await user.keyboard('{Enter}')
    expect(onopen).not.toHaveBeenCalled()
    release([hit({ id: 'z1', title: 'Zq Person' })])
    await waitFor(() => expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 'z1' })))
  })

  it('a click opens the record clicked, not another', async () => {
    const user = userEvent.setup()
    vi.mocked(api.search).mockResolvedValue([hit({ id: 'a', title: 'Ana Lind' }), hit({ id: 'b', title: 'Bo Berg' }), hit({ id: 'c', title: 'Cy Moreau' })])
    const { input, onopen } = open()
    await user.type(input, 'team')
    await user.click(await screen.findByText('Bo Berg'))
    expect(onopen).toHaveBeenCalledTimes(1)
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 'b' }))
  })

  it('says so when the search fails, next to the field', async () => {
    const user = userEvent.setup()
    vi.mocked(api.search).mockRejectedValue(goError({ code: 'invalid', message: 'Search for at most 200 characters.', field: 'query' }))
    const { input } = open()
    await user.type(input, 'x')
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not search: Search for at most 200 characters.')
  })

  it('shows only the answer to the latest query', async () => {
    const user = userEvent.setup()
    let release: (v: SearchHit[]) => void = () => {}
    vi.mocked(api.search)
      .mockImplementationOnce(() => new Promise((r) => (release = r))) // "a": slow
      .mockResolvedValueOnce([hit({ title: 'Ada Okafor' })]) // "ad"
    const { input } = open()
    await user.type(input, 'a')
    await waitFor(() => expect(api.search).toHaveBeenCalledTimes(1))
    await user.type(input, 'd')
    await screen.findByText('Ada Okafor')
    release([hit({ title: 'Stale answer' })])
    await new Promise((r) => setTimeout(r, 20))
    expect(screen.queryByText('Stale answer')).toBeNull()
  })
})

describe('commands', () => {
  it('match every word, accents and case aside, best first', () => {
    expect(matchCommands('follow').map((c) => c.label)).toEqual(['Follow-ups', 'Add a follow-up'])
    expect(matchCommands('TIME off').map((c) => c.id)).toEqual(['go:oncall/timeoff'])
    expect(matchCommands('vacation').map((c) => c.id)).toEqual(['go:oncall/timeoff'])
    expect(matchCommands('zzz')).toEqual([])
  })

  it('records open where they live', () => {
    expect(routeOfHit(hit({ kind: 'oneonone', id: 'm', person: 'p' }))).toEqual({ screen: 'people', id: 'p', tab: 'oneonones' })
    expect(routeOfHit(hit({ kind: 'feedback', id: 'f', person: 'p' }))).toEqual({ screen: 'people', id: 'p', tab: 'feedback' })
    expect(routeOfHit(hit({ kind: 'incident', id: 'i' }))).toEqual({ screen: 'incidents', id: 'i', tab: '' })
    expect(routeOfHit(hit({ kind: 'followup', id: 'f' }))).toEqual({ screen: 'followups', id: 'f', tab: '' })
    expect(routeOfHit(hit({ kind: 'team', id: 't' }))).toEqual({ screen: 'teams', id: 't', tab: '' })
    expect(routeOfHit(hit({ kind: 'plan', id: 'p', person: 'p' }))).toEqual({ screen: 'people', id: 'p', tab: 'growth' })
  })
})
