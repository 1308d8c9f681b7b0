import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import type { Database, Db } from '../src/db/client.js'
import { files, petitionBatches, petitions, rounds, users } from '../src/db/schema/index.js'
import type { Ctx } from '../src/lib/context.js'
import { uuidv7 } from '../src/lib/ids.js'
import { DEFAULT_LIMITS } from '../src/lib/workbook/index.js'
import { searchTokens } from '../src/lib/search.js'
import type { FileStore } from '../src/modules/files/file-store.js'
import {
  PetitionImportService,
  XLSX_MIME,
} from '../src/modules/petitions/import/petitions.import.service.js'
import { buildSampleBatch, sampleCases } from '../src/modules/petitions/import/sample.js'
import { repeatColumns } from '../src/modules/petitions/repeat-keys.js'
import { matchKey } from '../src/modules/petitions/petitions.repeats.js'

/** Thrown to roll the bench back: the bench database keeps none of the imported cases. */
class RollBack extends Error {}

/** Runs `fn` while sampling the RSS every 5 ms; returns its time and the peak seen. */
async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  const started = performance.now()
  try {
    const value = await fn()
    return {
      value,
      ms: performance.now() - started,
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
 * in the same run — a plain bulk INSERT of the same 5,000 rows. Everything runs inside a
 * transaction that is rolled back, so the bench can be run again on the same database.
 */
export async function benchPetitionImport(
  database: Database,
  store: FileStore,
  count = 5000,
): Promise<string> {
  const db = database.db
  const [round] = await db.select({ id: rounds.id }).from(rounds).limit(1)
  const [office] = await db.select().from(users).where(eq(users.username, 'office'))
  if (!round || !office) return 'petition import: the bench needs the demo round and office user'
  const built = await measure(() => buildSampleBatch({ kind: 'valid', count, batchSeq: 90 }))
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
      const service = new PetitionImportService(tx as unknown as Db, store, {
        ...DEFAULT_LIMITS,
        maxUncompressedBytes: 500 * 1024 * 1024,
      })
      const dry = await measure(() => service.run(ctx, batchId, { fileId, dryRun: true }))
      const commit = await measure(() => service.run(ctx, batchId, { fileId, dryRun: false }))
      if (!commit.value.imported)
        throw new Error(`the bench batch did not import: ${JSON.stringify(commit.value.errors[0])}`)
      // The baseline, after the import so its rows are not in the repeat check: the same rows
      // bulk-inserted as they are (other receipt numbers), no parsing, checks or audit.
      const base = await measure(() => baselineInsert(tx as unknown as Db, batchId, count))
      const ratio = (ms: number) => `${(ms / base.ms).toFixed(1)}× baseline`
      lines.push(
        `sample .xlsx built: ${(built.ms / 1000).toFixed(2)} s, ${(bytes.length / 1024).toFixed(0)} KiB`,
        `baseline bulk INSERT of ${count} rows: ${(base.ms / 1000).toFixed(2)} s`,
        `dry run: ${(dry.ms / 1000).toFixed(2)} s (${ratio(dry.ms)}), peak RSS ${dry.peakMb.toFixed(0)} MiB, ${dry.value.counts.repeats} rows with repeat candidates`,
        `commit: ${(commit.ms / 1000).toFixed(2)} s (${ratio(commit.ms)}), peak RSS ${commit.peakMb.toFixed(0)} MiB, ${commit.value.counts.new} new`,
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

/** Inserts the sample's rows straight into petitions, 500 a statement (what the import must beat). */
async function baselineInsert(db: Db, batchId: string, count: number) {
  const { cases } = sampleCases({ kind: 'valid', count, batchSeq: 90 })
  const rows = cases.map((c) => ({
    id: uuidv7(),
    receiptNo: `BASE-${String(c.receipt)}`,
    batchId,
    regionText: c.region,
    reportedParty: c.party,
    address: c.address,
    partyKey: matchKey(c.party),
    addressKey: matchKey(c.address),
    ...repeatColumns({ reportedParty: c.party, address: c.address, complaint: c.complaint }),
    domains: [],
    complaint: c.complaint,
    complainantName: c.name,
    complainantContact: c.contact,
    searchTokens: searchTokens(String(c.receipt), c.party, c.address, c.complaint),
  }))
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(petitions).values(rows.slice(i, i + 500))
}
