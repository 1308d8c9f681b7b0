import type {
  CreateReportBody,
  ImportCellError,
  ProgressImportRow,
  ProgressImportRowChoice,
} from '@rectify/schemas'
import type { RoundProblem, TitleCandidate } from './progress-import.repository.js'
import { codeIndex, doneText, type ParsedRow } from './rows.js'
import type { UnitEntry, unitMatcher } from './units.js'

/** Why the office could not report for this unit on this problem (ReportsService.onBehalfRefusal). */
export type Refusal = 'not_in_progress' | 'unit_unrelated' | null

/** What resolving rows needs from the database, read once per import. */
export interface ResolveContext {
  problems: readonly RoundProblem[]
  units: ReadonlyMap<string, UnitEntry>
  matchUnits: ReturnType<typeof unitMatcher>
  fileUnit: UnitEntry | null
  choices: Readonly<Record<string, ProgressImportRowChoice>>
  /** Title candidates, aligned with the parsed rows. */
  candidates: readonly TitleCandidate[][]
  period: string
  refusal(problem: RoundProblem, unit: UnitEntry): Promise<Refusal>
  /** `problemId:unitId` already reported (submitted or accepted) for the period. */
  reported(problemIds: string[]): Promise<Set<string>>
  /** The column an error names for a field. */
  label(field: 'title' | 'unit'): string
  /** The cell an error points at for a field on a row (C12), or null without such a column. */
  cell(field: 'title' | 'unit', row: number): string | null
}

/** A report the commit submits. */
export interface PlannedReport {
  row: number
  problem: RoundProblem
  unit: UnitEntry
  body: CreateReportBody
  proposesAcceptance: boolean
}

const STATUS_ZH: Record<string, string> = {
  draft: '待制定方案',
  plan_review: '方案审核中',
  in_progress: '整改中',
  acceptance: '验收中',
  publicity: '公示中',
  closed: '已销号',
}

const ref = (p: RoundProblem) => ({ id: p.id, code: p.code, title: p.title, status: p.status })

/**
 * Each row's problem, unit, percent and action. The problem: the user's choice, else by code,
 * else the closest title — which the user must confirm (an error until then), as must a row with
 * no match choose one. The unit: the user's choice, else the 责任单位 cell (of several names, the
 * first the problem concerns), else the file's unit. Then the reports module's own rule
 * (ctx.refusal), one row per problem and unit, and what the period already has (a duplicate is
 * left out with a warning, so importing a table twice reports once). Rows the user skips carry
 * no errors.
 */
export async function resolveRows(
  parsed: readonly ParsedRow[],
  parseErrors: readonly ImportCellError[],
  ctx: ResolveContext,
): Promise<{
  rows: ProgressImportRow[]
  errors: ImportCellError[]
  warnings: ImportCellError[]
  planned: PlannedReport[]
}> {
  const byCode = codeIndex(ctx.problems)
  const byId = new Map(ctx.problems.map((p) => [p.id, p]))
  const errors: ImportCellError[] = []
  const warnings: ImportCellError[] = []
  const first = await Promise.all(
    parsed.map(async (r, i) => {
      const choice = ctx.choices[String(r.row)] ?? {}
      const own: ImportCellError[] = parseErrors.filter((e) => e.row === r.row)
      const err = (field: 'title' | 'unit', message: string, messageEn: string) =>
        own.push({
          row: r.row,
          column: ctx.label(field),
          cell: ctx.cell(field, r.row),
          message,
          messageEn,
        })
      const candidates = (ctx.candidates[i] ?? []).flatMap((c) => {
        const p = byId.get(c.id)
        return p ? [{ ...ref(p), score: c.score }] : []
      })
      let match: ProgressImportRow['match'] = {
        problem: null,
        by: 'none',
        score: null,
        confirmed: false,
      }
      const chosen = choice.problemId ? byId.get(choice.problemId) : undefined
      const coded = byCode(r)
      if (choice.problemId && !chosen)
        err('title', '所选问题不属于本调度期的督察批次', 'The problem chosen is not of this round')
      else if (chosen) match = { problem: ref(chosen), by: 'user', score: null, confirmed: true }
      else if (coded) match = { problem: ref(coded), by: 'code', score: 1, confirmed: true }
      else if (candidates[0]) {
        const c = candidates[0]
        match = { problem: ref(byId.get(c.id)!), by: 'title', score: c.score, confirmed: false }
        err(
          'title',
          `按名称相似匹配到“${c.code} ${c.title}”（相似度${Math.round(c.score * 100)}%），请确认或另选`,
          `Matched by title to “${c.code} ${c.title}” (similarity ${Math.round(c.score * 100)}%): confirm or choose another`,
        )
      } else
        err(
          'title',
          '在本批次中找不到对应的问题，请选择',
          'No problem of the round matches: choose one',
        )
      const problem = match.confirmed ? byId.get(match.problem!.id)! : null

      let unit: UnitEntry | null = null
      let unitBy: ProgressImportRow['unitBy'] = null
      if (choice.unitId) {
        unit = ctx.units.get(choice.unitId) ?? null
        unitBy = 'user'
        if (!unit) err('unit', '所选单位不存在或已停用', 'The unit chosen does not exist')
      } else if (r.unitText) {
        const m = ctx.matchUnits(r.unitText)
        unitBy = 'column'
        unit = m.units[0] ?? null
        if (problem && m.units.length > 1)
          for (const u of m.units)
            if ((await ctx.refusal(problem, u)) !== 'unit_unrelated') {
              unit = u
              break
            }
        if (!unit)
          err(
            'unit',
            `找不到单位“${m.unknown.join('、')}”，请为此行选择单位`,
            `No unit is named “${m.unknown.join('、')}”: choose the unit for this row`,
          )
      } else if (ctx.fileUnit) [unit, unitBy] = [ctx.fileUnit, 'file']
      else
        err(
          'unit',
          '没有责任单位：请为整个文件或此行选择报送单位',
          'No unit: choose the reporting unit for the file or for this row',
        )
      if (problem && unit) {
        const why = await ctx.refusal(problem, unit)
        if (why === 'not_in_progress')
          err(
            'title',
            `问题“${problem.code}”当前为${STATUS_ZH[problem.status] ?? problem.status}，只有整改中的问题可以报送进展（可跳过此行）`,
            `Problem ${problem.code} is ${problem.status}: progress is reported while in progress (skip the row)`,
          )
        if (why === 'unit_unrelated')
          err(
            'unit',
            `${unit.name}不是问题“${problem.code}”的牵头、配合、所属县区或措施单位，请另选单位`,
            `${unit.name} is not a unit problem ${problem.code} concerns: choose another unit`,
          )
      }
      return { r, choice, own, match, candidates, problem, unit, unitBy }
    }),
  )
  const reported = await ctx.reported(first.flatMap((x) => (x.problem ? [x.problem.id] : [])))
  const seen = new Map<string, number>()
  const rows: ProgressImportRow[] = []
  const planned: PlannedReport[] = []
  for (const x of first) {
    const { r, problem, unit } = x
    const key = problem && unit ? `${problem.id}:${unit.id}` : null
    if (key && !x.choice.skip) {
      const earlier = seen.get(key)
      if (earlier !== undefined)
        x.own.push({
          row: r.row,
          column: ctx.label('title'),
          cell: ctx.cell('title', r.row),
          message: `与第${earlier}行是同一问题、同一单位`,
          messageEn: `Same problem and unit as row ${earlier}`,
        })
      else seen.set(key, r.row)
    }
    const duplicate = !!key && reported.has(key)
    const action: ProgressImportRow['action'] = x.choice.skip
      ? 'skip'
      : x.own.length
        ? 'error'
        : duplicate
          ? 'duplicate'
          : 'report'
    if (action === 'error') errors.push(...x.own)
    if (action === 'duplicate')
      warnings.push({
        row: r.row,
        column: ctx.label('title'),
        cell: ctx.cell('title', r.row),
        message: `${unit!.name}本期已报送该问题的进展（待审核或已采纳），此行不再导入`,
        messageEn: `${unit!.name} already reported on this problem for the period: the row is left out`,
      })
    const percent =
      r.percent ?? (r.completion === 'done' ? 100 : (problem?.reportedProgress ?? null))
    const proposesAcceptance = action === 'report' && r.completion === 'done'
    rows.push({
      row: r.row,
      code: r.code,
      title: r.title,
      progress: r.progress,
      completionText: r.completionText,
      deadline: r.deadline,
      unitText: r.unitText,
      completion: r.completion,
      percent,
      percentInferred: r.percent === null && percent !== null,
      match: x.match,
      candidates: x.candidates,
      unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
      unitBy: x.unitBy,
      action,
      proposesAcceptance,
    })
    if (action === 'report')
      planned.push({
        row: r.row,
        problem: problem!,
        unit: unit!,
        body: {
          period: ctx.period,
          done: doneText(r),
          percent: percent!,
          issues: r.issues,
          nextSteps: r.nextSteps,
        },
        proposesAcceptance,
      })
  }
  errors.sort((a, b) => a.row - b.row)
  return { rows, errors, warnings, planned }
}
