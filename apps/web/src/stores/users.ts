/** The user list the administration pages show, and the account actions on it. */
import type { CreateUserBody, ListUsersQuery, UpdateUserBody, User } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as usersApi from '@/api/users'
import { useCursorList } from '@/composables/useCursorList'

/** Rows per page of the user table. */
export const USERS_PAGE_SIZE = 50

export const useUsersStore = defineStore('users', () => {
  const filters = shallowRef<ListUsersQuery>({})
  const list = useCursorList<User>((cursor) =>
    usersApi.listUsers({ ...filters.value, limit: USERS_PAGE_SIZE, cursor }),
  )

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: ListUsersQuery): Promise<void> {
    filters.value = query
    return list.reload()
  }

  function get(id: string): Promise<User> {
    return usersApi.getUser(id)
  }

  async function create(body: CreateUserBody): Promise<User> {
    const user = await usersApi.createUser(body)
    void list.reload()
    return user
  }

  /** PATCH based on the version the user saw; a 412 surfaces as `precondition_failed`. */
  async function update(user: Pick<User, 'id' | 'version'>, body: UpdateUserBody): Promise<User> {
    const next = await usersApi.updateUser(user.id, user.version, body)
    list.replace((row) => row.id === next.id, next)
    return next
  }

  /** Reads one user again (after a 412) and refreshes its row. */
  async function refetch(id: string): Promise<User> {
    const user = await usersApi.getUser(id)
    list.replace((row) => row.id === id, user)
    return user
  }

  function resetPassword(id: string, password: string): Promise<void> {
    return usersApi.resetPassword(id, { password })
  }

  return {
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error,
    loadMore: list.loadMore,
    search,
    get,
    create,
    update,
    refetch,
    resetPassword,
  }
})
