import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { eq, sql } from 'drizzle-orm'
import type { Database, Db } from '../src/db/client.js'
import { files, petitionBatches, rounds, users } from '../src/db/schema/index.js'
import type { Ctx } from '../src/lib/context.js'
import { FieldCipher, normalise } from '../src/lib/crypto/field-cipher.js'
import { SUITES, type SuiteName } from '../src/lib/crypto/suites.js'
import { uuidv7 } from '../src/lib/ids.js'
import { DEFAULT_LIMITS } from '../src/lib/workbook/index.js'
import type { FileStore } from '../src/modules/files/file-store.js'
import {
  PetitionImportService,
  XLSX_MIME,
} from '../src/modules/petitions/import/petitions.import.service.js'
import { buildSampleBatch } from '../src/modules/petitions/import/sample.js'
import { PetitionsService } from '../src/modules/petitions/petitions.service.js'
import { DEFAULT_LIGHT_SETTINGS } from '../src/modules/problems/lights.js'
import { copyWritten, shift } from './baseline.js'
import { cpuSince, cpuText, readCpu } from './cpu.js'
import { record } from './results.js'

/** Thrown to roll the bench back: the bench database keeps none of the imported cases. */
class RollBack extends Error {}

/**
 * Runs `fn` while sampling the RSS every 5 ms; returns its time, its CPU time (this process and
 * the database's backends, bench/cpu.ts) and the peak RSS seen.
 */
async function measure<T>(database: Database, fn: () => Promise<T>) {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  const cpu = await readCpu(database)
  const started = performance.now()
  try {
    const value = await fn()
    const ms = performance.now() - started
    return {
      value,
      ms,
      cpu: cpuSince(cpu, await readCpu(database)),
      peakMb: (peak = Math.max(peak, process.memoryUsage.rss())) / 2 ** 20,
    }
  } finally {
    clearInterval(timer)
  }
}

/**
 * Importing a 5,000-case batch built by the sample generator (goal ≤ 3 s): the dry run (every
 * cell checked, repeat candidates for every row) and the commit (checked again, written in one
 * transaction with appearances and audit), each with its peak RSS, against a baseline measured
 * in the same run — a plain bulk INSERT of every row the commit wrote (bench/baseline.ts: the
 * cases, appearances, audit entries and change-feed rows). Everything runs inside a
 * transaction that is rolled back, so the bench can be run again on the same database.
 */
export async function benchPetitionImport(
  database: Database,
  store: FileStore,
  cipher: FieldCipher,
  count = 5000,
): Promise<string> {
  const db = database.db
  const [round] = await db.select({ id: rounds.id }).from(rounds).limit(1)
  const [office] = await db.select().from(users).where(eq(users.username, 'office'))
  if (!round || !office) return 'petition import: the bench needs the demo round and office user'
  const built = await measure(database, () =>
    buildSampleBatch({ kind: 'valid', count, batchSeq: 90 }),
  )
  const bytes = built.value
  const stored = await store.put(Readable.from([bytes]))
  const ctx: Ctx = {
    actor: {
      type: 'user',
      id: office.id,
      name: office.displayName,
      unitId: office.unitId,
      unitPath: null,
      roles: ['office'],
      scopes: [],
      sessionId: null,
      cityWide: true,
    },
    meta: { requestId: 'bench', ip: null, userAgent: 'bench' },
  }
  const lines: string[] = []
  try {
    await db.transaction(async (tx) => {
      const batchId = uuidv7()
      await tx.insert(petitionBatches).values({
        id: batchId,
        roundId: round.id,
        seq: 900 + Math.floor(Math.random() * 99),
        handedOn: '2024-09-01',
        source: 'central',
      })
      const fileId = uuidv7()
      await tx.insert(files).values({
        id: fileId,
        name: 'bench.xlsx',
        size: stored.size,
        mimeType: XLSX_MIME,
        sha256: stored.sha256,
        storageKey: stored.key,
        unitId: office.unitId,
        uploadedBy: office.id,
      })
      const service = new PetitionImportService(
        tx as unknown as Db,
        store,
        {
          ...DEFAULT_LIMITS,
          maxUncompressedBytes: 500 * 1024 * 1024,
        },
        cipher,
      )
      const dry = await measure(database, () => service.run(ctx, batchId, { fileId, dryRun: true }))
      // Encryption on vs off (issue 18): the same commit of another 5,000 cases with personal
      // data in clear (a cipher that seals nothing; blind indexes are the normalised plaintext,
      // what a comparison without encryption would use), and with the other suite, measured
      // before the commit below so it cannot warm the cache for them.
      const variants: { name: string; ms: number; batchId: string }[] = []
      for (const [i, [name, variant]] of [
        ['off', new PlainCipher([], cipher.active, cipher.indexKey)],
        [otherSuite(cipher).name, otherSuite(cipher).cipher],
      ].entries() as IterableIterator<[number, [string, FieldCipher]]>) {
        const other = await sampleBatch(tx as unknown as Db, store, office, round.id, count, 91 + i)
        const svc = new PetitionImportService(
          tx as unknown as Db,
          store,
          { ...DEFAULT_LIMITS, maxUncompressedBytes: 500 * 1024 * 1024 },
          variant,
        )
        const run = await measure(database, () =>
          svc.run(ctx, other.batchId, { fileId: other.fileId, dryRun: false }),
        )
        await store.remove(other.key)
        if (!run.value.imported) throw new Error(`the ${name} bench batch did not import`)
        variants.push({ name, ms: run.ms, batchId: other.batchId })
      }
      const seqBefore = await lastAuditSeq(tx as unknown as Db)
      const commit = await measure(database, () =>
        service.run(ctx, batchId, { fileId, dryRun: false }),
      )
      if (!commit.value.imported)
        throw new Error(`the bench batch did not import: ${JSON.stringify(commit.value.errors[0])}`)
      // The baseline, after the import: the rows it wrote (cases, appearances, audit entries,
      // change-feed rows and heads) bulk-inserted again under other ids and receipt numbers.
      const shiftBy = (await lastAuditSeq(tx as unknown as Db)) - seqBefore
      const cases = sql`(select id from petitions where batch_id = ${batchId})`
      const base = await copyWritten(
        tx as unknown as Db,
        [
          {
            table: 'petitions',
            where: sql`t.batch_id = ${batchId}`,
            tweak: (r) => (r.receipt_no = `B${String(r.receipt_no)}`),
          },
          { table: 'petition_appearances', where: sql`t.batch_id = ${batchId}` },
          { table: 'audit_log', where: sql`t.seq > ${seqBefore}`, tweak: shift('seq', shiftBy) },
          {
            table: 'changes',
            where: sql`t.audit_seq > ${seqBefore}`,
            tweak: shift('audit_seq', shiftBy),
          },
          {
            table: 'change_heads',
            where: sql`t.entity_type = 'petition' and t.entity_id in ${cases}`,
          },
        ],
        database,
      )
      const ratio = (ms: number) => `${(ms / base.ms).toFixed(1)}× baseline`
      const off = variants[0]!
      const on = { name: `encryption on (${cipher.active.suite.name})`, ms: commit.ms }
      const sm = variants[1]!
      record(
        {
          name: 'petition import commit, encryption off',
          value: off.ms,
          unit: 'ms',
          concurrency: 1,
        },
        {
          name: `petition import commit, ${on.name}`,
          value: on.ms,
          unit: 'ms',
          baseline: { name: 'petition import commit, encryption off', value: off.ms },
          goal: { op: '<=', limit: 1.2, of: 'ratio' },
          concurrency: 1,
        },
        {
          name: `petition import commit, encryption on (${sm.name})`,
          value: sm.ms,
          unit: 'ms',
          baseline: { name: 'petition import commit, encryption off', value: off.ms },
          goal: { op: '<=', limit: 1.2, of: 'ratio' },
          concurrency: 1,
        },
      )
      // The case list beside it (issue 18): the first page and total of the batch written in
      // clear and of the one written sealed under the other suite — made alike and committed one
      // after the other — through the same service, alternately. (The batch committed above
      // lists slower, 20 against 13.5 ms in a trial, while the sealed sm batch listed as fast as
      // the clear one: that gap is not sealing, and its cause is not known yet.)
      const lists = new PetitionsService(tx as unknown as Db, DEFAULT_LIGHT_SETTINGS, cipher)
      const list = await listTimes(ctx, lists, [off.batchId, sm.batchId])
      record(
        { name: 'petition list page, encryption off', value: list[0]!, unit: 'ms', concurrency: 1 },
        {
          name: `petition list page, encryption on (${sm.name})`,
          value: list[1]!,
          unit: 'ms',
          baseline: { name: 'petition list page, encryption off', value: list[0]! },
          goal: { op: '<=', limit: 1.2, of: 'ratio' },
          concurrency: 1,
        },
      )
      const cpu = (c: { nodeMs: number; dbMs: number | null }) => cpuText(c, database)
      lines.push(
        `sample .xlsx built: ${(built.ms / 1000).toFixed(2)} s, ${(bytes.length / 1024).toFixed(0)} KiB`,
        `baseline bulk INSERT of the ${base.rows} rows the commit wrote (${count} cases, their appearances, audit and change-feed rows): ${(base.ms / 1000).toFixed(2)} s, ${cpu(base.cpu)}`,
        `  (baseline by table: ${base.tables})`,
        `dry run: ${(dry.ms / 1000).toFixed(2)} s (${ratio(dry.ms)}), ${cpu(dry.cpu)}, peak RSS ${dry.peakMb.toFixed(0)} MiB, ${dry.value.counts.repeats} rows with repeat candidates`,
        `commit: ${(commit.ms / 1000).toFixed(2)} s (${ratio(commit.ms)}), ${cpu(commit.cpu)}, peak RSS ${commit.peakMb.toFixed(0)} MiB, ${commit.value.counts.new} new`,
        `commit with personal data in clear: ${(off.ms / 1000).toFixed(2)} s; ${on.name}: ${(on.ms / off.ms).toFixed(2)}×, encryption on (${sm.name}): ${(sm.ms / off.ms).toFixed(2)}× (goal ≤ 1.2×)`,
        `case list (first page of 50 and total, ${count} cases, median of ${LIST_RUNS}): in clear ${list[0]!.toFixed(1)} ms; encryption on (${sm.name}): ${list[1]!.toFixed(1)} ms, ${(list[1]! / list[0]!).toFixed(2)}× (goal ≤ 1.2×)`,
      )
      throw new RollBack()
    })
  } catch (err) {
    if (!(err instanceof RollBack)) throw err
  } finally {
    await store.remove(stored.key)
  }
  return [`petition import of a ${count}-case batch (goal ≤ 3 s for the commit)`, ...lines].join(
    '\n',
  )
}

/** Runs of each batch's list page (after 5 unmeasured ones each). */
const LIST_RUNS = 60

/** The median time of each batch's first list page (with its total), the batches alternating. */
async function listTimes(ctx: Ctx, service: PetitionsService, batches: string[]) {
  const times = batches.map(() => [] as number[])
  for (let run = -5; run < LIST_RUNS; run++)
    for (const [i, batch] of batches.entries()) {
      const started = performance.now()
      const page = await service.list(ctx, { batch, limit: 50 })
      if (page.items.length !== 50) throw new Error('bench list: expected a full page')
      if (run >= 0) times[i]!.push(performance.now() - started)
    }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!)
}

/** The audit chain's last sequence number (the bench's transaction sees its own entries). */
async function lastAuditSeq(db: Db): Promise<number> {
  const r = await db.execute(sql`select coalesce(max(seq), 0)::int8 as n from audit_log`)
  const rows = ((r as { rows?: { n: string }[] }).rows ?? r) as { n: string }[]
  return Number(rows[0]!.n)
}

/** A cipher that seals nothing: the bench's "encryption off" (never used by the API). */
class PlainCipher extends FieldCipher {
  override seal(value: string): string {
    return value
  }
  override open(value: string): string {
    return value
  }
  override openOrLegacy(value: string): string {
    return value
  }
  override blindIndex(value: string): string {
    return normalise(value)
  }
}

/** The configured cipher's other suite, with a random key (the bench rolls everything back). */
function otherSuite(cipher: FieldCipher): { name: SuiteName; cipher: FieldCipher } {
  const name: SuiteName = cipher.active.suite.name === 'sm' ? 'intl' : 'sm'
  const data = { id: 2_000_000_001, suite: SUITES[name], key: randomBytes(32) }
  const index = { id: 2_000_000_002, suite: SUITES[name], key: randomBytes(32) }
  return { name, cipher: new FieldCipher([data, index], data, index) }
}

/** Another sample batch of `count` cases (receipts of batch `seq`), stored and registered. */
async function sampleBatch(
  db: Db,
  store: FileStore,
  office: { id: string; unitId: string | null },
  roundId: string,
  count: number,
  seq: number,
) {
  const bytes = await buildSampleBatch({ kind: 'valid', count, batchSeq: seq })
  const stored = await store.put(Readable.from([bytes]))
  const batchId = uuidv7()
  await db.insert(petitionBatches).values({
    id: batchId,
    roundId,
    seq: 800 + seq,
    handedOn: '2024-09-01',
    source: 'central',
  })
  const fileId = uuidv7()
  await db.insert(files).values({
    id: fileId,
    name: `bench-${seq}.xlsx`,
    size: stored.size,
    mimeType: XLSX_MIME,
    sha256: stored.sha256,
    storageKey: stored.key,
    unitId: office.unitId,
    uploadedBy: office.id,
  })
  return { batchId, fileId, key: stored.key }
}
