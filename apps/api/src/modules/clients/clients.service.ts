import { count, desc, eq, lt, and, sql } from 'drizzle-orm'
import type {
  ApiClient,
  ApiClientPage,
  ApiClientWithSecret,
  CreateApiClientBody,
  ListApiClientsQuery,
  Scope,
  UpdateApiClientBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { apiClients } from '../../db/schema/index.js'
import { AppError, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { sha256Hex } from '../../lib/hash.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { randomToken, uuidv7 } from '../../lib/ids.js'
import { principalsChanged } from '../../lib/principals.js'
import { changedFields, recordAudit } from '../audit/index.js'
import { findUnit } from '../units/index.js'

type Row = typeof apiClients.$inferSelect

export function toClient(r: Row): ApiClient {
  return {
    id: r.id,
    clientId: r.clientId,
    name: r.name,
    scopes: r.scopes as Scope[],
    unitId: r.unitId,
    active: r.active,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

const find = (db: DbOrTx, id: string) =>
  db
    .select()
    .from(apiClients)
    .where(eq(apiClients.id, id))
    .then((r) => r[0])

/**
 * API clients (other government systems). The secret is random (256 bits) and stored as a
 * SHA-256 digest: it is shown once, on creation or rotation, and never again.
 */
export class ClientsService {
  constructor(private readonly db: Db) {}

  async list(_ctx: Ctx, q: ListApiClientsQuery): Promise<ApiClientPage> {
    const limit = q.limit ?? 50
    const before = decodeCursor(q.cursor, 1)
    const filter = q.active === undefined ? undefined : eq(apiClients.active, q.active)
    const [rows, [total]] = await Promise.all([
      this.db
        .select()
        .from(apiClients)
        .where(and(filter, before ? lt(apiClients.id, before[0]!) : undefined))
        .orderBy(desc(apiClients.id))
        .limit(limit + 1),
      this.db.select({ n: count() }).from(apiClients).where(filter),
    ])
    const page = rows.slice(0, limit)
    return {
      items: page.map(toClient),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      total: total?.n ?? 0,
    }
  }

  async get(_ctx: Ctx, id: string): Promise<ApiClient> {
    const row = await find(this.db, id)
    if (!row) throw notFound('API client')
    return toClient(row)
  }

  async create(ctx: Ctx, body: CreateApiClientBody): Promise<ApiClientWithSecret> {
    const secret = randomToken(32)
    const id = uuidv7()
    return this.db.transaction(async (tx) => {
      if (body.unitId && !(await findUnit(tx, body.unitId)))
        throw new AppError('unprocessable', 'No such unit', {
          errors: [{ path: '/unitId', message: 'no such unit' }],
        })
      const [row] = await tx
        .insert(apiClients)
        .values({
          id,
          clientId: `rc_${randomToken(12)}`,
          name: body.name,
          scopes: body.scopes,
          unitId: body.unitId ?? null,
          secretHash: sha256Hex(secret),
        })
        .returning()
      const client = toClient(row!)
      await recordAudit(tx, ctx, {
        action: 'client.created',
        entityType: 'api_client',
        entityId: id,
        unitId: client.unitId,
        after: client,
      })
      return { client, clientSecret: secret }
    })
  }

  async update(
    ctx: Ctx,
    id: string,
    version: number,
    body: UpdateApiClientBody,
  ): Promise<ApiClient> {
    const updated = await this.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(apiClients)
        .where(eq(apiClients.id, id))
        .for('update')
      if (!current) throw notFound('API client')
      if (current.version !== version) throw new AppError('precondition_failed')
      const [row] = await tx
        .update(apiClients)
        .set({ ...body, updatedAt: new Date(), version: sql`${apiClients.version} + 1` })
        .where(eq(apiClients.id, id))
        .returning()
      const client = toClient(row!)
      await recordAudit(tx, ctx, {
        action: 'client.updated',
        entityType: 'api_client',
        entityId: id,
        unitId: client.unitId,
        ...changedFields(toClient(current), client),
      })
      return client
    })
    // Active, scopes or unit may have changed: no API client principal read before is trusted.
    principalsChanged()
    return updated
  }

  /** Issues a new secret; the old one stops working at once. */
  async rotateSecret(ctx: Ctx, id: string): Promise<ApiClientWithSecret> {
    const secret = randomToken(32)
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(apiClients)
        .set({
          secretHash: sha256Hex(secret),
          updatedAt: new Date(),
          version: sql`${apiClients.version} + 1`,
        })
        .where(eq(apiClients.id, id))
        .returning()
      if (!row) throw notFound('API client')
      await recordAudit(tx, ctx, {
        action: 'client.secret_rotated',
        entityType: 'api_client',
        entityId: id,
        unitId: row.unitId,
      })
      return { client: toClient(row), clientSecret: secret }
    })
  }
}
