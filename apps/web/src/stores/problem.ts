/**
 * One problem as its page shows it: the record, its plan (measures and milestones), reports,
 * extension requests and timeline; and everything done to it from that page or the plan editor.
 * After a step that moves the light (a transition, an accepted report, a granted extension) the
 * problem and its plan are read again, so the page never shows a stale light.
 */
import type {
  CreateExtensionBody,
  CreateMeasureBody,
  DecideExtensionBody,
  Extension,
  ExtensionEffect,
  Measure,
  Problem,
  ProblemAction,
  ProgressReport,
  ReviewReportBody,
  ScheduleQuery,
  Timeline,
  UpdateMeasureBody,
  UpdateProblemBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useLatest } from '@/composables/useLatest'
import * as measuresApi from '@/api/measures'
import * as problemsApi from '@/api/problems'
import * as reportsApi from '@/api/reports'

/** Reports shown on the problem page (the newest; older ones are a "load more" away). */
export const PROBLEM_REPORTS_PAGE = 20

export const useProblemStore = defineStore('problem', () => {
  const problem = shallowRef<Problem | null>(null)
  const measures = shallowRef<Measure[]>([])
  const reports = shallowRef<ProgressReport[]>([])
  const reportsTotal = ref(0)
  const reportsCursor = ref<string | null>(null)
  const extensions = shallowRef<Extension[]>([])
  const timeline = shallowRef<Timeline['items']>([])
  const { loading, error, run } = useLatest()

  const id = () => problem.value?.id ?? ''

  /** Reads everything the page shows; the record first decides whether the rest is visible. */
  async function load(problemId: string): Promise<void> {
    if (problem.value?.id !== problemId) {
      problem.value = null
      measures.value = []
      reports.value = []
      extensions.value = []
      timeline.value = []
    }
    await run(
      () =>
        Promise.all([
          problemsApi.getProblem(problemId),
          measuresApi.listMeasures(problemId),
          reportsApi.listProblemReports(problemId, { limit: PROBLEM_REPORTS_PAGE }),
          problemsApi.listExtensions(problemId),
          problemsApi.problemTimeline(problemId),
        ]),
      ([record, plan, page, ext, steps]) => {
        problem.value = record
        measures.value = plan.items
        reports.value = page.items
        reportsTotal.value = page.total
        reportsCursor.value = page.nextCursor
        extensions.value = ext.items
        timeline.value = steps.items
      },
    )
  }

  /** Reads the problem and its plan only (the plan editor, after a 412). */
  async function loadPlan(problemId: string): Promise<void> {
    const [record, plan] = await Promise.all([
      problemsApi.getProblem(problemId),
      measuresApi.listMeasures(problemId),
    ])
    problem.value = record
    measures.value = plan.items
  }

  /** Reads everything again after a change elsewhere on the page. */
  function refresh(): Promise<void> {
    return problem.value ? load(problem.value.id) : Promise.resolve()
  }

  async function moreReports(): Promise<void> {
    if (!problem.value || !reportsCursor.value) return
    const page = await reportsApi.listProblemReports(problem.value.id, {
      limit: PROBLEM_REPORTS_PAGE,
      cursor: reportsCursor.value,
    })
    reports.value = [...reports.value, ...page.items]
    reportsCursor.value = page.nextCursor
  }

  /** A workflow step with the version on screen; 412 and 409 reach the caller as ApiError. */
  async function transition(action: ProblemAction, reason?: string): Promise<Problem> {
    const current = problem.value!
    const next = await problemsApi.transitionProblem(current.id, current.version, {
      action,
      ...(reason ? { reason } : {}),
    })
    problem.value = next
    await refresh()
    return next
  }

  /** PATCH the problem (the plan's target) based on `version`. */
  async function updateProblem(version: number, body: UpdateProblemBody): Promise<Problem> {
    const next = await problemsApi.updateProblem(id(), version, body)
    problem.value = next
    return next
  }

  async function createMeasure(body: CreateMeasureBody): Promise<Measure> {
    return measuresApi.createMeasure(id(), body)
  }

  function updateMeasure(measureId: string, version: number, body: UpdateMeasureBody) {
    return measuresApi.updateMeasure(measureId, version, body)
  }

  function deleteMeasure(measureId: string, version: number): Promise<void> {
    return measuresApi.deleteMeasure(measureId, version)
  }

  /** The reverse-scheduling proposal (倒排工期) for a measure's dates. */
  async function proposeSchedule(query: ScheduleQuery) {
    return (await measuresApi.proposeSchedule(query)).milestones
  }

  async function requestExtension(body: CreateExtensionBody): Promise<Extension> {
    const extension = await problemsApi.requestExtension(id(), body)
    await refresh()
    return extension
  }

  /** What granting `extension` would move (shown in the decision dialog before it is confirmed). */
  function extensionEffect(extension: Pick<Extension, 'id'>): Promise<ExtensionEffect> {
    return problemsApi.extensionEffect(extension.id)
  }

  async function decideExtension(
    extension: Pick<Extension, 'id' | 'version'>,
    body: DecideExtensionBody,
  ): Promise<Extension> {
    const decided = await problemsApi.decideExtension(extension.id, extension.version, body)
    await refresh()
    return decided
  }

  /** Accepting a report moves the reported progress and so the light: reload the page. */
  async function review(
    report: Pick<ProgressReport, 'id' | 'version'>,
    body: ReviewReportBody,
  ): Promise<ProgressReport> {
    const reviewed = await reportsApi.reviewReport(report.id, report.version, body)
    await refresh()
    return reviewed
  }

  return {
    problem,
    measures,
    reports,
    reportsTotal,
    reportsCursor,
    extensions,
    timeline,
    loading,
    error,
    load,
    loadPlan,
    refresh,
    moreReports,
    transition,
    updateProblem,
    createMeasure,
    updateMeasure,
    deleteMeasure,
    proposeSchedule,
    requestExtension,
    decideExtension,
    extensionEffect,
    review,
  }
})
