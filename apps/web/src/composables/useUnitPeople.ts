/**
 * The active users of one unit itself (not its sub-units): the choices for its contact (联络员)
 * and head (负责人), who reminders go to.
 */
import type { User } from '@rectify/schemas'
import { ref, shallowRef } from 'vue'
import { listUsers } from '@/api/users'

export function useUnitPeople() {
  const people = shallowRef<User[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)

  async function load(unitId: string): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const page = await listUsers({ unit: unitId, limit: 200 })
      people.value = page.items.filter((u) => u.unit.id === unitId && u.status === 'active')
    } catch (cause) {
      error.value = cause
    } finally {
      loading.value = false
    }
  }

  return { people, loading, error, load }
}
