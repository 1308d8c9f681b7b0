import { Type, type Static, type TObjectOptions, type TSchema } from 'typebox'
import { ROLES, SCOPES, ERROR_CODES } from './constants/common.js'

/** `T | null`: a value that may be explicitly absent (never left out). */
export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])

/** Opaque identifier (UUIDv7 on the server; clients must not parse it). */
export const IdSchema = Type.String({ format: 'uuid', maxLength: 36 })

/** RFC 3339 timestamp in UTC. */
export const TimestampSchema = Type.String({ format: 'date-time', maxLength: 40 })

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const DateSchema = Type.String({ format: 'date', maxLength: 10 })

/** What free text a person must write has to match: at least one character that is not white space. */
export const NON_BLANK_PATTERN = '\\S'

/**
 * Free text a person must actually write — a reason, an opinion, a reply, a comment, a
 * self-check: `minLength`..`maxLength` characters of which at least one is not white space, so
 * "   " (or full-width spaces) is refused with 422 like "" is. Services still store it trimmed.
 */
export const NonBlank = (maxLength: number, minLength = 1) =>
  Type.String({ minLength, maxLength, pattern: NON_BLANK_PATTERN })

export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false })
export type IdParams = Static<typeof IdParamsSchema>

export type Role = (typeof ROLES)[number]
export const RoleSchema = Type.Enum(ROLES, { $id: 'Role' })

export type Scope = (typeof SCOPES)[number]
export const ScopeSchema = Type.Enum(SCOPES, { $id: 'Scope' })

/**
 * `updatedSince` of the main lists (problems, reports, petitions, notices): only records changed
 * at or after this time (RFC 3339); with the change feed (GET /changes) an integrator re-reads
 * what changed since its last sync.
 */
export const UpdatedSinceProperty = {
  updatedSince: Type.Optional(
    Type.String({
      format: 'date-time',
      maxLength: 40,
      description: 'Only records changed at or after this time (RFC 3339).',
    }),
  ),
}

/** Cursor pagination parameters shared by every list route. */
export const PageQueryProperties = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}

/** `{ items, nextCursor, total }` for a list of T; `options.$id` names it (`ProblemPage`). */
export function PageSchema<T extends TSchema>(item: T, options?: TObjectOptions) {
  return Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()]),
      total: Type.Integer({ minimum: 0 }),
    },
    options,
  )
}
/**
 * `{ items, nextCursor, total, totalIsEstimate }`: a list that counts exactly only up to a
 * threshold and estimates above it, which `totalIsEstimate` says (the SPA shows 约 N).
 */
export function EstimatedPageSchema<T extends TSchema>(item: T, options?: TObjectOptions) {
  return Type.Object({ ...PageSchema(item).properties, totalIsEstimate: Type.Boolean() }, options)
}
export interface Page<T> {
  items: T[]
  nextCursor: string | null
  total: number
  /** True when `total` is an estimate: lists that count exactly only up to a threshold say so. */
  totalIsEstimate?: boolean
}

/** RFC 9457 problem details as every error is answered. `code` is stable: clients branch on it. */
export const ProblemDetailsSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    allowed: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'ProblemDetails' },
)
export type ProblemDetails = Static<typeof ProblemDetailsSchema>

export type ErrorCode = (typeof ERROR_CODES)[number]
