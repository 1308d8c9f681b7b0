/**
 * The plan editor's working state: the target and measures being edited, the versions they are
 * based on, and saving them one request at a time with If-Match. A 412 keeps the user's edits
 * and, after a reload, lays them over the newer version (lib/plan.ts `rebaseDraft`).
 */
import type { Measure } from '@rectify/schemas'
import { ElMessage, ElMessageBox } from 'element-plus'
import { storeToRefs } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'
import { shanghaiToday } from '@/lib/period'
import {
  checkMeasure,
  createBody,
  emptyMeasure,
  fromMeasure,
  rebaseDraft,
  updateBody,
  type MeasureDraft,
  type PlanIssue,
} from '@/lib/plan'
import { planAccess } from '@/lib/problem-access'
import { useProblemStore } from '@/stores/problem'
import { useUnitsStore } from '@/stores/units'
import { hasCode, useErrorMessage } from './useErrorMessage'
import { useViewer } from './useViewer'

export function usePlanEditor() {
  const { t } = useI18n()
  const { messageOf } = useErrorMessage()
  const { viewer } = useViewer()
  const store = useProblemStore()
  const units = useUnitsStore()
  const { problem } = storeToRefs(store)

  const loading = ref(false)
  const loadError = ref<string | null>(null)
  const saving = ref(false)
  const general = ref<string | null>(null)
  /** Problems found before saving (or by the server for one measure), shown beside the fields. */
  const issues = ref<Record<string, PlanIssue[]>>({})
  const stale = ref<'no' | 'stale' | 'reloaded'>('no')
  const reloading = ref(false)

  const form = reactive({ target: '', drafts: [] as MeasureDraft[] })
  /** Saved state the edit is based on: the problem's version and target, each measure as saved. */
  const base = reactive({ version: 0, target: '', measures: new Map<string, Measure>() })
  /** Saved measures the user removed; deleted when the plan is saved. */
  const removed = ref<Measure[]>([])

  const access = computed(() => (problem.value ? planAccess(problem.value, viewer.value) : 'none'))
  const mode = computed(() => (access.value === 'progress' ? 'progress' : 'full'))

  /**
   * Takes the saved plan as the new base. With `reset` the form shows it; otherwise (after a 412)
   * the user's edits are laid over it, and what they did not touch follows the newer values.
   */
  function rebase(measures: readonly Measure[], reset: boolean): void {
    const p = problem.value!
    const latest = new Map(measures.map((m) => [m.id, m]))
    if (reset) {
      form.target = p.target
      form.drafts = measures.map(fromMeasure)
      removed.value = []
    } else {
      if (form.target === base.target) form.target = p.target
      form.drafts = form.drafts.map((draft) => {
        const before = draft.id ? base.measures.get(draft.id) : undefined
        const after = draft.id ? latest.get(draft.id) : undefined
        if (before && after) return rebaseDraft(draft, before, after)
        // Deleted meanwhile: saving creates it again.
        return draft.id ? { ...draft, id: null, version: null } : draft
      })
      removed.value = removed.value.flatMap((m) => latest.get(m.id) ?? [])
    }
    base.version = p.version
    base.target = p.target
    base.measures = latest
  }

  async function load(id: string): Promise<void> {
    loading.value = true
    loadError.value = null
    try {
      await Promise.all([store.loadPlan(id), units.load().catch(() => undefined)])
      rebase(store.measures, true)
      stale.value = 'no'
      issues.value = {}
    } catch (error) {
      loadError.value = messageOf(error)
    } finally {
      loading.value = false
    }
  }

  async function reload(): Promise<void> {
    if (!problem.value) return
    reloading.value = true
    try {
      await store.loadPlan(problem.value.id)
      rebase(store.measures, false)
      stale.value = 'reloaded'
    } catch (error) {
      general.value = messageOf(error)
    } finally {
      reloading.value = false
    }
  }

  function addMeasure(): void {
    const p = problem.value!
    const start = shanghaiToday()
    form.drafts.push(emptyMeasure(start < p.deadline ? start : null, p.deadline))
  }

  async function removeMeasure(index: number): Promise<void> {
    const draft = form.drafts[index]!
    if (draft.id) {
      try {
        await ElMessageBox.confirm(
          t('plan.confirmRemove', { name: draft.content || t('measure.number', { n: index + 1 }) }),
          t('plan.removeMeasure'),
          {
            type: 'warning',
            confirmButtonText: t('common.confirm'),
            cancelButtonText: t('common.cancel'),
          },
        )
      } catch {
        return
      }
      const saved = base.measures.get(draft.id)
      if (saved) removed.value.push(saved)
    }
    form.drafts.splice(index, 1)
  }

  /** Checks every measure; true when nothing stands in the way of saving. */
  function check(): boolean {
    const today = shanghaiToday()
    const found: Record<string, PlanIssue[]> = {}
    for (const draft of form.drafts) {
      const list = checkMeasure(draft, problem.value!.deadline, today)
      if (list.length) found[draft.key] = list
    }
    issues.value = found
    return Object.keys(found).length === 0
  }

  /** A 422 from the server for one measure, put next to its fields. */
  function serverIssues(draft: MeasureDraft, error: unknown): void {
    if (!(error instanceof ApiError) || !error.errors.length) return
    issues.value = {
      ...issues.value,
      [draft.key]: error.errors.map((e) => ({
        field: e.path.replace(/^\//, '').replace(/\//g, '.'),
        key: 'errors.field',
      })),
    }
  }

  /**
   * Saves what changed, one request at a time, each with the version it was based on. What was
   * saved before a failure stays saved (its new version is kept), so saving again repeats nothing.
   */
  async function save(): Promise<boolean> {
    const p = problem.value
    if (!p) return false
    general.value = null
    if (!check()) {
      ElMessage({ type: 'warning', message: t('plan.fixFirst') })
      return false
    }
    saving.value = true
    let changed = false
    let current: MeasureDraft | null = null
    try {
      if (mode.value === 'full' && form.target.trim() !== base.target) {
        const next = await store.updateProblem(base.version, { target: form.target.trim() })
        base.version = next.version
        base.target = next.target
        changed = true
      }
      for (const measure of [...removed.value]) {
        await store.deleteMeasure(measure.id, measure.version)
        removed.value = removed.value.filter((m) => m.id !== measure.id)
        base.measures.delete(measure.id)
        changed = true
      }
      for (const draft of form.drafts) {
        current = draft
        const saved = draft.id ? base.measures.get(draft.id) : undefined
        let result: Measure | null = null
        if (!saved) {
          result = await store.createMeasure(createBody(draft))
        } else {
          const body = updateBody(draft, saved, mode.value)
          if (body)
            result = await store.updateMeasure(saved.id, draft.version ?? saved.version, body)
        }
        if (result) {
          Object.assign(draft, { id: result.id, version: result.version })
          base.measures.set(result.id, result)
          changed = true
        }
      }
      current = null
      stale.value = 'no'
      ElMessage({
        type: changed ? 'success' : 'info',
        message: t(changed ? 'plan.saved' : 'plan.noChanges'),
      })
      if (changed) {
        // The problem page shows the saved plan at once, not the copy read before saving.
        await store.loadPlan(p.id).catch(() => undefined)
        return true
      }
    } catch (error) {
      if (hasCode(error, 'precondition_failed')) stale.value = 'stale'
      else if (hasCode(error, 'validation', 'unprocessable') && current) {
        serverIssues(current, error)
        general.value = messageOf(error)
      } else general.value = messageOf(error)
    } finally {
      saving.value = false
    }
    return false
  }

  return {
    problem,
    form,
    issues,
    loading,
    loadError,
    saving,
    general,
    stale,
    reloading,
    access,
    mode,
    load,
    reload,
    addMeasure,
    removeMeasure,
    save,
  }
}
