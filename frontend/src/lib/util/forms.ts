import { tick } from 'svelte'
import type { ApiError } from '$lib/api'

export interface Placed {
  /** Field name -> message, for the fields a form shows. */
  errors: Record<string, string>
  /** What has no field of its own on the form ('' when everything was placed). */
  general: string
}

/**
 * Places a backend error on a form's fields: "tags.2" lands on "tags", and
 * anything without a place becomes the general message above the form.
 * Instead of the list of fields, a function may say where a backend field
 * goes (null: nowhere on the form).
 */
export function placeErrors(err: ApiError, fields: readonly string[] | ((field: string) => string | null)): Placed {
  const errors: Record<string, string> = {}
  const rest: string[] = []
  const placeOf =
    typeof fields === 'function' ? fields : (f: string) => fields.find((k) => f === k || f.startsWith(k + '.')) ?? null
  for (const f of err.fields) {
    const key = placeOf(f.field)
    if (key) {
      if (!(key in errors)) errors[key] = f.message
    } else {
      rest.push(f.message)
    }
  }
  const general = Object.keys(errors).length === 0 ? err.message : rest.join(' ')
  return { errors, general }
}

/** Focuses the input of the first field (in form order) that has an error. */
export async function focusFirstError(
  errors: Record<string, string>,
  order: readonly string[],
  ids: Record<string, string>,
): Promise<void> {
  await tick()
  const first = order.find((f) => errors[f])
  if (first) document.getElementById(ids[first])?.focus()
}
