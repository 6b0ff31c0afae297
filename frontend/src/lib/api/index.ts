// The only door to the Go backend. Everything else imports from '$lib/api'.
export { ApiError, toApiError } from './errors'
export type { ErrorCode, FieldError } from './errors'
export type * from './types'
export * from './people'
export * from './workspace'
export { events, on } from './events'
export type { EventMap, EventName } from './events'
