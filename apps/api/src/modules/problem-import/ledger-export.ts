import { asc, inArray } from 'drizzle-orm'
import type { ExportProblemsQuery } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { measures } from '../../db/schema/index.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { LIGHT_FILLS, type XlsxSink } from '../../lib/xlsx-stream.js'
import { addDataRow, addTable, type Column } from '../../lib/xlsx-table.js'
import { recordAudit } from '../audit/index.js'
import {
  computeDerived,
  countProblems,
  isOverdue,
  type LightSettings,
  listProblems,
  type ProblemRow,
  problemScope,
  sortSpec,
} from '../problems/index.js'
import type { ProblemStatus } from '@rectify/schemas'
import { chineseDate } from '../../lib/dates.js'
import { MODE_LABELS, leaderText } from './fields.js'
import { joinMeasures } from './measures-split.js'
import { findRound } from '../rounds/index.js'
import { TASK_HEADERS, TASK_WIDTHS } from './template.js'
import { findUnitPath, unitRefs } from '../units/index.js'

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
 * The ledger's columns: the task table's (the template's, so the file imports back), with the
 * full problem description beside the title, then what the ledger knows — status, light, planned
 * and reported progress as percentages, overdue, the deadline and close-out date as dates.
 * 整改时限 keeps the plan's words (2023年底前完成并长期坚持), which the import reads its stages
 * from; a problem typed in without such words gets a date cell there.
 */
const [SEQ, CODE, TITLE, ...REST] = TASK_HEADERS.map((header, i): Column => ({
  header,
  width: TASK_WIDTHS[i]!,
  wrap: TASK_WIDTHS[i]! >= 16,
}))
const LEDGER_COLUMNS: Column[] = [
  { ...SEQ!, kind: 'integer' },
  CODE!,
  { ...TITLE!, width: 36 },
  { header: '问题描述', width: 48, wrap: true },
  ...REST.flatMap((c): Column[] =>
    c.header === '整改时限'
      ? [{ ...c, kind: 'date' }]
      : c.header === '责任单位'
        ? // Collective responsibilities recorded as such (各县（市、区）人民政府), beside the units.
          [c, { header: '集体责任', width: 20, wrap: true }]
        : [c],
  ),
  { header: '状态', width: 10 },
  { header: '预警', width: 8 },
  { header: '序时进度', width: 10, kind: 'percent' },
  { header: '实际进度', width: 10, kind: 'percent' },
  { header: '是否逾期', width: 8 },
  { header: '截止日期', width: 17, kind: 'date' },
  { header: '销号日期', width: 17, kind: 'date' },
]
const LIGHT_COLUMN = LEDGER_COLUMNS.findIndex((c) => c.header === '预警') + 1

/**
 * The ledger (台账) as a streamed .xlsx: every filter of GET /problems, scoped exactly like it
 * (the same filter builder and object scope), read in keyset batches in code order so memory
 * stays flat whatever the size, laid out and set up for printing by lib/xlsx-table.ts (title
 * row with the round's name, note, header). The header rows above the data are what the import's
 * header detection skips, so the file imports back into a round (LEDGER_COLUMNS). Rows are read
 * from `readDb` (the replica when there is one); the download's audit entry goes to `db`.
 */
export class LedgerExportService {
  constructor(
    private readonly db: Db,
    private readonly readDb: Db,
    private readonly settings: LightSettings,
  ) {}

  /** Audits the download and answers its file name and the writer `sendXlsx` streams. */
  async prepare(
    ctx: Ctx,
    q: ExportProblemsQuery,
  ): Promise<{ filename: string; build: (sink: XlsxSink) => Promise<void> }> {
    const today = shanghaiDate()
    const { unit, ...filters } = q
    const unitPath = unit ? await findUnitPath(this.readDb, unit) : undefined
    const filter = { ...filters, unitPath, scope: problemScope(ctx.actor), today }
    const total = await countProblems(this.readDb, filter)
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
    const round = q.round ? await findRound(this.readDb, q.round) : undefined
    const title = `${round?.name ?? '中央生态环境保护督察'}反馈问题整改台账`
    const build = async ({ workbook, pace }: XlsxSink) => {
      const ws = addTable(
        workbook,
        '整改台账',
        title,
        `截至${chineseDate(today)}\u3000共${total}项`,
        LEDGER_COLUMNS,
        { frozenColumns: 3 },
      )
      let after: string[] | null = null
      let seq = 0
      for (;;) {
        const rows: ProblemRow[] = await listProblems(this.readDb, filter, sort, BATCH, after)
        if (!rows.length) break
        const [plans, derived] = await Promise.all([
          this.measureTexts(rows.map((r) => r.id)),
          computeDerived(
            this.readDb,
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
          addDataRow(
            ws,
            LEDGER_COLUMNS,
            [
              ++seq,
              r.code,
              r.title,
              r.description,
              units.join('、'),
              r.collectiveUnits,
              leaderText(r.leadLeader as { name: string; post: string } | null),
              r.target,
              r.deadlineText || r.deadline,
              joinMeasures(plans.get(r.id) ?? []),
              MODE_LABELS[r.mode as keyof typeof MODE_LABELS] ?? r.mode,
              STATUS_LABELS[r.status] ?? r.status,
              LIGHT_LABELS[light] ?? light,
              planned,
              r.reportedProgress,
              isOverdue(r.status as ProblemStatus, r.deadline, today) ? '是' : '否',
              r.deadline,
              r.closedOn,
            ],
            { fill: { column: LIGHT_COLUMN, argb: LIGHT_FILLS[light] ?? 'FFFFFFFF' } },
          )
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
    const rows = await this.readDb
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
    for (const u of await unitRefs(this.readDb, [...missing])) names.set(u.id, u.name)
  }
}
