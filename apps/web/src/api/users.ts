/** User accounts (`/users`), managed by the administrator. */
import type {
  CreateUserBody,
  ListUsersQuery,
  ResetPasswordBody,
  UpdateUserBody,
  User,
  UserPage,
} from '@rectify/schemas'
import { request } from './http'

/** `GET /users`: one page of users filtered by unit, role, status and text. */
export function listUsers(query: ListUsersQuery = {}): Promise<UserPage> {
  return request<UserPage>('/users', { query })
}

/** `POST /users`: creates an account with an initial password. */
export function createUser(body: CreateUserBody): Promise<User> {
  return request<User>('/users', { method: 'POST', body })
}

/** `GET /users/:id`. */
export function getUser(id: string): Promise<User> {
  return request<User>(`/users/${encodeURIComponent(id)}`)
}

/** `PATCH /users/:id` with `If-Match: version`: name, unit, roles or status. */
export function updateUser(id: string, version: number, body: UpdateUserBody): Promise<User> {
  return request<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body, version })
}

/** `POST /users/:id/password`: the administrator sets a new password (204). */
export function resetPassword(id: string, body: ResetPasswordBody): Promise<void> {
  return request<void>(`/users/${encodeURIComponent(id)}/password`, { method: 'POST', body })
}
