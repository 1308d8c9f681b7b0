import type {
  InboxMessage,
  InboxPage,
  ListInboxQuery,
  ReadAllResult,
  UnreadCount,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { forbidden, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { encodeCursor } from '../../lib/http.js'
import { idCursor } from '../../lib/cursors.js'
import { inboxRepository as repo, type InboxRow } from './inbox.repository.js'

/** The API form of a message. */
export function toMessage(r: InboxRow): InboxMessage {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    entityType: r.entityType,
    entityId: r.entityId,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }
}

/** The caller's own inbox. Only people have one; another person's message does not exist (404). */
export class InboxService {
  constructor(private readonly db: Db) {}

  private owner(ctx: Ctx): string {
    // The policy lets people only; this guards against a future row that forgets it.
    if (ctx.actor.type !== 'user' || !ctx.actor.id) throw forbidden('Only people have an inbox')
    return ctx.actor.id
  }

  async list(ctx: Ctx, q: ListInboxQuery): Promise<InboxPage> {
    const filter = { userId: this.owner(ctx), unread: q.unread, kind: q.kind }
    const limit = q.limit ?? 50
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, idCursor(q.cursor)),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    return {
      items: page.map(toMessage),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      total,
    }
  }

  async unreadCount(ctx: Ctx): Promise<UnreadCount> {
    return { count: await repo.count(this.db, { userId: this.owner(ctx), unread: true }) }
  }

  /** Idempotent: reading a read message keeps its first read time. */
  async markRead(ctx: Ctx, id: string): Promise<InboxMessage> {
    const row = await repo.markRead(this.db, this.owner(ctx), id)
    if (!row) throw notFound('Message')
    return toMessage(row)
  }

  async markAllRead(ctx: Ctx): Promise<ReadAllResult> {
    return { marked: await repo.markAllRead(this.db, this.owner(ctx)) }
  }
}
