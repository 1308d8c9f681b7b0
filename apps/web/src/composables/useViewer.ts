/**
 * The signed-in user as the ledger's rules see them (lib/problem-access.ts): roles, unit, and
 * whether a unit lies within theirs. Loads the unit list the subtree check needs.
 */
import { computed, onMounted } from 'vue'
import type { Viewer } from '@/lib/problem-access'
import { ancestorIds } from '@/lib/tree'
import { useSessionStore } from '@/stores/session'
import { useUnitsStore } from '@/stores/units'

export function useViewer() {
  const session = useSessionStore()
  const units = useUnitsStore()

  const viewer = computed<Viewer>(() => {
    const unitId = session.me?.unit.id ?? ''
    const list = units.units
    return {
      roles: session.roles,
      unitId,
      covers: (id: string) => id === unitId || ancestorIds(list, id).includes(unitId),
    }
  })

  onMounted(() => {
    units.load().catch(() => undefined)
  })

  return { viewer }
}
