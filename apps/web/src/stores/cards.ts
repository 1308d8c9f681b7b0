/** Card suggestions (the office decides) and the cards issued (红黄牌). */
import type {
  Card,
  CardSuggestion,
  CreateCardBody,
  SuggestionDecisionBody,
  SuggestionDecisionResult,
  SuggestionStatus,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as api from '@/api/dispatch'
import { useCursorList } from '@/composables/useCursorList'

export const useCardsStore = defineStore('cards', () => {
  const status = shallowRef<SuggestionStatus | undefined>('pending')
  const year = shallowRef<number | undefined>(undefined)
  const suggestions = useCursorList<CardSuggestion>((cursor) =>
    api.listCardSuggestions({ status: status.value, limit: 50, cursor }),
  )
  const cards = useCursorList<Card>((cursor) =>
    api.listCards({ year: year.value, limit: 50, cursor }),
  )

  function loadSuggestions(next: SuggestionStatus | undefined) {
    status.value = next
    return suggestions.reload()
  }

  function loadCards(next: number | undefined) {
    year.value = next
    return cards.reload()
  }

  async function refresh() {
    const result = await api.refreshCardSuggestions()
    await suggestions.reload()
    return result
  }

  async function decide(
    s: Pick<CardSuggestion, 'id' | 'version'>,
    body: SuggestionDecisionBody,
  ): Promise<SuggestionDecisionResult> {
    const result = await api.decideCardSuggestion(s.id, s.version, body)
    await Promise.all([suggestions.reload(), result.card ? cards.reload() : undefined])
    return result
  }

  async function issue(body: CreateCardBody): Promise<Card> {
    const card = await api.createCard(body)
    await cards.reload()
    return card
  }

  return {
    suggestions: suggestions.items,
    suggestionsTotal: suggestions.total,
    suggestionsLoading: suggestions.loading,
    suggestionsError: suggestions.error,
    suggestionsHasMore: suggestions.hasMore,
    moreSuggestions: suggestions.loadMore,
    cards: cards.items,
    cardsTotal: cards.total,
    cardsLoading: cards.loading,
    cardsError: cards.error,
    cardsHasMore: cards.hasMore,
    moreCards: cards.loadMore,
    loadSuggestions,
    loadCards,
    refresh,
    decide,
    issue,
  }
})
