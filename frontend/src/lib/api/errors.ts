// ApiError is how every failed backend call reaches the UI. The Go side
// rejects with a string holding JSON ({code, message, field?, fields?});
// anything else (a plain string, an Error, undefined) becomes an internal error.

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'unavailable' | 'internal' | 'locked'

export interface FieldError {
  field: string
  message: string
}

const CODES: readonly ErrorCode[] = ['invalid', 'not_found', 'conflict', 'unavailable', 'internal', 'locked']

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly field: string
  readonly fields: FieldError[]

  constructor(code: ErrorCode, message: string, fields: FieldError[] = [], field = '') {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
    this.field = field || fields[0]?.field || ''
  }

  /** The message for one input field, or '' when that field is fine. */
  fieldMessage(field: string): string {
    return this.fields.find((f) => f.field === field)?.message ?? ''
  }

  /** Field errors as a map from field name to message (first message wins). */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const f of this.fields) {
      if (!(f.field in out)) out[f.field] = f.message
    }
    return out
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

function fromObject(o: Record<string, unknown>): ApiError | null {
  if (typeof o.message !== 'string') return null
  const code: ErrorCode = CODES.includes(o.code as ErrorCode) ? (o.code as ErrorCode) : 'internal'
  const fields: FieldError[] = []
  if (Array.isArray(o.fields)) {
    for (const f of o.fields) {
      if (isRecord(f) && typeof f.field === 'string' && typeof f.message === 'string') {
        fields.push({ field: f.field, message: f.message })
      }
    }
  }
  const field = typeof o.field === 'string' ? o.field : ''
  if (field && fields.length === 0) fields.push({ field, message: o.message })
  return new ApiError(code, o.message, fields, field)
}

function fromString(s: string): ApiError {
  const t = s.trim()
  if (t.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(t)
      if (isRecord(parsed)) {
        const e = fromObject(parsed)
        if (e) return e
      }
    } catch {
      // not JSON after all: fall through
    }
  }
  return new ApiError('internal', t || 'Something went wrong.')
}

/** Turns whatever a rejected call produced into an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (typeof err === 'string') return fromString(err)
  if (err instanceof Error) return fromString(err.message)
  if (isRecord(err)) {
    const e = fromObject(err)
    if (e) return e
  }
  return new ApiError('internal', 'Something went wrong.')
}
