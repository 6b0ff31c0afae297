// Reading what a bound call answered (docs/decisions/0006). Go omits zero
// values (empty strings, false, zero times and ids) and encodes a nil slice as
// null; the generated classes type times as `any`. These turn whatever came
// into the clean shapes of types.ts: a missing string is '', a missing list
// is [], a missing time is undefined. Only the api/ modules use them.
import { call } from './call'

/** A JSON object as it crossed the bridge, before decoding. */
export type Raw = Record<string, unknown>

/** The string, or '' for anything else (missing, null, a number). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/** The string, or fallback when it is missing or '' (an enum Go left out). */
export function strOr<T extends string>(v: unknown, fallback: T): T {
  return (str(v) || fallback) as T
}

/** A finite number, or 0. */
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

/** true only for true (Go leaves false out). */
export function bool(v: unknown): boolean {
  return v === true
}

/** The array, or [] (a nil slice arrives as null). Its items are not checked. */
export function arr<T = Raw>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : []
}

/** The strings of an array ([] for anything that is not one). */
export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** The object, or {} for anything else (missing, null, a string). */
export function obj(v: unknown): Raw {
  return typeof v === 'object' && v !== null ? (v as Raw) : {}
}

/** The object, or null when there is none (a turn nobody holds). */
export function objOrNull(v: unknown): Raw | null {
  return typeof v === 'object' && v !== null ? (v as Raw) : null
}

/** An instant that may be unset: the string, or undefined for a missing or empty one. */
export function optTime(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * A copy of o without the given keys where they are undefined or '': Go
 * cannot read '' as a time, so an unset time is left out of what is sent.
 */
export function dropEmpty<T extends object>(o: T, keys: readonly string[]): T {
  const out = { ...o } as Raw
  for (const k of keys) if (out[k] === undefined || out[k] === '') delete out[k]
  return out as T
}

/** Runs a bound call (see call) and reads its answer as an object ({} when it answered null). */
export async function callRaw(fn: () => Promise<unknown>): Promise<Raw> {
  return obj(await call(fn))
}

/** Runs a bound call that answers a list and reads it ([] when it answered null). */
export async function callList<T = Raw>(fn: () => Promise<unknown>): Promise<T[]> {
  return arr<T>(await call(fn))
}
