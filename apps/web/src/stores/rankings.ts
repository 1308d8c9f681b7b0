/** The rankings (排名) and the assessment rule table (考核扣分) they are computed with. */
import type {
  AssessmentRule,
  PatchAssessmentRuleBody,
  Rankings,
  RankingsQuery,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { useLatest } from '@/composables/useLatest'
import * as api from '@/api/dispatch'

export const useRankingsStore = defineStore('rankings', () => {
  const rankings = shallowRef<Rankings | null>(null)
  const rules = shallowRef<AssessmentRule[]>([])
  const { loading, error, run } = useLatest()

  async function load(query: RankingsQuery): Promise<void> {
    await run(
      () => Promise.all([api.getRankings(query), api.listAssessmentRules()]),
      ([r, list]) => {
        rankings.value = r
        rules.value = list.items
      },
    )
  }

  async function updateRule(rule: AssessmentRule, body: PatchAssessmentRuleBody) {
    const next = await api.updateAssessmentRule(rule.code, rule.version, body)
    rules.value = rules.value.map((r) => (r.code === next.code ? next : r))
    return next
  }

  return { rankings, rules, loading, error, load, updateRule }
})
