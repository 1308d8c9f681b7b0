/** User accounts (`/users`), managed by the administrator. */
import type {
  CreateUserBody,
  ListUsersQuery,
  ResetPasswordBody,
  UpdateUserBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

/** `GET /users`: one page of users filtered by unit, role, status and text. */
export async function listUsers(query: ListUsersQuery = {}) {
  return ok(await api.GET('/api/v1/users', { params: { query } }))
}

/** `POST /users`: creates an account with an initial password. */
export async function createUser(body: CreateUserBody) {
  return ok(await api.POST('/api/v1/users', { body }))
}

/** `GET /users/:id`. */
export async function getUser(id: string) {
  return ok(await api.GET('/api/v1/users/{id}', { params: { path: { id } } }))
}

/** `PATCH /users/:id` with `If-Match: version`: name, unit, roles or status. */
export async function updateUser(id: string, version: number, body: UpdateUserBody) {
  return ok(
    await api.PATCH('/api/v1/users/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body,
    }),
  )
}

/** `POST /users/:id/password`: the administrator sets a new password (204). */
export async function resetPassword(id: string, body: ResetPasswordBody): Promise<void> {
  await api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body })
}
