import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { inboxMessages } from '../../db/schema/index.js'

export type InboxRow = typeof inboxMessages.$inferSelect

export interface InboxFilter {
  userId: string
  unread?: boolean | undefined
  kind?: string | undefined
}

function where(f: InboxFilter): SQL | undefined {
  return and(
    eq(inboxMessages.userId, f.userId),
    f.unread ? isNull(inboxMessages.readAt) : undefined,
    f.kind ? eq(inboxMessages.kind, f.kind) : undefined,
  )
}

/** SQL of the inbox: always by user (inbox_user_idx, inbox_unread_idx). */
export const inboxRepository = {
  /**
   * A page newest first, after the message `afterId` of the same user. The cursor names the
   * message; its (created_at, id) is read in SQL so no timestamp precision is lost in a cursor.
   */
  list(db: DbOrTx, f: InboxFilter, limit: number, afterId: string | null) {
    return db
      .select()
      .from(inboxMessages)
      .where(
        and(
          where(f),
          afterId
            ? sql`(${inboxMessages.createdAt}, ${inboxMessages.id}) < (select c.created_at, c.id from ${inboxMessages} c where c.id = ${afterId} and c.user_id = ${f.userId})`
            : undefined,
        ),
      )
      .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: InboxFilter) {
    return db
      .select({ n: count() })
      .from(inboxMessages)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  /** Marks one of the user's messages read (kept as first read); undefined when not theirs. */
  markRead(db: DbOrTx, userId: string, id: string) {
    return db
      .update(inboxMessages)
      .set({ readAt: sql`coalesce(${inboxMessages.readAt}, now())` })
      .where(and(eq(inboxMessages.id, id), eq(inboxMessages.userId, userId)))
      .returning()
      .then((r) => r[0])
  },

  /** Marks every unread message of the user read; returns how many changed. */
  markAllRead(db: DbOrTx, userId: string) {
    return db
      .update(inboxMessages)
      .set({ readAt: sql`now()` })
      .where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)))
      .returning({ id: inboxMessages.id })
      .then((r) => r.length)
  },
}
