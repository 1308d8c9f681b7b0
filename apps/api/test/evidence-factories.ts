import { randomBytes } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import { eq, max } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../src/db/client.js'
import {
  measures,
  milestones,
  problemUnits,
  problems,
  rounds,
  units,
} from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { refreshDerived, syncProblemUnits } from '../src/modules/problems/problems.derived.js'

/**
 * Test data for measures, reports and evidence: rounds and problems inserted straight into the
 * database (the ledger routes belong to another module), real file bytes built in memory, and
 * multipart bodies.
 */

type UnitRow = typeof units.$inferSelect
export type ProblemRow = typeof problems.$inferSelect
export type MeasureRow = typeof measures.$inferSelect

let n = 0
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`
/** A date `days` from today in Asia/Shanghai. */
export const day = (days: number) => addDays(shanghaiDate(), days)

export async function makeRound(db: Db) {
  const [row] = await db
    .insert(rounds)
    .values({
      id: uuidv7(),
      name: `第二轮第${uniq()}批中央生态环境保护督察`,
      kind: 'central',
      settings: { acceptanceLevels: ['city'], publicityDays: 5 },
    })
    .returning()
  return row!
}

export async function makeProblem(
  db: Db,
  o: {
    round: { id: string }
    leadUnit: UnitRow
    region?: UnitRow | null
    coUnits?: UnitRow[]
    status?: string
    mode?: string
    /** Days from today, or a date. */
    deadline?: number | string
    reportedProgress?: number
  },
): Promise<ProblemRow> {
  const id = uuidv7()
  await db.insert(problems).values({
    id,
    roundId: o.round.id,
    code: `反馈问题第${uniq()}项`,
    title: '县污水处理厂超标排放',
    source: 'feedback',
    nature: 'individual',
    domain: 'water',
    regionId: o.region?.id ?? null,
    mode: o.mode ?? 'time_bound',
    deadline: typeof o.deadline === 'string' ? o.deadline : day(o.deadline ?? 120),
    leadUnitId: o.leadUnit.id,
    status: o.status ?? 'draft',
    // A closed problem always has its outcome (problems_outcome_check).
    ...(o.status === 'closed' && { outcome: 'rectified', closedOn: shanghaiDate() }),
    reportedProgress: o.reportedProgress ?? 0,
  })
  if (o.coUnits?.length)
    await db
      .insert(problemUnits)
      .values(o.coUnits.map((u) => ({ problemId: id, unitId: u.id, role: 'co' })))
  await syncProblemUnits(db, id)
  await refreshDerived(db, [id], shanghaiDate())
  return (await db.select().from(problems).where(eq(problems.id, id)))[0]!
}

/** A measure inserted directly (with milestones), unit links and light brought up to date. */
export async function makeMeasure(
  db: Db,
  o: {
    problem: { id: string }
    unit: UnitRow
    startDate?: string
    deadline?: string
    weight?: number
    percent?: number
    milestones?: { name: string; dueDate: string; weight?: number | null }[]
  },
): Promise<MeasureRow> {
  const id = uuidv7()
  const [last] = await db
    .select({ n: max(measures.seq) })
    .from(measures)
    .where(eq(measures.problemId, o.problem.id))
  const [row] = await db
    .insert(measures)
    .values({
      id,
      problemId: o.problem.id,
      seq: (last?.n ?? 0) + 1,
      content: '完成提标改造',
      unitId: o.unit.id,
      startDate: o.startDate ?? day(-30),
      deadline: o.deadline ?? day(60),
      weight: o.weight ?? 1,
      percent: o.percent ?? 0,
      status: o.percent ? 'in_progress' : 'pending',
    })
    .returning()
  if (o.milestones?.length)
    await db.insert(milestones).values(
      o.milestones.map((m, i) => ({
        id: uuidv7(),
        measureId: id,
        seq: i + 1,
        name: m.name,
        dueDate: m.dueDate,
        weight: m.weight ?? null,
      })),
    )
  await syncProblemUnits(db, o.problem.id)
  await refreshDerived(db, [o.problem.id], shanghaiDate())
  return row!
}

// ── File bytes ──────────────────────────────────────────────────────────────────────────────

function pngChunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** A valid `size`×`size` RGB PNG filled with one colour. */
export function pngBytes(size = 4, rgb: [number, number, number] = [0x2e, 0x8b, 0x57]): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: size }, () => rgb).flat()),
  ])
  const raw = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** A minimal one-page PDF with a correct cross-reference table. */
export function pdfBytes(text = 'Rectify evidence'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
    `<< /Length ${`BT /F1 12 Tf 10 50 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 10 50 Td (${text}) Tj ET\nendstream`,
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out))
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((x) => `${String(x).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** A ZIP archive of stored (uncompressed) entries. */
export function zipBytes(entries: Record<string, string | Buffer>): Buffer {
  const local: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content)
    const nameBuf = Buffer.from(name)
    const crc = crc32(data)
    const h = Buffer.alloc(30)
    h.writeUInt32LE(0x04034b50, 0)
    h.writeUInt16LE(20, 4)
    h.writeUInt32LE(crc, 14)
    h.writeUInt32LE(data.length, 18)
    h.writeUInt32LE(data.length, 22)
    h.writeUInt16LE(nameBuf.length, 26)
    local.push(h, nameBuf, data)
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt32LE(crc, 16)
    c.writeUInt32LE(data.length, 20)
    c.writeUInt32LE(data.length, 24)
    c.writeUInt16LE(nameBuf.length, 28)
    c.writeUInt32LE(offset, 42)
    central.push(c, nameBuf)
    offset += 30 + nameBuf.length + data.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...local, cd, end])
}

/** The parts of a minimal Word document (.docx). */
export function docxBytes(): Buffer {
  return zipBytes({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    'word/document.xml':
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  })
}

/** An OLE2 compound file carrying a directory entry named `stream` (e.g. WordDocument). */
export function oleBytes(stream: string | null): Buffer {
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header)
  const dir = Buffer.alloc(512)
  Buffer.from('Root Entry', 'utf16le').copy(dir, 0)
  if (stream) Buffer.from(stream, 'utf16le').copy(dir, 128)
  return Buffer.concat([header, dir])
}

/** The start of a Linux executable. */
export const elfBytes = () =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(200)])

// ── Multipart ───────────────────────────────────────────────────────────────────────────────

export interface Part {
  name: string
  filename?: string
  contentType?: string
  data: Buffer | string
}

export function multipart(parts: Part[]) {
  const boundary = `----rectify${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`,
      ),
    )
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** Uploads one file as `token`'s user. */
export function upload(
  app: FastifyInstance,
  token: string,
  file: { filename: string; data: Buffer; contentType?: string },
  headers: Record<string, string> = {},
) {
  const body = multipart([
    {
      name: 'file',
      filename: file.filename,
      contentType: file.contentType ?? 'application/octet-stream',
      data: file.data,
    },
  ])
  return app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: body.payload,
    headers: { ...body.headers, authorization: `Bearer ${token}`, ...headers },
  })
}

/** Any request as `token`'s user (DELETE, or a request with an exact body). */
export function call(
  app: FastifyInstance,
  token: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as string }),
  })
}
