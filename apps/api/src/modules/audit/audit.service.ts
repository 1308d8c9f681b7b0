import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { AuditEntry, AuditPage, ListAuditQuery } from '@rectify/schemas'
import type { Database, Db } from '../../db/client.js'
import { auditLog, units } from '../../db/schema/index.js'
import { actorDisplayName, actorUnitName } from '../../lib/actor-display.js'
import type { Ctx } from '../../lib/context.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { unitTreeFilter } from '../../lib/scope.js'
import type { AuditHash } from '../../lib/crypto/audit-hash.js'
import { GENESIS_HASH, chainHash } from './audit.writer.js'

type Row = typeof auditLog.$inferSelect
/** The fields an entry was written (and hashed) with: no names resolved at read time. */
type StoredEntry = Omit<AuditEntry, 'actorDisplayName' | 'actorUnitName'>

function toEntry(r: Row): StoredEntry {
  return {
    seq: r.seq.toString(),
    at: r.at.toISOString(),
    actorType: r.actorType as AuditEntry['actorType'],
    actorId: r.actorId,
    actorName: r.actorName,
    unitId: r.unitId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: (r.before as AuditEntry['before']) ?? null,
    after: (r.after as AuditEntry['after']) ?? null,
    requestId: r.requestId,
    ip: r.ip,
    userAgent: r.userAgent,
    prevHash: r.prevHash,
    hash: r.hash,
  }
}

export interface VerifyResult {
  ok: boolean
  checked: number
  /** The first entry whose hash or link does not hold. */
  broken?: { seq: string; reason: string }
}

/** Reading and verifying the audit log (it is written only through recordAudit). */
export class AuditService {
  constructor(private readonly db: Db) {}

  async list(ctx: Ctx, q: ListAuditQuery): Promise<AuditPage> {
    const limit = q.limit ?? 50
    const before = decodeCursor(q.cursor, 1)
    const scope = unitTreeFilter(
      ctx.actor,
      sql`(select ${units.path} from ${units} where ${units.id} = ${auditLog.unitId})`,
    )
    const where: SQL | undefined = and(
      scope,
      q.actor ? or(eq(auditLog.actorId, q.actor), eq(auditLog.actorName, q.actor)) : undefined,
      q.actorType ? eq(auditLog.actorType, q.actorType) : undefined,
      q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
      q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
    )
    const [rows, [total]] = await Promise.all([
      this.db
        .select({ ...getTableColumns(auditLog), actorDisplayName, actorUnitName })
        .from(auditLog)
        .where(and(where, before ? lt(auditLog.seq, BigInt(before[0]!)) : undefined))
        .orderBy(desc(auditLog.seq))
        .limit(limit + 1),
      this.db.select({ n: count() }).from(auditLog).where(where),
    ])
    const page = rows.slice(0, limit)
    return {
      items: page.map(({ actorDisplayName, actorUnitName, ...r }) => ({
        ...toEntry(r),
        actorDisplayName,
        actorUnitName,
      })),
      nextCursor:
        rows.length > limit ? encodeCursor([page[page.length - 1]!.seq.toString()]) : null,
      total: total?.n ?? 0,
    }
  }
}

/**
 * Walks the whole chain in order, recomputing every hash and link, each with the hash its entry
 * records (SHA-256 or SM3: a chain may change suite); stops at the first break.
 * Reads in batches so a log of millions of rows stays within memory.
 */
export async function verifyAuditChain(database: Database, batch = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH
  let expectedSeq = 1n
  let checked = 0
  for (;;) {
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1n))
      .orderBy(asc(auditLog.seq))
      .limit(batch)
    for (const r of rows) {
      const seq = r.seq.toString()
      if (r.seq !== expectedSeq)
        return {
          ok: false,
          checked,
          broken: { seq, reason: `expected entry ${expectedSeq}, found ${seq} (missing entries)` },
        }
      if (r.prevHash !== prevHash)
        return {
          ok: false,
          checked,
          broken: { seq, reason: 'prev_hash does not match the previous entry' },
        }
      const e = toEntry(r)
      const { hash: _hash, ...fields } = e
      if (chainHash(fields, r.hashAlg as AuditHash) !== r.hash)
        return {
          ok: false,
          checked,
          broken: { seq, reason: 'content does not match its hash (altered)' },
        }
      prevHash = r.hash
      expectedSeq++
      checked++
    }
    if (rows.length < batch) return { ok: true, checked }
  }
}
