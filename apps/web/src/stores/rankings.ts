/** The rankings (排名) and the assessment rule table (考核扣分) they are computed with. */
import type {
  AssessmentRule,
  PatchAssessmentRuleBody,
  Rankings,
  RankingsQuery,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import * as api from '@/api/dispatch'

export const useRankingsStore = defineStore('rankings', () => {
  const rankings = shallowRef<Rankings | null>(null)
  const rules = shallowRef<AssessmentRule[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  async function load(query: RankingsQuery): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const [r, list] = await Promise.all([api.getRankings(query), api.listAssessmentRules()])
      if (mine !== generation) return
      rankings.value = r
      rules.value = list.items
    } catch (e) {
      if (mine === generation) error.value = e
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function updateRule(rule: AssessmentRule, body: PatchAssessmentRuleBody) {
    const next = await api.updateAssessmentRule(rule.code, rule.version, body)
    rules.value = rules.value.map((r) => (r.code === next.code ? next : r))
    return next
  }

  return { rankings, rules, loading, error, load, updateRule }
})
