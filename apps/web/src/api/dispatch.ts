/**
 * Dispatch periods (定期调度), card suggestions and cards (红黄牌), the assessment rules
 * (考核扣分) and the rankings: one function per endpoint.
 */
import type {
  CreateCardBody,
  CreateDispatchPeriodBody,
  ListCardSuggestionsQuery,
  ListCardsQuery,
  ListDispatchPeriodsQuery,
  PatchAssessmentRuleBody,
  RankingsQuery,
  SuggestionDecisionBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })

/** `GET /dispatch-periods`. */
export async function listDispatchPeriods(query: ListDispatchPeriodsQuery = {}) {
  return ok(await api.GET('/api/v1/dispatch-periods', { params: { query } }))
}

/** `POST /dispatch-periods` (the office). */
export async function createDispatchPeriod(body: CreateDispatchPeriodBody) {
  return ok(await api.POST('/api/v1/dispatch-periods', { body }))
}

/** `GET /dispatch-periods/:id`: the period and, while open, who has not reported. */
export async function getDispatchPeriod(id: string) {
  return ok(await api.GET('/api/v1/dispatch-periods/{id}', { params: byId(id) }))
}

/** `POST /dispatch-periods/:id/remind`: one inbox message per unit that has not reported. */
export async function remindDispatchPeriod(id: string) {
  return ok(await api.POST('/api/v1/dispatch-periods/{id}/remind', { params: byId(id), body: {} }))
}

/** `POST /dispatch-periods/:id/close` with `If-Match`: freezes the summary. */
export async function closeDispatchPeriod(id: string, version: number) {
  return ok(
    await api.POST('/api/v1/dispatch-periods/{id}/close', {
      params: { ...byId(id), header: ifMatch(version) },
      body: {},
    }),
  )
}

/** `GET /card-suggestions`. */
export async function listCardSuggestions(query: ListCardSuggestionsQuery = {}) {
  return ok(await api.GET('/api/v1/card-suggestions', { params: { query } }))
}

/** `POST /card-suggestions/refresh`: runs the rules now. */
export async function refreshCardSuggestions() {
  return ok(await api.POST('/api/v1/card-suggestions/refresh', { body: {} }))
}

/** `POST /card-suggestions/:id/decision` with `If-Match`: confirm or dismiss. */
export async function decideCardSuggestion(
  id: string,
  version: number,
  body: SuggestionDecisionBody,
) {
  return ok(
    await api.POST('/api/v1/card-suggestions/{id}/decision', {
      params: { ...byId(id), header: ifMatch(version) },
      body,
    }),
  )
}

/** `GET /cards`. */
export async function listCards(query: ListCardsQuery = {}) {
  return ok(await api.GET('/api/v1/cards', { params: { query } }))
}

/** `POST /cards`: the office issues a card directly. */
export async function createCard(body: CreateCardBody) {
  return ok(await api.POST('/api/v1/cards', { body }))
}

/** `GET /assessment-rules`. */
export async function listAssessmentRules() {
  return ok(await api.GET('/api/v1/assessment-rules'))
}

/** `PATCH /assessment-rules/:code` with `If-Match`. */
export async function updateAssessmentRule(
  code: string,
  version: number,
  body: PatchAssessmentRuleBody,
) {
  return ok(
    await api.PATCH('/api/v1/assessment-rules/{code}', {
      params: { path: { code }, header: ifMatch(version) },
      body,
    }),
  )
}

/** `GET /rankings`. */
export async function getRankings(query: RankingsQuery = {}) {
  return ok(await api.GET('/api/v1/rankings', { params: { query } }))
}
