import { asc, inArray } from 'drizzle-orm'
import type { ExportProblemsQuery } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { measures } from '../../db/schema/index.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { LIGHT_FILLS, type XlsxSink } from '../../lib/xlsx-stream.js'
import { recordAudit } from '../audit/audit.writer.js'
import { isOverdue, type LightSettings } from '../problems/lights.js'
import { computeDerived, problemScope } from '../problems/problems.derived.js'
import {
  problemsRepository as problemsRepo,
  sortSpec,
  type ProblemRow,
} from '../problems/problems.repository.js'
import type { ProblemStatus } from '@rectify/schemas'
import { chineseDate } from './deadline.js'
import { MODE_LABELS, leaderText } from './fields.js'
import { joinMeasures } from './measures-split.js'
import { TASK_HEADERS, TASK_WIDTHS } from './template.js'

const EXTRA_HEADERS = ['状态', '预警', '序时进度', '实际进度', '是否逾期', '销号日期'] as const
const EXTRA_WIDTHS = [10, 8, 10, 10, 10, 14]
const STATUS_LABELS: Record<string, string> = {
  draft: '方案制定中',
  plan_review: '方案审核中',
  in_progress: '整改中',
  acceptance: '验收中',
  publicity: '公示中',
  closed: '已销号',
}
const LIGHT_LABELS: Record<string, string> = {
  green: '绿灯',
  blue: '蓝灯',
  yellow: '黄灯',
  red: '红灯',
}
const BATCH = 500

/**
 * The ledger (台账) as a streamed .xlsx: every filter of GET /problems, scoped exactly like it
 * (the same filter builder and object scope), read in keyset batches in code order so memory
 * stays flat whatever the size. The first columns are the task table's (the template's), so the
 * file imports back into a round; then status, light (coloured cell), progress, overdue, closed.
 */
export class LedgerExportService {
  constructor(
    private readonly db: Db,
    private readonly settings: LightSettings,
  ) {}

  /** Audits the download and answers its file name and the writer `sendXlsx` streams. */
  async prepare(
    ctx: Ctx,
    q: ExportProblemsQuery,
  ): Promise<{ filename: string; build: (sink: XlsxSink) => Promise<void> }> {
    const today = shanghaiDate()
    const { unit, ...filters } = q
    const unitPath = unit ? await problemsRepo.unitPath(this.db, unit) : undefined
    const filter = { ...filters, unitPath, scope: problemScope(ctx.actor), today }
    const total = await problemsRepo.count(this.db, filter)
    // Audited before the first byte: what was asked for and how many rows, never the rows.
    await this.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export.problems',
        entityType: 'problem',
        after: { filters: q, rows: total },
      }),
    )
    const sort = sortSpec('code')
    const unitNames = new Map<string, string>()
    const filename = `整改台账-${today}.xlsx`
    const build = async ({ workbook, pace }: XlsxSink) => {
      const headers = [...TASK_HEADERS, ...EXTRA_HEADERS]
      const ws = workbook.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 2 }] })
      ws.columns = [...TASK_WIDTHS, ...EXTRA_WIDTHS].map((width) => ({ width }))
      const title = ws.addRow([`中央生态环境保护督察反馈问题整改台账（截至${chineseDate(today)}）`])
      ws.mergeCells(1, 1, 1, headers.length)
      title.font = { bold: true, size: 14 }
      title.commit()
      const head = ws.addRow(headers)
      head.font = { bold: true }
      head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
      head.commit()
      let after: string[] | null = null
      let seq = 0
      for (;;) {
        const rows: ProblemRow[] = await problemsRepo.list(this.db, filter, sort, BATCH, after)
        if (!rows.length) break
        const [plans, derived] = await Promise.all([
          this.measureTexts(rows.map((r) => r.id)),
          computeDerived(
            this.db,
            rows.filter((r) => r.lightAsOf !== today),
            today,
            this.settings,
          ),
          this.loadUnits(rows, unitNames),
        ])
        for (const r of rows) {
          const d = derived.get(r.id)
          const light = d?.light.color ?? r.light
          const planned = d?.plannedProgress ?? r.plannedProgress
          const units = [
            `${unitNames.get(r.leadUnitId) ?? ''}（牵头）`,
            ...r.coUnitIds.map((id) => `${unitNames.get(id) ?? ''}（配合）`),
          ]
          const row = ws.addRow([
            ++seq,
            r.code,
            r.title,
            units.join('、'),
            leaderText(r.leadLeader as { name: string; post: string } | null),
            r.target,
            r.deadlineText || chineseDate(r.deadline),
            joinMeasures(plans.get(r.id) ?? []),
            MODE_LABELS[r.mode as keyof typeof MODE_LABELS] ?? r.mode,
            STATUS_LABELS[r.status] ?? r.status,
            LIGHT_LABELS[light] ?? light,
            `${Math.round(planned)}%`,
            `${Math.round(r.reportedProgress)}%`,
            isOverdue(r.status as ProblemStatus, r.deadline, today) ? '是' : '否',
            r.closedOn ? chineseDate(r.closedOn) : '',
          ])
          row.alignment = { wrapText: true, vertical: 'top' }
          row.getCell(11).fill = {
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: LIGHT_FILLS[light] ?? 'FFFFFFFF' },
          }
          row.commit()
        }
        await pace()
        if (rows.length < BATCH) break
        after = sort.cursorOf(rows[rows.length - 1]!)
      }
      ws.commit()
    }
    return { filename, build }
  }

  /** Measure texts by problem, in plan order (one query per batch). */
  private async measureTexts(ids: string[]): Promise<Map<string, string[]>> {
    const rows = await this.db
      .select({ problemId: measures.problemId, content: measures.content })
      .from(measures)
      .where(inArray(measures.problemId, ids))
      .orderBy(asc(measures.problemId), asc(measures.seq))
    const out = new Map<string, string[]>()
    for (const r of rows) out.set(r.problemId, [...(out.get(r.problemId) ?? []), r.content])
    return out
  }

  /** Names of the units the batch names that are not known yet (units are few; kept across batches). */
  private async loadUnits(rows: ProblemRow[], names: Map<string, string>): Promise<void> {
    const missing = new Set<string>()
    for (const r of rows)
      for (const id of [r.leadUnitId, ...r.coUnitIds]) if (!names.has(id)) missing.add(id)
    for (const u of await problemsRepo.units(this.db, [...missing])) names.set(u.id, u.name)
  }
}
