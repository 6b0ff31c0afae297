import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>()
  return { ...actual, pagesSummary: vi.fn(), choosePagesFile: vi.fn(), previewPages: vi.fn(), applyPages: vi.fn() }
})

import * as api from '$lib/api'
import { ApiError, type PagesResult, type PagesSummary } from '$lib/api'
import { loadedRoster, person } from '../../../test/fixtures'
import PagesPanel from './PagesPanel.svelte'

const FIELDS = ['id', 'created', 'ack_user', 'ignore']
const EMPTY: PagesSummary = { pages: 0, imports: [], fields: FIELDS, sources: ['auto', 'pagerduty'] }

function result(r: Partial<PagesResult> = {}): PagesResult {
  return {
    source: 'pagerduty',
    fingerprint: 'f1',
    rows: 3,
    added: 3,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    badRows: 0,
    bad: [],
    byAcknowledger: 0,
    byOnCall: 0,
    noResponder: 3,
    unmatched: [],
    unmatchedNames: 0,
    applied: false,
    header: [
      { name: 'id', fields: ['id'], by: 'auto', zone: '', sample: 'P1' },
      { name: 'created_at', fields: ['created'], by: 'auto', zone: '', sample: '2026-11-03T09:15:00Z' },
      { name: 'Handled By', fields: [], by: '', zone: '', sample: 'Ann Lee' },
    ],
    missing: [],
    problem: '',
    first: '2026-11-03T09:15:00Z',
    last: '2026-11-05T22:40:00Z',
    columnMap: {},
    personMap: {},
    remembered: null,
    ...r,
  }
}

describe('PagesPanel', () => {
  beforeEach(() => {
    loadedRoster({ people: [person({ id: 'p-jo', name: 'Jo Nunez' })] })
    vi.mocked(api.pagesSummary).mockResolvedValue(EMPTY)
    vi.mocked(api.choosePagesFile).mockResolvedValue('/exports/incidents.csv')
  })
  afterEach(() => {
    cleanup()
    vi.clearAllMocks()
  })

  it('says nothing is imported yet, and a cancelled dialog changes nothing', async () => {
    vi.mocked(api.choosePagesFile).mockResolvedValue('')
    render(PagesPanel)
    await screen.findByRole('heading', { name: 'No pages imported yet' })
    await userEvent.click(screen.getByRole('button', { name: 'Import pages…' }))
    expect(api.previewPages).not.toHaveBeenCalled()
    expect(screen.queryByRole('region', { name: /^Import / })).toBeNull()
  })

  it('maps a column and a name, re-previews with them, and applies with the preview’s fingerprint', async () => {
    vi.mocked(api.previewPages)
      .mockResolvedValueOnce(result())
      .mockResolvedValueOnce(result({ unmatched: [{ name: 'J. N.', pages: 2 }], unmatchedNames: 1, byAcknowledger: 1, noResponder: 2,
        columnMap: { 'Handled By': 'ack_user' } }))
      .mockResolvedValueOnce(result({ byAcknowledger: 3, noResponder: 0, columnMap: { 'Handled By': 'ack_user' }, personMap: { 'J. N.': 'p-jo' }, fingerprint: 'f3' }))
    vi.mocked(api.applyPages).mockResolvedValue(result({ applied: true }))
    render(PagesPanel)
    await userEvent.click(await screen.findByRole('button', { name: 'Import pages…' }))
    const imp = await screen.findByRole('region', { name: 'Import incidents.csv' })
    expect(api.previewPages).toHaveBeenLastCalledWith('/exports/incidents.csv', expect.objectContaining({ useRemembered: true, columns: {}, people: {} }))
    const handled = await within(imp).findByLabelText('Read Handled By as')
    expect(within(imp).getByText('not read')).toBeTruthy()
    await userEvent.selectOptions(handled, 'ack_user')
    await waitFor(() => expect(api.previewPages).toHaveBeenCalledTimes(2))
    expect(api.previewPages).toHaveBeenLastCalledWith('/exports/incidents.csv', expect.objectContaining({ useRemembered: false, columns: { 'Handled By': 'ack_user' } }))
    const picker = await within(imp).findByLabelText('Person for J. N.')
    await userEvent.selectOptions(picker, 'p-jo')
    await waitFor(() => expect(api.previewPages).toHaveBeenCalledTimes(3))
    expect(api.previewPages).toHaveBeenLastCalledWith('/exports/incidents.csv', expect.objectContaining({ people: { 'J. N.': 'p-jo' } }))
    await within(imp).findByText('Names of the file mapped to people.')
    await userEvent.click(within(imp).getByRole('button', { name: 'Import 3 pages' }))
    expect(api.applyPages).toHaveBeenCalledWith('/exports/incidents.csv', expect.objectContaining({
      columns: { 'Handled By': 'ack_user' }, people: { 'J. N.': 'p-jo' }, fingerprint: 'f3' }))
    await screen.findByText(/Imported 3 new and 0 updated pages/)
    expect(screen.queryByRole('region', { name: /^Import / })).toBeNull()
  })

  it('lists bad rows with their lines and does not offer to apply', async () => {
    vi.mocked(api.previewPages).mockResolvedValue(result({ added: 1, badRows: 2,
      bad: [{ line: 3, field: 'created', message: '"last tuesday" is not a time' }, { line: 4, field: 'id', message: 'the page has no id' }] }))
    render(PagesPanel)
    await userEvent.click(await screen.findByRole('button', { name: 'Import pages…' }))
    const list = await screen.findByRole('list', { name: 'Rows that cannot be imported' })
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Line 3\s*Created at\s*"last tuesday" is not a time/),
      expect.stringMatching(/^Line 4\s*Page id\s*the page has no id/),
    ])
    expect((screen.getByRole('button', { name: 'Import 1 page' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows a file without an id column for mapping, and a re-import as nothing new', async () => {
    vi.mocked(api.previewPages).mockResolvedValueOnce(result({ rows: 0, added: 0, missing: ['id'], problem: 'No column holds the page’s id',
      header: [{ name: 'Ticket', fields: [], by: '', zone: '', sample: 'T-1' }] }))
    render(PagesPanel)
    await userEvent.click(await screen.findByRole('button', { name: 'Import pages…' }))
    await screen.findByText(/No column holds the page’s id\. Choose the column/)
    expect(screen.queryByRole('heading', { name: 'Nothing new' })).toBeNull()
    vi.mocked(api.previewPages).mockResolvedValueOnce(result({ added: 0, unchanged: 3,
      remembered: { savedAt: '2026-11-20T10:00:00Z', columns: 1, people: 0 }, columnMap: { 'Handled By': 'ack_user' } }))
    await userEvent.click(screen.getByRole('button', { name: 'Choose another file…' }))
    await screen.findByRole('heading', { name: 'Nothing new' })
    expect(screen.getByText(/Used the mapping remembered from your import of/)).toBeTruthy()
    expect((screen.getByLabelText('Read Handled By as') as HTMLSelectElement).value).toBe('ack_user')
    expect((screen.getByRole('button', { name: 'Import 0 pages' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('says so when the file cannot be chosen or read', async () => {
    vi.mocked(api.choosePagesFile).mockRejectedValueOnce(new ApiError('unavailable', 'Choosing a file needs the desktop app’s file dialog.'))
    render(PagesPanel)
    await userEvent.click(await screen.findByRole('button', { name: 'Import pages…' }))
    expect((await screen.findByText('Choosing a file needs the desktop app’s file dialog.')).getAttribute('role')).toBe('alert')
    vi.mocked(api.previewPages).mockRejectedValueOnce(new ApiError('invalid', 'The file is empty.'))
    await userEvent.click(screen.getByRole('button', { name: 'Import pages…' }))
    const imp = await screen.findByRole('region', { name: 'Import incidents.csv' })
    expect(within(imp).getByRole('alert').textContent).toBe('The file is empty.')
  })

  it('puts a mapping error next to the columns', async () => {
    vi.mocked(api.previewPages)
      .mockResolvedValueOnce(result())
      .mockRejectedValueOnce(new ApiError('invalid', 'The columns "a" and "b" are both read as id.', [{ field: 'columns', message: 'The columns "a" and "b" are both read as id.' }]))
    render(PagesPanel)
    await userEvent.click(await screen.findByRole('button', { name: 'Import pages…' }))
    await userEvent.selectOptions(await screen.findByLabelText('Read Handled By as'), 'id')
    const alert = await screen.findByText('The columns "a" and "b" are both read as id.')
    expect(alert.getAttribute('role')).toBe('alert')
  })
})
