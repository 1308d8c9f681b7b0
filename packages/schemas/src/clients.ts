import { Type, type Static } from 'typebox'
import {
  IdSchema,
  PageQueryProperties,
  PageSchema,
  ScopeSchema,
  TimestampSchema,
} from './common.js'

export const ApiClientSchema = Type.Object(
  {
    id: IdSchema,
    clientId: Type.String(),
    name: Type.String(),
    scopes: Type.Array(ScopeSchema),
    /** When set, the client sees only this unit and its subtree. */
    unitId: Type.Union([IdSchema, Type.Null()]),
    active: Type.Boolean(),
    version: Type.Integer(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'ApiClient' },
)
export type ApiClient = Static<typeof ApiClientSchema>

const Scopes = Type.Array(ScopeSchema, { minItems: 1, maxItems: 20, uniqueItems: true })

export const CreateApiClientBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Scopes,
    unitId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  },
  { $id: 'CreateApiClientBody', additionalProperties: false },
)
export type CreateApiClientBody = Static<typeof CreateApiClientBodySchema>

export const UpdateApiClientBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    scopes: Type.Optional(Scopes),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'UpdateApiClientBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateApiClientBody = Static<typeof UpdateApiClientBodySchema>

/** Returned once, on creation and on secret rotation: the secret is never shown again. */
export const ApiClientWithSecretSchema = Type.Object(
  {
    client: ApiClientSchema,
    clientSecret: Type.String(),
  },
  { $id: 'ApiClientWithSecret' },
)
export type ApiClientWithSecret = Static<typeof ApiClientWithSecretSchema>

export const ListApiClientsQuerySchema = Type.Object(
  { active: Type.Optional(Type.Boolean()), ...PageQueryProperties },
  { additionalProperties: false },
)
export type ListApiClientsQuery = Static<typeof ListApiClientsQuerySchema>

export const ApiClientPageSchema = PageSchema(ApiClientSchema, { $id: 'ApiClientPage' })
export type ApiClientPage = Static<typeof ApiClientPageSchema>
