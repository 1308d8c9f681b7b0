/**
 * Dispatch periods (定期调度), card suggestions and cards (红黄牌), the assessment rules
 * (考核扣分) and the rankings: one typed function per endpoint.
 */
import type {
  AssessmentRule,
  AssessmentRuleList,
  Card,
  CardPage,
  CardSuggestionPage,
  CreateCardBody,
  CreateDispatchPeriodBody,
  DispatchPeriod,
  DispatchPeriodDetail,
  DispatchPeriodPage,
  ListCardSuggestionsQuery,
  ListCardsQuery,
  ListDispatchPeriodsQuery,
  PatchAssessmentRuleBody,
  Rankings,
  RankingsQuery,
  RefreshSuggestionsResult,
  RemindResult,
  SuggestionDecisionBody,
  SuggestionDecisionResult,
} from '@rectify/schemas'
import { request } from './http'

const periodPath = (id: string) => `/dispatch-periods/${encodeURIComponent(id)}`

/** `GET /dispatch-periods`. */
export function listDispatchPeriods(
  query: ListDispatchPeriodsQuery = {},
): Promise<DispatchPeriodPage> {
  return request<DispatchPeriodPage>('/dispatch-periods', { query })
}

/** `POST /dispatch-periods` (the office). */
export function createDispatchPeriod(body: CreateDispatchPeriodBody): Promise<DispatchPeriod> {
  return request<DispatchPeriod>('/dispatch-periods', { method: 'POST', body })
}

/** `GET /dispatch-periods/:id`: the period and, while open, who has not reported. */
export function getDispatchPeriod(id: string): Promise<DispatchPeriodDetail> {
  return request<DispatchPeriodDetail>(periodPath(id))
}

/** `POST /dispatch-periods/:id/remind`: one inbox message per unit that has not reported. */
export function remindDispatchPeriod(id: string): Promise<RemindResult> {
  return request<RemindResult>(`${periodPath(id)}/remind`, { method: 'POST', body: {} })
}

/** `POST /dispatch-periods/:id/close` with `If-Match`: freezes the summary. */
export function closeDispatchPeriod(id: string, version: number): Promise<DispatchPeriod> {
  return request<DispatchPeriod>(`${periodPath(id)}/close`, { method: 'POST', body: {}, version })
}

/** `GET /card-suggestions`. */
export function listCardSuggestions(
  query: ListCardSuggestionsQuery = {},
): Promise<CardSuggestionPage> {
  return request<CardSuggestionPage>('/card-suggestions', { query })
}

/** `POST /card-suggestions/refresh`: runs the rules now. */
export function refreshCardSuggestions(): Promise<RefreshSuggestionsResult> {
  return request<RefreshSuggestionsResult>('/card-suggestions/refresh', {
    method: 'POST',
    body: {},
  })
}

/** `POST /card-suggestions/:id/decision` with `If-Match`: confirm or dismiss. */
export function decideCardSuggestion(
  id: string,
  version: number,
  body: SuggestionDecisionBody,
): Promise<SuggestionDecisionResult> {
  return request<SuggestionDecisionResult>(`/card-suggestions/${encodeURIComponent(id)}/decision`, {
    method: 'POST',
    body,
    version,
  })
}

/** `GET /cards`. */
export function listCards(query: ListCardsQuery = {}): Promise<CardPage> {
  return request<CardPage>('/cards', { query })
}

/** `POST /cards`: the office issues a card directly. */
export function createCard(body: CreateCardBody): Promise<Card> {
  return request<Card>('/cards', { method: 'POST', body })
}

/** `GET /assessment-rules`. */
export function listAssessmentRules(): Promise<AssessmentRuleList> {
  return request<AssessmentRuleList>('/assessment-rules')
}

/** `PATCH /assessment-rules/:code` with `If-Match`. */
export function updateAssessmentRule(
  code: string,
  version: number,
  body: PatchAssessmentRuleBody,
): Promise<AssessmentRule> {
  return request<AssessmentRule>(`/assessment-rules/${encodeURIComponent(code)}`, {
    method: 'PATCH',
    body,
    version,
  })
}

/** `GET /rankings`. */
export function getRankings(query: RankingsQuery = {}): Promise<Rankings> {
  return request<Rankings>('/rankings', { query })
}
