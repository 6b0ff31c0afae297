import { toApiError } from './errors'

/** performance.now() when the last bound call answered (api/perf.ts times screen switches with it). */
export const answers = { last: 0 }

function answered(): void {
  if (typeof performance !== 'undefined') answers.last = performance.now()
}

/** Runs a bound call and turns a rejection into an ApiError. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    const v = await fn()
    answered()
    return v
  } catch (err) {
    answered()
    throw toApiError(err)
  }
}
