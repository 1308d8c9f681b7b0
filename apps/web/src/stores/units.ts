/**
 * Every unit the signed-in user may see, loaded once per user by paging through
 * `GET /units?limit=200`. Views read the tree and look up names here; changes made through
 * this store update the cached list at once.
 */
import type { CreateUnitBody, Unit, UpdateUnitBody } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import * as unitsApi from '@/api/units'
import { buildUnitTree } from '@/lib/tree'
import { useSessionStore } from './session'

export const useUnitsStore = defineStore('units', () => {
  const session = useSessionStore()
  const units = shallowRef<Unit[]>([])
  const loading = ref(false)
  /** The user the list was loaded for; another user's sign-in reloads it. */
  const loadedFor = ref<string | null>(null)
  let inFlight: Promise<void> | null = null

  const byId = computed(() => new Map(units.value.map((unit) => [unit.id, unit])))
  const tree = computed(() => buildUnitTree(units.value))
  const activeTree = computed(() => buildUnitTree(units.value.filter((unit) => unit.active)))

  /** The unit's name, or the id itself when it is not visible to this user. */
  function nameOf(id: string | null | undefined): string {
    if (!id) return ''
    return byId.value.get(id)?.name ?? id
  }

  /** Loads the list unless it is already loaded for the current user (or `force`). */
  function load(force = false): Promise<void> {
    const userId = session.me?.id ?? null
    if (!force && loadedFor.value === userId && userId !== null) return Promise.resolve()
    inFlight ??= (async () => {
      loading.value = true
      try {
        units.value = await unitsApi.listAllUnits()
        loadedFor.value = userId
      } finally {
        loading.value = false
        inFlight = null
      }
    })()
    return inFlight
  }

  function upsert(unit: Unit): void {
    const index = units.value.findIndex((u) => u.id === unit.id)
    units.value =
      index === -1 ? [...units.value, unit] : units.value.map((u) => (u.id === unit.id ? unit : u))
  }

  /** Fetches one unit again (e.g. after a 412) and returns the fresh copy. */
  async function refetch(id: string): Promise<Unit> {
    const unit = await unitsApi.getUnit(id)
    upsert(unit)
    return unit
  }

  async function create(body: CreateUnitBody): Promise<Unit> {
    const unit = await unitsApi.createUnit(body)
    upsert(unit)
    return unit
  }

  /** PATCH with the version the caller last saw; a 412 surfaces as ApiError `precondition_failed`. */
  async function update(id: string, version: number, body: UpdateUnitBody): Promise<Unit> {
    const unit = await unitsApi.updateUnit(id, version, body)
    upsert(unit)
    return unit
  }

  return { units, loading, byId, tree, activeTree, nameOf, load, refetch, create, update }
})
