import { ApiError, toApiError } from '$lib/api'
import { focusFirstError, placeErrors } from './forms'

/** Where a form's fields are: a field -> the id of its input, in form order, or a function of the field. */
export type FieldIds = Record<string, string> | ((field: string) => string | null)

export interface EditorFormOptions {
  /**
   * The form's fields and the ids of their inputs. A record lists them in
   * form order, and a backend field "tags.2" lands on "tags". A function
   * (for fields that come and go, like "skills.3.name") places a backend
   * field only where it returns an id.
   */
  ids: FieldIds
  /** Form order for a function of ids (the first field in error gets the focus). */
  rank?: (field: string) => number
  /** Renames a backend field before it is placed ("evidence.3.label" -> "label"). */
  field?: (backendField: string) => string
  /** Rewrites each message shown (dates as the app writes them, say). */
  text?: (message: string) => string
  /** What gets the focus when no field has an error (the message above the form). */
  banner?: () => HTMLElement | null | undefined
}

/** True for Ctrl+Enter (⌘+Enter on a Mac), the editors' "save". */
export function isSaveKey(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey)
}

/** A keydown handler (a dialog's onkeydown, a form's) that runs save on Ctrl+Enter. */
export function ctrlEnter(save: () => unknown): (e: KeyboardEvent) => void {
  return (e) => {
    if (!isSaveKey(e)) return
    e.preventDefault()
    save()
  }
}

/**
 * The save of an editor (a dialog or an inline form): one save at a time;
 * when the backend refuses, each field error goes next to its field
 * (errors), the rest above the form (general), and the first field in error
 * gets the focus; an edited field loses its stale message.
 */
export class EditorForm {
  /** Field -> message, for the fields the form shows. */
  errors = $state<Record<string, string>>({})
  /** What has no field of its own ('' when everything was placed). */
  general = $state('')
  saving = $state(false)
  readonly #o: EditorFormOptions

  constructor(options: EditorFormOptions) {
    this.#o = options
  }

  /**
   * Saves with run(), unless a save is under way. The last messages go
   * first; a failure is placed (see fail). Resolves true when saved.
   */
  async save(run: () => Promise<unknown>): Promise<boolean> {
    if (this.saving) return false
    this.saving = true
    this.clear()
    try {
      await run()
      return true
    } catch (e) {
      await this.fail(e)
      return false
    } finally {
      this.saving = false
    }
  }

  /** Places what a refused save said on the fields, and focuses the first field in error. */
  async fail(e: unknown): Promise<void> {
    const err = this.#renamed(toApiError(e))
    const ids = this.#o.ids
    const placed = placeErrors(err, typeof ids === 'function' ? (f) => (ids(f) === null ? null : f) : Object.keys(ids))
    const text = this.#o.text ?? ((m: string) => m)
    await this.invalid(
      Object.fromEntries(Object.entries(placed.errors).map(([f, m]) => [f, text(m)])),
      text(placed.general),
    )
  }

  /**
   * Shows messages found before asking the backend (a required field left
   * empty) or after, and focuses the first field in error.
   */
  async invalid(errors: Record<string, string>, general = ''): Promise<void> {
    this.errors = errors
    this.general = general
    const ids = this.#o.ids
    const fields = Object.keys(errors)
    const order =
      typeof ids === 'function'
        ? fields.sort((a, b) => (this.#o.rank?.(a) ?? 0) - (this.#o.rank?.(b) ?? 0))
        : Object.keys(ids)
    const byId = typeof ids === 'function' ? Object.fromEntries(fields.map((f) => [f, ids(f) ?? ''])) : ids
    await focusFirstError(errors, order, byId)
    if (general && !fields.some((f) => document.getElementById(byId[f] ?? ''))) this.#o.banner?.()?.focus()
  }

  /** Forgets the messages. */
  clear(): void {
    this.errors = {}
    this.general = ''
  }

  /** For a form's oninput and onchange: the edited field loses its (now stale) message. */
  readonly edited = (e: Event): void => {
    const id = (e.target as HTMLElement | null)?.id
    if (!id) return
    const ids = this.#o.ids
    const field =
      typeof ids === 'function'
        ? Object.keys(this.errors).find((f) => ids(f) === id)
        : Object.keys(ids).find((f) => ids[f] === id)
    if (field && this.errors[field]) delete this.errors[field]
  }

  #renamed(err: ApiError): ApiError {
    const rename = this.#o.field
    if (!rename) return err
    const fields = err.fields.map((f) => ({ ...f, field: rename(f.field) }))
    return new ApiError(err.code, err.message, fields)
  }
}
