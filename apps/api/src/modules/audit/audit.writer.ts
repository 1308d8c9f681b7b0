import { desc, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { auditLog } from '../../db/schema/index.js'
import { canonicalJson, sha256Hex } from '../../lib/hash.js'
import type { Ctx } from '../../lib/context.js'
import { insertJson } from '../../lib/bulk-insert.js'
import { recordChanges } from '../changes/changes.writer.js'

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64)
/** Advisory-lock key that serialises appends, so concurrent writers never fork the chain. */
const AUDIT_LOCK_KEY = 7_263_000_001

/** Fields never written to the audit log, whatever entity they appear on. */
const SECRET_FIELDS = new Set(['passwordHash', 'secretHash', 'password', 'tokenHash'])

export interface AuditEvent {
  action: string
  entityType: string
  entityId?: string | null
  /** The unit the entity belongs to (for scoping the log); defaults to the actor's unit. */
  unitId?: string | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

/** The row fields the hash covers, in canonical form. */
export interface ChainedFields {
  seq: string
  at: string
  actorType: string
  actorId: string | null
  actorName: string | null
  unitId: string | null
  action: string
  entityType: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
  ip: string | null
  userAgent: string | null
  prevHash: string
}

export function chainHash(fields: ChainedFields): string {
  return sha256Hex(fields.prevHash + canonicalJson(fields))
}

function scrub(v: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!v) return null
  const out: Record<string, unknown> = {}
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined) continue
    out[k] = SECRET_FIELDS.has(k) ? '[redacted]' : val instanceof Date ? val.toISOString() : val
  }
  return out
}

/**
 * Only the fields that changed between two versions of a record, for the audit entry's
 * before/after. Arrays and dates compare by value.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'version') continue
    if (canonicalJson(norm(before[key])) !== canonicalJson(norm(after[key]))) {
      b[key] = before[key]
      a[key] = after[key]
    }
  }
  return { before: b, after: a }
}
const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v)

/**
 * Appends audit entries inside the caller's transaction. Call it as the last statement of the
 * transaction: it takes the chain lock, which is then held until commit. Entries about a feed
 * entity (a problem, measure, report, petition or notice) also write its change-feed row
 * (modules/changes) under the same lock.
 */
export async function recordAudit(tx: DbOrTx, ctx: Ctx, ...events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return
  const rows = await chained(tx, ctx, events)
  await tx.insert(auditLog).values(rows)
  await recordChanges(tx, rows)
}

/**
 * recordAudit for thousands of entries at once (an import): the same chain under the same lock,
 * one hash per entry, written as JSON in chunks (lib/bulk-insert.ts) rather than a multi-row
 * VALUES whose building costs more than the hashing. Call it last, as recordAudit.
 */
export async function recordAuditMany(tx: DbOrTx, ctx: Ctx, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return
  const rows = await chained(tx, ctx, events)
  await insertJson(tx, auditLog, rows)
  await recordChanges(tx, rows)
}

/** Takes the chain lock and lays the events out as rows chained after the last entry. */
async function chained(tx: DbOrTx, ctx: Ctx, events: AuditEvent[]) {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`)
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
  let seq = last?.seq ?? 0n
  let prevHash = last?.hash ?? GENESIS_HASH
  const at = new Date().toISOString()
  const rows = events.map((e) => {
    seq += 1n
    const fields: ChainedFields = {
      seq: seq.toString(),
      at,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      unitId: e.unitId !== undefined ? e.unitId : ctx.actor.unitId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      before: scrub(e.before),
      after: scrub(e.after),
      requestId: ctx.meta.requestId,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      prevHash,
    }
    const hash = chainHash(fields)
    prevHash = hash
    return { ...fields, seq, at: new Date(at), hash }
  })
  return rows
}
