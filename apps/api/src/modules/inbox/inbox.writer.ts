import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { inboxMessages, units, users } from '../../db/schema/index.js'
import { uuidv7 } from '../../lib/ids.js'

export interface Message {
  /** `notice`, `reminder`, `acceptance`, `report`, `card`, `inspection` ... */
  kind: string
  title: string
  body?: string
  /** An SPA path such as `/problems/<id>`. */
  link?: string | null
  entityType?: string | null
  entityId?: string | null
}

/**
 * Puts a message in the inbox of each active user in `userIds`, in the caller's transaction.
 * Returns how many messages were written.
 */
export async function notifyUsers(tx: DbOrTx, userIds: readonly string[], m: Message) {
  const ids = [...new Set(userIds)]
  if (!ids.length) return 0
  const active = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, 'active')))
  if (!active.length) return 0
  await tx.insert(inboxMessages).values(
    active.map((u) => ({
      id: uuidv7(),
      userId: u.id,
      kind: m.kind,
      title: m.title,
      body: m.body ?? '',
      link: m.link ?? null,
      entityType: m.entityType ?? null,
      entityId: m.entityId ?? null,
    })),
  )
  return active.length
}

/**
 * The people of a unit a message goes to: its contact (联络员) if set, else every active user
 * of the unit itself (not its sub-units).
 */
export async function unitRecipients(tx: DbOrTx, unitId: string): Promise<string[]> {
  const [u] = await tx
    .select({ contact: units.contactUserId })
    .from(units)
    .where(eq(units.id, unitId))
  if (u?.contact) return [u.contact]
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.status, 'active')))
  return rows.map((r) => r.id)
}

/** Messages a unit's people: its contact, or all its users (see unitRecipients). */
export async function notifyUnit(tx: DbOrTx, unitId: string, m: Message) {
  return notifyUsers(tx, await unitRecipients(tx, unitId), m)
}

/** Every active user with the office role. */
export async function officeRecipients(tx: DbOrTx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.status, 'active'), sql`'office' = any(${users.roles})`))
  return rows.map((r) => r.id)
}

/**
 * Many messages at once, in the caller's transaction (what notifyUsers does, without a round
 * trip per message): one look-up of the active users, then inserts in chunks. Returns how many
 * messages each entry wrote, in order.
 */
export async function notifyEach(
  tx: DbOrTx,
  list: readonly { userIds: readonly string[]; message: Message }[],
): Promise<number[]> {
  const all = [...new Set(list.flatMap((e) => e.userIds))]
  if (!all.length) return list.map(() => 0)
  const active = new Set<string>()
  for (let i = 0; i < all.length; i += 5000) {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, all.slice(i, i + 5000)), eq(users.status, 'active')))
    rows.forEach((r) => active.add(r.id))
  }
  const values: (typeof inboxMessages.$inferInsert)[] = []
  const written = list.map(({ userIds, message: m }) => {
    const to = [...new Set(userIds)].filter((id) => active.has(id))
    for (const userId of to)
      values.push({
        id: uuidv7(),
        userId,
        kind: m.kind,
        title: m.title,
        body: m.body ?? '',
        link: m.link ?? null,
        entityType: m.entityType ?? null,
        entityId: m.entityId ?? null,
      })
    return to.length
  })
  // 8 parameters a row: chunks stay far below PostgreSQL's 65 535 bind parameters.
  for (let i = 0; i < values.length; i += 2000)
    await tx.insert(inboxMessages).values(values.slice(i, i + 2000))
  return written
}
