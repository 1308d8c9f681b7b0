/**
 * The inspection rounds, loaded once per user (there are a handful): the ledger's round filter,
 * the problem page's round name and the rounds page read them here.
 */
import type { CreateRoundBody, Round, UpdateRoundBody } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import * as roundsApi from '@/api/rounds'
import { useSessionStore } from './session'

export const useRoundsStore = defineStore('rounds', () => {
  const session = useSessionStore()
  const rounds = shallowRef<Round[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  const loadedFor = ref<string | null>(null)
  let inFlight: Promise<void> | null = null

  const byId = computed(() => new Map(rounds.value.map((round) => [round.id, round])))

  /** The round's name, or an empty string while unknown. */
  function nameOf(id: string | null | undefined): string {
    return (id && byId.value.get(id)?.name) || ''
  }

  /** Loads the rounds unless already loaded for the signed-in user (or `force`). */
  function load(force = false): Promise<void> {
    const userId = session.me?.id ?? null
    if (!force && userId !== null && loadedFor.value === userId) return Promise.resolve()
    inFlight ??= (async () => {
      loading.value = true
      error.value = null
      try {
        // Newest round first: the one people work on.
        rounds.value = (await roundsApi.listAllRounds()).reverse()
        loadedFor.value = userId
      } catch (cause) {
        error.value = cause
        throw cause
      } finally {
        loading.value = false
        inFlight = null
      }
    })()
    return inFlight
  }

  function upsert(round: Round): void {
    const known = rounds.value.some((r) => r.id === round.id)
    rounds.value = known
      ? rounds.value.map((r) => (r.id === round.id ? round : r))
      : [round, ...rounds.value]
  }

  async function create(body: CreateRoundBody): Promise<Round> {
    const round = await roundsApi.createRound(body)
    upsert(round)
    return round
  }

  /** PATCH based on the version the user saw; a 412 surfaces as `precondition_failed`. */
  async function update(
    round: Pick<Round, 'id' | 'version'>,
    body: UpdateRoundBody,
  ): Promise<Round> {
    const next = await roundsApi.updateRound(round.id, round.version, body)
    upsert(next)
    return next
  }

  /** Reads one round again (after a 412). */
  async function refetch(id: string): Promise<Round> {
    const round = await roundsApi.getRound(id)
    upsert(round)
    return round
  }

  return { rounds, loading, error, byId, nameOf, load, create, update, refetch }
})
