import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '$lib/api'
import { ctrlEnter, EditorForm, isSaveKey } from './editorForm.svelte'

/** What Go rejects with: a JSON string. */
const refused = (fields: { field: string; message: string }[], message = 'Check the form.') =>
  JSON.stringify({ code: 'invalid', message, fields })

function inputs(...ids: string[]): HTMLInputElement[] {
  return ids.map((id) => {
    const el = document.createElement('input')
    el.id = id
    document.body.append(el)
    return el
  })
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('EditorForm.save', () => {
  it('resolves true when saved, with no messages left', async () => {
    const ed = new EditorForm({ ids: { name: 'f-name' } })
    ed.errors = { name: 'old' }
    ed.general = 'old'
    const run = vi.fn(async () => {})
    expect(await ed.save(run)).toBe(true)
    expect(run).toHaveBeenCalledOnce()
    expect(ed.errors).toEqual({})
    expect(ed.general).toBe('')
    expect(ed.saving).toBe(false)
  })

  it('saves once at a time: a second save while the first runs does nothing', async () => {
    const ed = new EditorForm({ ids: {} })
    let finish!: () => void
    const first = ed.save(() => new Promise<void>((r) => (finish = r)))
    expect(ed.saving).toBe(true)
    const run = vi.fn(async () => {})
    expect(await ed.save(run)).toBe(false)
    expect(run).not.toHaveBeenCalled()
    finish()
    expect(await first).toBe(true)
    expect(ed.saving).toBe(false)
  })

  it('puts field errors next to their fields (tags.2 on tags) and focuses the first field in form order', async () => {
    const [, end, tags] = inputs('f-start', 'f-end', 'f-tags')
    const ed = new EditorForm({ ids: { start: 'f-start', end: 'f-end', tags: 'f-tags' } })
    const saved = await ed.save(async () => {
      throw refused([
        { field: 'tags.2', message: 'Too long.' },
        { field: 'end', message: 'End after the start.' },
        { field: 'tags.3', message: 'Also too long.' },
      ])
    })
    expect(saved).toBe(false)
    expect(ed.errors).toEqual({ end: 'End after the start.', tags: 'Too long.' })
    expect(ed.general).toBe('')
    expect(document.activeElement).toBe(end)
    expect(document.activeElement).not.toBe(tags)
  })

  it('says above the form what has no field on it, and the whole message when nothing was placed', async () => {
    inputs('f-name')
    const ed = new EditorForm({ ids: { name: 'f-name' } })
    await ed.save(async () => {
      throw refused([
        { field: 'name', message: 'Name is required.' },
        { field: 'members', message: 'Someone left.' },
      ])
    })
    expect(ed.errors).toEqual({ name: 'Name is required.' })
    expect(ed.general).toBe('Someone left.')

    await ed.save(async () => {
      throw JSON.stringify({ code: 'conflict', message: 'Changed elsewhere; reload.' })
    })
    expect(ed.errors).toEqual({})
    expect(ed.general).toBe('Changed elsewhere; reload.')
  })

  it('renames backend fields and rewrites messages as asked', async () => {
    inputs('n-label')
    const ed = new EditorForm({
      ids: { label: 'n-label' },
      field: (f) => f.replace(/^evidence\.\d+\./, ''),
      text: (m) => m.replace('2026-03-01', '1 Mar 2026'),
    })
    await ed.save(async () => {
      throw refused([{ field: 'evidence.4.label', message: 'Not after 2026-03-01.' }])
    })
    expect(ed.errors).toEqual({ label: 'Not after 1 Mar 2026.' })
  })

  it('places fields that come and go with a function of the field, focusing by rank', async () => {
    const [, skill1] = inputs('p-name', 'p-skill-1-name')
    const idOf = (f: string) => (f === 'name' ? 'p-name' : /^skills\.(\d)\.name$/.test(f) ? `p-skill-${f.split('.')[1]}-name` : null)
    const ed = new EditorForm({ ids: idOf, rank: (f) => (f === 'name' ? 0 : 100) })
    await ed.save(async () => {
      throw refused([
        { field: 'skills.1.name', message: 'Name the skill.' },
        { field: 'nickname', message: 'Not a field.' },
      ])
    })
    expect(ed.errors).toEqual({ 'skills.1.name': 'Name the skill.' })
    expect(ed.general).toBe('Not a field.')
    expect(document.activeElement).toBe(skill1)
  })

  it('focuses the banner when no field on the form has an error', async () => {
    const banner = document.createElement('div')
    banner.tabIndex = -1
    document.body.append(banner)
    const ed = new EditorForm({ ids: () => null, banner: () => banner })
    await ed.save(async () => {
      throw refused([], 'The workspace is read-only.')
    })
    expect(ed.general).toBe('The workspace is read-only.')
    expect(document.activeElement).toBe(banner)
  })

  it('keeps a thrown ApiError as it is', async () => {
    const ed = new EditorForm({ ids: { name: 'x' } })
    await ed.save(async () => {
      throw new ApiError('invalid', 'Bad name.', [{ field: 'name', message: 'Bad name.' }])
    })
    expect(ed.errors).toEqual({ name: 'Bad name.' })
  })
})

describe('EditorForm.invalid and edited', () => {
  it('shows errors found before asking the backend and focuses the first', async () => {
    const [owner] = inputs('f-owner', 'f-title')
    const ed = new EditorForm({ ids: { title: 'f-title', owner: 'f-owner' } })
    await ed.invalid({ owner: 'Choose who owns it.' })
    expect(ed.errors).toEqual({ owner: 'Choose who owns it.' })
    expect(document.activeElement).toBe(owner)
  })

  it('an edited field loses its message; the others keep theirs', () => {
    const [name, role] = inputs('f-name', 'f-role')
    const ed = new EditorForm({ ids: { name: 'f-name', role: 'f-role' } })
    ed.errors = { name: 'Required.', role: 'Too long.' }
    name.addEventListener('input', ed.edited)
    name.dispatchEvent(new Event('input', { bubbles: true }))
    expect(ed.errors).toEqual({ role: 'Too long.' })
    role.dispatchEvent(new Event('input', { bubbles: true })) // no listener: unchanged
    expect(ed.errors).toEqual({ role: 'Too long.' })
  })

  it('clear forgets the messages', () => {
    const ed = new EditorForm({ ids: {} })
    ed.errors = { a: 'x' }
    ed.general = 'y'
    ed.clear()
    expect(ed.errors).toEqual({})
    expect(ed.general).toBe('')
  })
})

describe('Ctrl+Enter saves', () => {
  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { cancelable: true, ...init })

  it('Ctrl+Enter and ⌘+Enter, not Enter alone or another key', () => {
    expect(isSaveKey(key({ key: 'Enter', ctrlKey: true }))).toBe(true)
    expect(isSaveKey(key({ key: 'Enter', metaKey: true }))).toBe(true)
    expect(isSaveKey(key({ key: 'Enter' }))).toBe(false)
    expect(isSaveKey(key({ key: 's', ctrlKey: true }))).toBe(false)
  })

  it('ctrlEnter runs the save and keeps the key from doing anything else', () => {
    const save = vi.fn()
    const handler = ctrlEnter(save)
    const plain = key({ key: 'Enter' })
    handler(plain)
    expect(save).not.toHaveBeenCalled()
    expect(plain.defaultPrevented).toBe(false)
    const e = key({ key: 'Enter', ctrlKey: true })
    handler(e)
    expect(save).toHaveBeenCalledOnce()
    expect(e.defaultPrevented).toBe(true)
  })
})
