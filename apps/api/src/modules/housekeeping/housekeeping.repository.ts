import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'

/** Rows deleted per statement, so a purge never holds long locks or builds a huge WAL burst. */
const BATCH = 5000

/** Rows a DELETE removed, from node-postgres (rowCount) or PGlite (affectedRows). */
function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number }
  return Number(r.rowCount ?? r.affectedRows ?? 0)
}

/** Purges of data that has served its purpose. No business rules: the jobs pick the ages. */
export const housekeepingRepository = {
  /** Rate-limit counters whose window ended (plugins/rate-limit-store.ts); returns how many. */
  async purgeRateLimits(db: Db): Promise<number> {
    let total = 0
    for (;;) {
      const n = affected(
        await db.execute(sql`delete from rate_limits where key in (
          select key from rate_limits where reset_at < now() limit ${BATCH})`),
      )
      total += n
      if (n < BATCH) return total
    }
  },

  /** Remembered POST responses (Idempotency-Key) older than `hours`; returns how many. */
  async purgeIdempotencyKeys(db: Db, hours: number): Promise<number> {
    let total = 0
    for (;;) {
      const n = affected(
        await db.execute(sql`delete from idempotency_keys where (actor, key) in (
          select actor, key from idempotency_keys
           where created_at < now() - make_interval(hours => ${hours}) limit ${BATCH})`),
      )
      total += n
      if (n < BATCH) return total
    }
  },

  /**
   * Sessions that ended (revoked, past their absolute end, or idle longer than `idleMinutes`)
   * more than `graceHours` ago, with their refresh tokens; returns how many sessions.
   */
  async purgeEndedSessions(db: Db, idleMinutes: number, graceHours: number): Promise<number> {
    let total = 0
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const ids = (await tx.execute(sql`select id from sessions
           where revoked_at < now() - make_interval(hours => ${graceHours})
              or expires_at < now() - make_interval(hours => ${graceHours})
              or last_seen_at < now() - make_interval(hours => ${graceHours}, mins => ${idleMinutes})
           limit ${BATCH}`)) as unknown as { rows: { id: string }[] }
        const list = ids.rows.map((r) => r.id)
        if (!list.length) return 0
        const array = sql`${`{${list.join(',')}}`}::uuid[]`
        await tx.execute(sql`delete from refresh_tokens where session_id = any(${array})`)
        return affected(await tx.execute(sql`delete from sessions where id = any(${array})`))
      })
      total += n
      if (n < BATCH) return total
    }
  },
}
