// Paging history imported from the exports of paging tools (decisions 0014
// and 0020): a file chosen with the native dialog is previewed and applied
// by path.
import * as Pg from '$wails/go/app/PagesAPI'
import { app as wapp } from '$wails/go/models'
import { call } from './call'
import { arr, callRaw, num, obj, optTime, str, strs, type Raw } from './decode'

export interface PageColumn {
  name: string
  /** The fields it is read as ([] when it is not read). */
  fields: string[]
  /** 'map' named by the mapping ('ignore' when fields is empty), 'auto' by a synonym, '' not read. */
  by: '' | 'map' | 'auto'
  zone: string
  sample: string
}

export interface PageRowError {
  line: number
  field: string
  message: string
}

export interface PagesResult {
  source: string
  fingerprint: string
  rows: number
  added: number
  updated: number
  unchanged: number
  duplicates: number
  badRows: number
  bad: PageRowError[]
  byAcknowledger: number
  byOnCall: number
  noResponder: number
  unmatched: { name: string; pages: number }[]
  unmatchedNames: number
  applied: boolean
  header: PageColumn[]
  missing: string[]
  problem: string
  first?: string
  last?: string
  columnMap: Record<string, string>
  personMap: Record<string, string>
  remembered: { savedAt: string; columns: number; people: number } | null
}

export interface PagesOptions {
  source: string
  /** Column as in the file -> field name or 'ignore'. */
  columns: Record<string, string>
  /** User name as in the file -> person id. */
  people: Record<string, string>
  useRemembered?: boolean
  fingerprint?: string
}

export interface PageImport {
  id: string
  file: string
  source: string
  state: string
  startedAt: string
  finishedAt?: string
  added: number
  updated: number
  unchanged: number
  skipped: number
}

export interface PagesSummary {
  pages: number
  imports: PageImport[]
  fields: string[]
  sources: string[]
}

function record(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, x] of Object.entries(obj(v))) if (typeof x === 'string') out[k] = x
  return out
}

function resultOf(r: Raw): PagesResult {
  const rem = obj(r.remembered)
  return {
    source: str(r.source),
    fingerprint: str(r.fingerprint),
    rows: num(r.rows),
    added: num(r.added),
    updated: num(r.updated),
    unchanged: num(r.unchanged),
    duplicates: num(r.duplicates),
    badRows: num(r.badRows),
    bad: arr(r.bad).map((b) => ({ line: num(b.line), field: str(b.field), message: str(b.message) })),
    byAcknowledger: num(r.byAcknowledger),
    byOnCall: num(r.byOnCall),
    noResponder: num(r.noResponder),
    unmatched: arr(r.unmatched).map((u) => ({ name: str(u.name), pages: num(u.pages) })),
    unmatchedNames: num(r.unmatchedNames),
    applied: r.applied === true,
    header: arr(r.header).map((c) => ({
      name: str(c.name),
      fields: strs(c.fields),
      by: (['map', 'auto'].includes(str(c.by)) ? str(c.by) : '') as PageColumn['by'],
      zone: str(c.zone),
      sample: str(c.sample),
    })),
    missing: strs(r.missing),
    problem: str(r.problem),
    first: optTime(r.first),
    last: optTime(r.last),
    columnMap: record(r.columnMap),
    personMap: record(r.personMap),
    remembered: r.remembered ? { savedAt: str(rem.savedAt), columns: num(rem.columns), people: num(rem.people) } : null,
  }
}

function optionsBody(o: PagesOptions) {
  return wapp.PagesOptionsDTO.createFrom({
    source: o.source,
    columns: o.columns,
    people: o.people,
    useRemembered: o.useRemembered === true,
    fingerprint: o.fingerprint ?? '',
  })
}

/** The stored pages, the last imports and what a column can be read as. */
export async function pagesSummary(): Promise<PagesSummary> {
  const r = await callRaw(() => Pg.Summary())
  return {
    pages: num(r.pages),
    imports: arr(r.imports).map((l) => ({
      id: str(l.id),
      file: str(l.file),
      source: str(l.source),
      state: str(l.state),
      startedAt: str(l.startedAt),
      finishedAt: optTime(l.finishedAt),
      added: num(l.added),
      updated: num(l.updated),
      unchanged: num(l.unchanged),
      skipped: num(l.skipped),
    })),
    fields: strs(r.fields),
    sources: strs(r.sources),
  }
}

/** Asks for an export with the native open dialog; '' = cancelled. */
export async function choosePagesFile(): Promise<string> {
  return str(await call(() => Pg.ChooseFile()))
}

/** What importing the file would do; nothing is written. */
export async function previewPages(path: string, o: PagesOptions): Promise<PagesResult> {
  return resultOf(await callRaw(() => Pg.Preview(path, optionsBody(o))))
}

/** Imports the file, all or nothing, and remembers the mapping. */
export async function applyPages(path: string, o: PagesOptions): Promise<PagesResult> {
  return resultOf(await callRaw(() => Pg.Apply(path, optionsBody(o))))
}
