import { Type, type Static } from 'typebox'
import { IdSchema, PageQueryProperties, PageSchema, RoleSchema, TimestampSchema } from './common.js'
import { UnitRefSchema } from './auth.js'
import { USER_STATUSES } from './constants/users.js'

export const UserStatusSchema = Type.Enum(USER_STATUSES, { $id: 'UserStatus' })

export const UserSchema = Type.Object(
  {
    id: IdSchema,
    username: Type.String(),
    displayName: Type.String(),
    unit: UnitRefSchema,
    roles: Type.Array(RoleSchema),
    status: UserStatusSchema,
    lockedUntil: Type.Union([TimestampSchema, Type.Null()]),
    lastLoginAt: Type.Union([TimestampSchema, Type.Null()]),
    version: Type.Integer(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'User' },
)
export type User = Static<typeof UserSchema>

const Username = Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' })
const DisplayName = Type.String({ minLength: 1, maxLength: 64 })
const Roles = Type.Array(RoleSchema, { minItems: 1, maxItems: 6, uniqueItems: true })

export const CreateUserBodySchema = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    unitId: IdSchema,
    roles: Roles,
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { $id: 'CreateUserBody', additionalProperties: false },
)
export type CreateUserBody = Static<typeof CreateUserBodySchema>

export const UpdateUserBodySchema = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    unitId: Type.Optional(IdSchema),
    roles: Type.Optional(Roles),
    status: Type.Optional(UserStatusSchema),
  },
  { $id: 'UpdateUserBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateUserBody = Static<typeof UpdateUserBodySchema>

export const ResetPasswordBodySchema = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 256 }) },
  { $id: 'ResetPasswordBody', additionalProperties: false },
)
export type ResetPasswordBody = Static<typeof ResetPasswordBodySchema>

export const ListUsersQuerySchema = Type.Object(
  {
    unit: Type.Optional(IdSchema),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(UserStatusSchema),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListUsersQuery = Static<typeof ListUsersQuerySchema>

export const UserPageSchema = PageSchema(UserSchema, { $id: 'UserPage' })
export type UserPage = Static<typeof UserPageSchema>
