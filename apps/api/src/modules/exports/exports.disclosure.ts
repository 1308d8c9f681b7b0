import type { Db } from '../../db/client.js'
import type { XlsxSink } from '../../lib/xlsx-stream.js'
import { addDataRow, addTable, type Column } from '../../lib/xlsx-table.js'
import { label } from '../dossier/index.js'
import {
  disclosurePage,
  type DisclosureCase,
  type DisclosureExtras,
  type DisclosureRow,
  type PetitionFilter,
} from '../petitions/index.js'
import { word } from './exports.format.js'
import { asOf, BATCH, shanghaiDay } from './exports.sheets.js'
import { unitRefs } from '../units/index.js'

/**
 * The columns cities publish for petition cases, with the investigation (调查核实情况) the
 * office files with them and the dates; no complainant column exists here, and the rows come
 * from columns that leave the complainant out (petitions' disclosurePage).
 */
const PETITION_COLUMNS: Column[] = [
  { header: '序号', width: 6, kind: 'integer' },
  { header: '受理编号', width: 16 },
  { header: '交办批次', width: 10 },
  { header: '交办日期', width: 17, kind: 'date' },
  { header: '行政区域', width: 14, wrap: true },
  { header: '污染类型', width: 12, wrap: true },
  { header: '交办问题基本情况', width: 48, wrap: true },
  { header: '调查核实情况', width: 40, wrap: true },
  { header: '是否属实', width: 10 },
  { header: '处理和整改情况', width: 48, wrap: true },
  { header: '问责情况', width: 24, wrap: true },
  { header: '办理状态', width: 10 },
  { header: '办结日期', width: 17, kind: 'date' },
  { header: '责令整改（家）', width: 10, kind: 'integer' },
  { header: '立案处罚（家）', width: 10, kind: 'integer' },
  { header: '罚款（万元）', width: 11, kind: 'decimal' },
  { header: '拘留（人）', width: 8, kind: 'integer' },
  { header: '约谈（人）', width: 8, kind: 'integer' },
  { header: '问责（人）', width: 8, kind: 'integer' },
]

/**
 * The disclosure columns of a case: its published row where the office has published one (a
 * re-import or an edit reaches the table only when the office publishes again), else the case
 * as it reads now. A column a row published earlier did not carry is read from the case.
 */
function disclosed(c: DisclosureCase, region: Map<string, string>, p: DisclosureRow | undefined) {
  const has = (k: keyof DisclosureExtras) => p !== undefined && k in p
  return {
    region: p ? p.region : c.regionText || c.regionIds.map((id) => region.get(id) ?? '').join('、'),
    domains: p ? p.domains : c.domains,
    complaint: p ? p.complaint : c.complaint,
    investigation: has('investigation') ? p!.investigation! : c.investigation,
    finding: p ? p.finding : c.finding,
    handling: p ? p.handling : c.measures,
    accountability: p ? p.accountability : c.accountability,
    status: p ? p.status : c.status,
    closedOn: has('closedOn')
      ? (p!.closedOn ?? null)
      : c.closedAt
        ? shanghaiDay.format(c.closedAt)
        : null,
    counts: COUNTS.map((k) => (has(k) ? (p![k] ?? null) : c[k])),
  }
}

const COUNTS = [
  'ordersToRectify',
  'casesFiled',
  'finesWan',
  'detained',
  'talkedTo',
  'heldAccountable',
] as const

/**
 * 信访件办理情况公开表: one row per case in the caller's scope that has been handed to a unit
 * (cases not yet assigned have nothing to disclose), in natural receipt-number order; a case
 * in a published batch reads as the office last published it.
 */
export async function petitionsSheet(
  db: Db,
  sink: XlsxSink,
  filter: PetitionFilter,
  today: string,
) {
  const sheet = addTable(
    sink.workbook,
    '信访件办理情况',
    '交办信访件办理情况公开表',
    asOf(today),
    PETITION_COLUMNS,
    { frozenColumns: 2 },
  )
  let after: [string, string] | null = null
  let n = 0
  for (;;) {
    const { rows, batches: batch, published } = await disclosurePage(db, filter, BATCH, after)
    const regions = await unitRefs(db, [...new Set(rows.flatMap((r) => r.regionIds))])
    const region = new Map(regions.map((u) => [u.id, u.name]))
    for (const c of rows) {
      const b = batch.get(c.batchId)
      const d = disclosed(c, region, published.get(c.id))
      addDataRow(sheet, PETITION_COLUMNS, [
        ++n,
        c.receiptNo,
        b ? `第${b.seq}批` : '',
        b?.handedOn,
        d.region,
        d.domains.map((x) => label('domain', x)).join('、'),
        d.complaint,
        d.investigation,
        word('finding', d.finding),
        d.handling,
        d.accountability,
        word('petitionStatus', d.status),
        d.closedOn,
        ...d.counts,
      ])
    }
    await sink.pace()
    if (rows.length < BATCH) return
    const last = rows[rows.length - 1]!
    after = [last.receiptKey, last.id]
  }
}
