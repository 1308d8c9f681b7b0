import { sql } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import type { Db, DbOrTx, Tx } from '../../db/client.js'
import { atCommit, send } from '../../lib/commit-hooks.js'
import { auditDigest, auditHash, type AuditHash } from '../../lib/crypto/audit-hash.js'
import { canonicalJson } from '../../lib/hash.js'
import type { Ctx } from '../../lib/context.js'
import { feedRows } from '../changes/index.js'

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64)

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

/** An entry's link: `alg` (its hash_alg) over prev_hash ‖ the canonical JSON of its fields. */
export function chainHash(fields: ChainedFields, alg: AuditHash = 'sha256'): string {
  return auditDigest(alg, fields.prevHash + canonicalJson(fields))
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

/** The canonical JSON a chained entry's hash covers, in the pieces around its chain fields. */
type Template = [string, string, string, string]
/** The fields the chain's append fills in (in this order, which is also their sorted order). */
const SLOTS = ['at', 'prevHash', 'seq'] as const

/**
 * canonicalJson(fields) cut at the values of `at`, `prevHash` and `seq`, which the append alone
 * knows: the canonical form is p0 + at + p1 + prevHash + p2 + seq + p3 (all three are strings
 * needing no escape), so the database hashes exactly what chainHash does.
 */
export function chainTemplate(fields: Omit<ChainedFields, (typeof SLOTS)[number]>): Template {
  const values = fields as unknown as Record<string, unknown>
  const keys = [...Object.keys(fields), ...SLOTS].sort()
  const parts: string[] = []
  let cur = '{'
  keys.forEach((k, i) => {
    cur += `${i ? ',' : ''}${JSON.stringify(k)}:`
    if ((SLOTS as readonly string[]).includes(k)) {
      parts.push(`${cur}"`)
      cur = '"'
    } else cur += canonicalJson(values[k])
  })
  parts.push(`${cur}}`)
  return parts as Template
}

/**
 * An entry waiting for the end of its transaction: its canonical JSON cut around the three
 * fields only the append knows (seq, at, prev_hash) — all the database is sent, the row's
 * columns being read from it — and what the change feed needs to know of it.
 */
interface Pending {
  parts: Template
  action: string
  entityType: string
  entityId: string | null
}

/**
 * `RECTIFY_AUDIT_CHAIN=off` is for the write-path bench only (bench/writes.ts measures what the
 * chain costs): entries are then appended without the lock and without a link, under negative
 * seqs that `verify` never reads. Never set it anywhere else.
 */
const chained = () => process.env.RECTIFY_AUDIT_CHAIN !== 'off'

/** The key the transaction's buffer of entries is kept under (lib/commit-hooks.ts atCommit). */
const BUFFER = {}

/**
 * Records audit entries in the caller's transaction. They are buffered and appended to the chain
 * at the transaction's very end, in one statement that takes the chain's lock (held then only
 * for that statement and the COMMIT), so a caller may record at any point and go on working;
 * the entries commit with its changes or not at all. Entries about a feed entity (a problem,
 * measure, report, petition or notice) also write its change-feed row (modules/changes) with
 * them. Given a handle that is not a top-level transaction (a savepoint, or no transaction),
 * the entries are appended at once, in a transaction of their own when there is none.
 */
export async function recordAudit(tx: DbOrTx, ctx: Ctx, ...events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return
  const entries = events.map((e) => pending(ctx, e))
  const buffer = atCommit(tx, BUFFER, () => [] as Pending[], append)
  if (buffer) {
    for (const e of entries) buffer.push(e)
    return
  }
  if (tx instanceof PgTransaction) return append(tx as Tx, entries)
  await (tx as Db).transaction((t) => recordAudit(t, ctx, ...events))
}

/** recordAudit for thousands of entries at once (an import): the same append, one hash each. */
export async function recordAuditMany(tx: DbOrTx, ctx: Ctx, events: AuditEvent[]): Promise<void> {
  await recordAudit(tx, ctx, ...events)
}

function pending(ctx: Ctx, e: AuditEvent): Pending {
  const fields = {
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
  }
  return {
    parts: chainTemplate(fields),
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId,
  }
}

/**
 * The change-feed rows are read and the feed's heads written first, without the chain's lock;
 * then one call of rectify_audit_append (migrations 0020, 0025, 0026) takes the lock, links,
 * hashes and inserts the entries and the feed rows. The caller commits right after. Each entry
 * is sent once, as its four canonical pieces: the function reads the row's columns from them.
 * The append is sent without waiting for its answer: its round trip is COMMIT's.
 */
async function append(tx: Tx, entries: Pending[]): Promise<void> {
  if (!entries.length) return
  // The change feed is read while the entries' payload is built (both are large for an import).
  const reading = feedRows(
    tx,
    entries.map((e, entry) => ({
      entry,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
    })),
  )
  reading.catch(() => undefined)
  const payload = JSON.stringify(entries.map((e) => e.parts))
  const feed = await reading
  // Sent, not awaited: on PostgreSQL the COMMIT goes out right behind it (lib/commit-hooks.ts).
  await send(
    tx,
    tx.execute(
      sql`select rectify_audit_append(${payload}::jsonb, ${JSON.stringify(feed)}::jsonb, ${chained()}, ${auditHash()})`,
    ),
  )
}
