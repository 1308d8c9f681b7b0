import type { Change, ChangePage, ChangeType, ListChangesQuery } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import type { Actor, Ctx } from '../../lib/context.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { POLICY, type RoutePolicy } from '../../policy.js'
import { SCAN, changesRepository as repo, type ChangeRow } from './changes.repository.js'
import { FEED_TYPES } from './changes.writer.js'

/** The detail route whose policy decides whether a caller may read an entity type. */
const READ_ROUTE: Record<ChangeType, string> = {
  problem: 'GET /api/v1/problems/:id',
  measure: 'GET /api/v1/problems/:id/measures',
  report: 'GET /api/v1/reports/:id',
  petition: 'GET /api/v1/petitions/:id',
  notice: 'GET /api/v1/notices/:id',
}

function allows(actor: Actor, policy: RoutePolicy | undefined): boolean {
  if (!policy || policy.roles === 'public') return !!policy
  if (actor.type === 'client') return !!policy.scopes?.every((s) => actor.scopes.includes(s))
  return actor.roles.some((r) => (policy.roles as readonly string[]).includes(r))
}

/** The entity types the caller may read at all (a role or the read scopes a client holds). */
export function readableTypes(actor: Actor): ChangeType[] {
  return FEED_TYPES.filter((t) => allows(actor, POLICY[READ_ROUTE[t]]))
}

function href(type: ChangeType, id: string, problemId: string | null): string {
  switch (type) {
    case 'problem':
      return `/api/v1/problems/${id}`
    case 'measure':
      return `/api/v1/problems/${problemId}/measures`
    case 'report':
      return `/api/v1/reports/${id}`
    case 'petition':
      return `/api/v1/petitions/${id}`
    case 'notice':
      return `/api/v1/notices/${id}`
  }
}

/**
 * A change as the caller sees it: one that brought the entity into its subtree is `created`,
 * one that took it out is `deleted` (with no version: the caller may no longer read it).
 */
function toChange(r: ChangeRow): Change {
  const type = r.entity_type as ChangeType
  const action = !r.now_in ? 'deleted' : !r.was_in && r.action === 'updated' ? 'created' : r.action
  const gone = action === 'deleted'
  return {
    cursor: encodeCursor([r.seq]),
    type,
    id: r.entity_id,
    action,
    version: gone ? null : r.version,
    at: new Date(r.at).toISOString(),
    problemId: r.problem_id,
    href: gone ? null : href(type, r.entity_id, r.problem_id),
  }
}

/** The change feed: what changed, in commit order, as far as the caller may see it. */
export class ChangesService {
  constructor(
    private readonly db: Db,
    private readonly retentionDays: number,
  ) {}

  async list(ctx: Ctx, q: ListChangesQuery): Promise<ChangePage> {
    const limit = q.limit ?? 50
    const cursor = decodeCursor(q.after, 1)
    let after = 0n
    if (cursor) {
      if (!/^\d{1,18}$/.test(cursor[0]!))
        throw new AppError('bad_request', 'Invalid cursor', {
          errors: [{ path: '/after', message: 'is not a cursor this API issued' }],
        })
      after = BigInt(cursor[0]!)
      const oldest = await repo.oldest(this.db, this.retentionDays)
      if (oldest && oldest.expired && after < BigInt(oldest.seq))
        throw new AppError(
          'cursor_expired',
          `The cursor is older than the ${this.retentionDays} days changes are kept: read the lists again (updatedSince) and follow the feed from a new cursor`,
        )
    }
    const { actor } = ctx
    const types = readableTypes(actor)
    const prefix = actor.cityWide ? null : actor.unitPath
    if (!types.length || (!actor.cityWide && !prefix))
      return {
        items: [],
        nextCursor: encodeCursor([after.toString()]),
        hasMore: false,
        retentionDays: this.retentionDays,
      }
    const { rows, last, scanned } = await repo.scan(this.db, after, types, prefix, limit)
    const page = rows.slice(0, limit)
    const full = rows.length > limit
    const next = full ? page[page.length - 1]!.seq : (last ?? after.toString())
    return {
      items: page.map(toChange),
      nextCursor: encodeCursor([next]),
      hasMore: full || scanned >= SCAN,
      retentionDays: this.retentionDays,
    }
  }
}
