import ExcelJS from 'exceljs'
import type { Db } from '../src/db/client.js'
import {
  accountabilityRecords,
  petitionAppearances,
  petitionBatches,
  petitions,
} from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'

/** Test data and readers for the exports and the bulletin. */

/** What a petition's complainant left: it must never leave the office in an export. */
export const COMPLAINANT = { name: '投诉人欧阳明远', contact: '13987654321' }

/** Every cell of every sheet of an .xlsx, as text, with the sheets for closer looks. */
export async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  const sheet = wb.worksheets[0]!
  const cells: string[] = []
  wb.eachSheet((s) =>
    s.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value
        cells.push(v instanceof Date ? v.toISOString() : JSON.stringify(v))
      }),
    ),
  )
  /** Data rows (below the title, note and header), each as its cell values. */
  const rows: unknown[][] = []
  sheet.eachRow((row, n) => {
    if (n > 3) rows.push((row.values as unknown[]).slice(1))
  })
  const header = (sheet.getRow(3).values as unknown[]).slice(1)
  return { wb, sheet, cells, rows, header }
}

/** A petition batch of `round` with cases: one per handling unit (null: not yet assigned). */
export async function makePetitions(
  db: Db,
  round: { id: string },
  cases: { unit: { id: string } | null; receiptNo: string; status?: string }[],
) {
  const batchId = uuidv7()
  await db.insert(petitionBatches).values({
    id: batchId,
    roundId: round.id,
    seq: 1,
    handedOn: '2026-10-08',
    source: 'central',
  })
  for (const c of cases) {
    const id = uuidv7()
    await db.insert(petitions).values({
      id,
      receiptNo: c.receiptNo,
      batchId,
      regionText: '甲县',
      domains: ['air', 'noise'],
      complaint: `${c.receiptNo} 某厂夜间排放异味`,
      complainantName: COMPLAINANT.name,
      complainantContact: COMPLAINANT.contact,
      status: c.unit ? (c.status ?? 'handling') : 'received',
      handlingUnitId: c.unit?.id ?? null,
      deadline: c.unit ? '2026-10-15' : null,
      ...(c.status === 'closed' && {
        finding: 'true',
        investigation: '经现场核查，该厂夜间生产时废气收集不到位，异味扰民属实。',
        measures: '已责令停产整改',
        closedAt: new Date('2026-10-20T17:30:00Z'), // 2026-10-21 in Shanghai
        ordersToRectify: 1,
        finesWan: 2.5,
      }),
    })
    await db.insert(petitionAppearances).values({ petitionId: id, batchId })
  }
  return batchId
}

/** An accountability record of `unit` with form `form`, decided on `date`. */
export async function makeAccountability(
  db: Db,
  unit: { id: string },
  form: string,
  date = '2026-10-10',
) {
  await db.insert(accountabilityRecords).values({
    id: uuidv7(),
    subjectKind: 'unit',
    unitId: unit.id,
    form,
    decidingBody: '市纪委监委',
    decisionDate: date,
  })
}
