import type {
  ImportCellError,
  ImportColumn,
  ImportWarning,
  ParsedUnit,
  ProblemImportBody,
} from '@rectify/schemas'
import { cellRef, type TableRecord as SheetRow } from '../../lib/workbook/index.js'
import type { ImportContext, Task } from './analyse.js'
import { ref, resolveMention } from './collectives.js'
import { chineseDate } from '../../lib/dates.js'
import { datesIn, isPlainDate, parseDeadline } from './deadline.js'
import {
  inferDomain,
  leaderText,
  parseDomain,
  parseLeader,
  parseMode,
  parseNature,
  parseSource,
} from './fields.js'
import { splitMeasures } from './measures-split.js'
import { splitUnits, type UnitMatch } from './units-parse.js'
/** The columns a task's units are named in. */
const UNIT_FIELDS = ['units', 'leadUnit', 'coUnits'] as const
type UnitField = (typeof UNIT_FIELDS)[number]
type Mention = Parameters<typeof resolveMention>[0]

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join()

/** Statuses in which an import may still change a problem's deadline and measures. */
const PLAN_OPEN = new Set(['draft', 'plan_review'])

/**
 * One task (a group of sheet rows) understood: every cell parsed, units resolved, compared with
 * the round's problem of the same code. Errors are appended to `errors` with the sheet row and
 * the column's header, in Chinese and English.
 */
export function readTask(
  g: SheetRow[],
  col: Map<string, number>,
  columns: ImportColumn[],
  body: ProblemImportBody,
  ctx: ImportContext,
  match: (name: string) => UnitMatch,
  errors: ImportCellError[],
  warnings: ImportWarning[],
): Task {
  const first = g[0]!
  const rowNo = first.rowNo
  const before = errors.length
  const cell = (r: SheetRow, f: string) => (col.has(f) ? (r.cells[col.get(f)!] ?? '').trim() : '')
  const head = (f: string) => columns.find((c) => c.index === col.get(f))?.header ?? f
  // The column an error about `f` points at: its own, else the one that holds it in this sheet
  // (units in 牵头单位 or 配合单位; the code in 序号); the cell is null without such a column.
  const where = (f: string) =>
    col.has(f)
      ? f
      : ((f === 'units' ? UNIT_FIELDS.find((x) => col.has(x)) : f === 'code' ? 'seq' : f) ?? f)
  const at = (f: string, row: number) => (col.has(f) ? cellRef(row, col.get(f)!) : null)
  const fail = (f: string, zh: string, en: string, row = rowNo, field = where(f)) =>
    errors.push({ row, column: head(field), cell: at(field, row), message: zh, messageEn: en })

  const code = (cell(first, 'code') || cell(first, 'seq')).slice(0, 64)
  if (!code) fail('code', '缺少问题编号（或序号）', 'The code (or sequence number) is missing')
  const rawTitle = cell(first, 'title')
  if (!rawTitle) fail('title', '问题（整改任务）不能为空', 'The problem (task) is required')
  const long = rawTitle.length > 200
  const title = long ? (rawTitle.split(/。/)[0] ?? rawTitle).slice(0, 200) : rawTitle
  const description = (cell(first, 'description') || (long ? rawTitle : '')).slice(0, 10_000)

  // Deadline: one cell, or one per row when each measure has its own (joined as stages).
  const deadlineCells = g.map((r) => cell(r, 'deadline')).filter(Boolean)
  const deadlineText = [...new Set(deadlineCells)].join('\n')
  const parsed = parseDeadline(deadlineText, ctx.base)
  const deadline = parsed.ok
    ? parsed.value
    : { text: deadlineText, deadline: null, mode: 'time_bound' as const, stages: [] }
  if (!parsed.ok) fail('deadline', parsed.message, parsed.messageEn)
  const modeCell = cell(first, 'mode')
  if (modeCell) {
    const m = parseMode(modeCell)
    if (m) deadline.mode = m
    else
      fail(
        'mode',
        `无法识别整改方式“${modeCell}”（立行立改、限时整改、长期坚持）`,
        `Unknown mode "${modeCell}"`,
      )
  }

  // Units: the task's cells on its first row; a later row's units are that row's measures' unit.
  const units: ParsedUnit[] = []
  const ids = new Map<string, 'lead' | 'co'>()
  const st = { lead: null as string | null }
  const collectives: string[] = []
  const resolve = (m: Mention, row: number, field: UnitField): string[] => {
    const r = resolveMention(m, body, ctx, match)
    units.push(r.parsed)
    if (r.error) {
      fail('units', r.error[0], r.error[1], row, field)
      return []
    }
    if (r.collective) collectives.push(m.text)
    // An expanded collective names no lead of its own (the first unit leads when none does).
    if (m.role === 'lead' && !st.lead && r.ids.length && r.parsed.choice !== 'expand')
      st.lead = r.ids[0]!
    return r.ids
  }
  const roles = { units: undefined, leadUnit: 'lead', coUnits: 'co' } as const
  for (const f of UNIT_FIELDS)
    for (const m of splitUnits(cell(first, f), roles[f]))
      for (const id of resolve(m, rowNo, f)) if (!ids.has(id)) ids.set(id, m.role)
  const measures: Task['measures'] = []
  for (const [i, r] of g.entries()) {
    let rowUnit: string | null = null
    if (i > 0)
      for (const f of UNIT_FIELDS)
        for (const m of splitUnits(cell(r, f), 'co'))
          for (const id of resolve(m, r.rowNo, f)) {
            rowUnit ??= id
            if (!ids.has(id)) ids.set(id, 'co')
          }
    for (const content of splitMeasures(cell(r, 'measures')))
      measures.push({ content: content.slice(0, 5000), unitId: rowUnit ?? '' })
  }
  // No unit marked lead (all collective or co): the first named unit leads.
  const lead = st.lead ?? [...ids.keys()][0] ?? null
  if (!lead && errors.length === before)
    fail('units', '缺少责任（牵头）单位', 'The responsible (lead) unit is missing')
  const coUnitIds = [...ids.keys()].filter((id) => id !== lead)
  const named = [...ctx.units, ...ctx.pending.values()].filter((u) => ids.has(u.id))
  for (const m of measures)
    if (!m.unitId) m.unitId = named.find((u) => m.content.includes(u.name))?.id ?? lead ?? ''

  // Collective responsibilities: those recorded from the unit cells, and what a 集体责任 column
  // states (the ledger export writes them there, so an export imports back unchanged).
  const stated = cell(first, 'collective').slice(0, 500)
  const collectiveUnits = [stated, ...collectives.filter((c) => !stated.includes(c))]
    .filter(Boolean)
    .join('、')

  const leadLeader = parseLeader(cell(first, 'leadLeader'))
  const target = cell(first, 'target').slice(0, 2000)
  const textAll = `${title}${description}${target}`
  const domainCell = cell(first, 'domain')
  const domain = domainCell ? parseDomain(domainCell) : inferDomain(textAll)
  if (!domain) fail('domain', `无法识别领域“${domainCell}”`, `Unknown domain "${domainCell}"`)
  const natureCell = cell(first, 'nature')
  const nature = natureCell ? parseNature(natureCell) : 'individual'
  if (!nature)
    fail(
      'nature',
      `无法识别问题性质“${natureCell}”（个性、共性）`,
      `Unknown nature "${natureCell}"`,
    )
  const sourceCell = cell(first, 'source')
  const source = sourceCell ? parseSource(sourceCell) : 'feedback'
  if (!source) fail('source', `无法识别问题来源“${sourceCell}”`, `Unknown source "${sourceCell}"`)
  const regionCell = cell(first, 'region')
  const inferred: Task['row']['inferred'] = []
  if (!domainCell) inferred.push('domain')
  let region = regionCell ? ctx.counties.find((c) => match(regionCell).unit?.id === c.id) : null
  if (regionCell && !region)
    fail('region', `“${regionCell}”不是县（市、区）`, `"${regionCell}" is not a county or district`)
  // Only a lead the sheet names: a collective expanded to every county is in no one region.
  if (!regionCell && lead && st.lead) {
    // A county-level lead unit (or a township of one) says where the problem is.
    const unit = ctx.byId.get(lead) ?? ctx.pending.get(lead)
    const county =
      unit?.kind === 'county'
        ? unit
        : unit?.kind === 'township' && unit.parentId
          ? ctx.byId.get(unit.parentId)
          : undefined
    if (county?.kind === 'county') {
      region = county
      inferred.push('region')
    }
  }
  if (parsed.ok && !datesIn(deadlineText.normalize('NFKC')).length) inferred.push('deadline')

  const text = deadline.deadline && isPlainDate(deadlineText) ? '' : deadlineText
  const ex = code ? (ctx.existing.get(code) ?? null) : null
  let action: Task['row']['action'] = ex ? 'unchanged' : 'new'
  if (ex && errors.length === before) {
    const planChanged =
      ex.deadline !== deadline.deadline || ex.mode !== deadline.mode || ex.deadlineText !== text
    const measuresChanged = ex.measures.join('\n') !== measures.map((m) => m.content).join('\n')
    const changed =
      planChanged ||
      measuresChanged ||
      ex.title !== title ||
      (col.has('description') && ex.description !== description) ||
      ex.leadUnitId !== lead ||
      !sameSet(ex.coUnitIds, coUnitIds) ||
      ex.leader !== leaderText(leadLeader) ||
      ex.target !== target ||
      ex.collectiveUnits !== collectiveUnits
    if (changed) action = 'update'
    if (changed && ex.status === 'closed')
      fail(
        'code',
        `问题“${code}”已销号，不能通过导入修改`,
        `Problem ${code} is closed and cannot be changed`,
      )
    else if ((planChanged || measuresChanged) && !PLAN_OPEN.has(ex.status))
      fail(
        'deadline',
        `问题“${code}”的方案已批准，时限和措施只能通过延期或措施调整修改`,
        `Problem ${code}'s plan is approved: its deadline and measures change only by extension`,
      )
  }
  if (errors.length > before) action = 'error'
  const due = deadline.deadline
  if (due && (action === 'new' || (action === 'update' && ex?.deadline !== due))) {
    const ack = body.acknowledge === 'all' || !!body.acknowledge?.includes(rowNo)
    const warn = (code: ImportWarning['code'], zh: string, en: string) =>
      warnings.push({
        row: rowNo,
        column: head('deadline'),
        cell: at('deadline', rowNo),
        code,
        message: zh,
        messageEn: en,
        acknowledged: ack,
      })
    if (ctx.feedbackDate && due < ctx.feedbackDate)
      warn(
        'before_feedback',
        `整改时限${chineseDate(due)}早于本轮督察反馈日期${chineseDate(ctx.feedbackDate)}，请核对年份`,
        `The deadline ${due} is before the round's feedback date ${ctx.feedbackDate}: check the year`,
      )
    else if (due < ctx.today)
      warn(
        'deadline_past',
        `整改时限${chineseDate(due)}已过，导入后即为逾期（红灯）`,
        `The deadline ${due} has passed: the problem is overdue (red) once imported`,
      )
  }
  return {
    row: {
      row: rowNo,
      rows: g.map((r) => r.rowNo),
      code,
      title,
      action,
      deadline: { ...deadline },
      units,
      leadLeader: leaderText(leadLeader),
      target,
      measures: measures.map((m) => m.content),
      domain: domain ?? 'other',
      region: region ? ref(region) : null,
      collectiveUnits,
      inferred,
    },
    existing: ex,
    title,
    description,
    source: source ?? 'feedback',
    nature: nature ?? 'individual',
    domain: domain ?? 'other',
    regionId: region?.id ?? null,
    collectiveUnits,
    provided: new Set(
      ['description', 'domain', 'nature', 'source', 'region']
        .filter((f) => col.has(f))
        .concat(inferred.includes('region') ? ['region'] : []),
    ),
    mode: deadline.mode,
    deadline: deadline.deadline ?? ctx.base.immediate,
    deadlineText: text,
    target,
    leadLeader,
    leadUnitId: lead ?? '',
    coUnitIds,
    measures,
    stages: deadline.stages,
  }
}
