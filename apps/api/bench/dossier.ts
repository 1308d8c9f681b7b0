/**
 * The dossier (一案一档) in `pnpm bench`: time per download and the peak RSS increase while
 * downloading, for a problem with 100 reports and 200 evidence files (20–200 KB each, written
 * through the file store) next to a problem with 10× fewer, in the same run. The archive is
 * streamed, so time should grow with the bytes while memory does not: the last column prints
 * both ratios against the small dossier, the baseline.
 *
 * The problems, reports and audit entries are made once (and found again on a kept PostgreSQL
 * bench database); the evidence bytes are written on every run, since the bench's DATA_DIR is
 * temporary. Environment: BENCH_DOSSIER_RUNS (default 3) measured downloads per dossier.
 */
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import type { Database } from '../src/db/client.js'
import { files, problems, progressReports } from '../src/db/schema/index.js'
import { cliContext } from '../src/lib/context.js'
import { uuidv7 } from '../src/lib/ids.js'
import { recordAudit } from '../src/modules/audit/audit.writer.js'
import type { FileStore } from '../src/modules/files/file-store.js'
import { syncProblemUnits } from '../src/modules/problems/problems.derived.js'

const LARGE = { reports: 100, filesPerReport: 2 }
const SMALL = { reports: 10, filesPerReport: 2 }

interface Shape {
  reports: number
  filesPerReport: number
}

interface Measured {
  name: string
  files: number
  zipBytes: number
  ms: number
  rssMb: number
}

/** The bench problem of this shape: found by its code, or made (reports and audit entries). */
async function ensureProblem(database: Database, template: string, shape: Shape) {
  const { db } = database
  const code = `BENCH-DOSSIER-${shape.reports * shape.filesPerReport}`
  const [found] = await db.select().from(problems).where(eq(problems.code, code))
  if (found) return found
  const [t] = await db.select().from(problems).where(eq(problems.id, template))
  if (!t) throw new Error('the bench problem template is missing')
  const id = uuidv7()
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(problems)
      .values({
        id,
        roundId: t.roundId,
        code,
        title: `一案一档基准：${shape.reports}份报告`,
        description: '用于测量一案一档导出的时间与内存。',
        source: 'self_check',
        nature: 'individual',
        domain: 'water',
        regionId: t.regionId,
        mode: 'time_bound',
        deadline: t.deadline,
        leadUnitId: t.leadUnitId,
        status: 'in_progress',
      })
      .returning()
    await syncProblemUnits(tx, id)
    const reports = Array.from({ length: shape.reports }, (_, i) => ({
      id: uuidv7(),
      problemId: id,
      unitId: t.leadUnitId,
      period: `20${26 + Math.floor(i / 52)}-W${String((i % 52) + 1).padStart(2, '0')}`,
      done: `第${i + 1}期：完成管网排查与整治，${'现场核查记录。'.repeat(20)}`,
      percent: Math.min(100, i),
      status: 'accepted',
      submittedByName: 'bench',
    }))
    await tx.insert(progressReports).values(reports)
    await recordAudit(
      tx,
      cliContext('bench'),
      ...reports.map((r) => ({
        action: 'report.submitted',
        entityType: 'report',
        entityId: r.id,
        after: { problemId: id, period: r.period, percent: r.percent },
      })),
    )
    return row!
  })
}

/** Writes fresh evidence bytes (20–200 KB each) through the store and attaches them to the reports. */
async function writeEvidence(
  database: Database,
  store: FileStore,
  problemId: string,
  shape: Shape,
) {
  const { db } = database
  await db.delete(files).where(eq(files.problemId, problemId))
  const reports = await db
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(eq(progressReports.problemId, problemId))
  let n = 0
  for (const r of reports) {
    for (let k = 0; k < shape.filesPerReport; k++, n++) {
      const size = 20_480 + ((n * 7919) % 180) * 1024
      const stored = await store.put(Readable.from([randomBytes(size)]))
      await db.insert(files).values({
        id: uuidv7(),
        name: `现场照片-${n + 1}.jpg`,
        size: stored.size,
        mimeType: 'image/jpeg',
        sha256: stored.sha256,
        storageKey: stored.key,
        ownerType: 'report',
        ownerId: r.id,
        problemId,
      })
    }
  }
  return n
}

const rss = () => process.memoryUsage.rss()

/** Downloads the dossier `runs` times (after one unmeasured download): median time, peak RSS rise. */
async function measure(base: string, token: string, problemId: string, runs: number) {
  const get = async () => {
    const res = await fetch(`${base}/api/v1/problems/${problemId}/dossier`, {
      headers: { authorization: `Bearer ${token}` },
    })
    if (!res.ok || !res.body) throw new Error(`dossier answered ${res.status}: ${await res.text()}`)
    let bytes = 0
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
      bytes += chunk.length
    return bytes
  }
  await get()
  const before = rss()
  let peak = before
  // The server runs in this process: sample its RSS while it streams.
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 2)
  const times: number[] = []
  let zipBytes = 0
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      zipBytes = await get()
      times.push(performance.now() - started)
    }
  } finally {
    clearInterval(sampler)
  }
  times.sort((a, b) => a - b)
  return {
    ms: times[Math.floor(times.length / 2)]!,
    zipBytes,
    rssMb: (Math.max(peak, rss()) - before) / 1024 / 1024,
  }
}

/**
 * Builds the two dossier problems (from the template problem's round and units), downloads each
 * and returns the result table.
 */
export async function benchDossier(
  base: string,
  database: Database,
  store: FileStore,
  template: string,
  token: () => Promise<string>,
  runs: number,
): Promise<string> {
  const rows: Measured[] = []
  for (const [name, shape] of [
    ['dossier, 20 files (baseline)', SMALL],
    ['dossier, 200 files', LARGE],
  ] as const) {
    const problem = await ensureProblem(database, template, shape)
    const count = await writeEvidence(database, store, problem.id, shape)
    rows.push({ name, files: count, ...(await measure(base, await token(), problem.id, runs)) })
  }
  const [small, large] = rows as [Measured, Measured]
  const header = ['dossier', 'files', 'zip MB', 'ms/dossier', 'peak RSS +MB', 'vs baseline']
  const body = rows.map((r) => [
    r.name,
    String(r.files),
    (r.zipBytes / 1024 / 1024).toFixed(1),
    r.ms.toFixed(0),
    r.rssMb.toFixed(1),
    r === large
      ? `time ${(large.ms / small.ms).toFixed(2)}×, memory ${(large.rssMb / Math.max(small.rssMb, 1)).toFixed(2)}×`
      : '',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [
    `${runs} downloads per dossier (after 1 unmeasured); memory ratio against at least 1 MB`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ].join('\n')
}
