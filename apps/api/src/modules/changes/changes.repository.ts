import { sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { likeEscape } from '../../lib/http.js'

/** Rows of the feed read per request at most, whatever the caller may see of them. */
export const SCAN = 2000

export interface ChangeRow {
  seq: string
  at: Date | string
  entity_type: string
  entity_id: string
  action: 'created' | 'updated' | 'deleted'
  version: number | null
  problem_id: string | null
  now_in: boolean
  was_in: boolean
}

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[]

/** SQL; `reach` names units whose subtree holds the path prefix (null prefix: the whole city). */
function within(reach: SQL, prefix: string | null): SQL {
  if (prefix === null) return sql`true`
  return sql`exists (select 1 from units u where u.id = any(${reach})
    and u.path like ${`${likeEscape(prefix)}%`})`
}

export const changesRepository = {
  /**
   * Up to SCAN changes after `after` of the given types, with whether the reader's subtree
   * (`prefix`; null for city-wide readers) is in their reach after and before; `last` is the
   * newest seq scanned (the resume point when the reader sees none of them).
   */
  async scan(db: DbOrTx, after: bigint, types: string[], prefix: string | null, limit: number) {
    const typeList = sql`${`{${types.join(',')}}`}::text[]`
    const window = sql`select * from changes where seq > ${after.toString()}::bigint
      and entity_type = any(${typeList}) order by seq limit ${SCAN}`
    // One statement, so the page and the resume point come from the same snapshot.
    const all = rowsOf<ChangeRow & { last: string | null; n: number }>(
      await db.execute(sql`with w as (${window}),
        v as (select w.seq, w.at, w.entity_type, w.entity_id, w.action, w.version, w.problem_id,
            ${within(sql`w.reach`, prefix)} now_in, ${within(sql`w.prev_reach`, prefix)} was_in
          from w),
        page as (select * from v where v.now_in or v.was_in order by v.seq limit ${limit + 1})
        select b.last, b.n, page.seq::text seq, page.at, page.entity_type, page.entity_id,
          page.action, page.version, page.problem_id, page.now_in, page.was_in
        from (select max(seq)::text last, count(*)::int n from w) b
        left join page on true order by page.seq`),
    )
    const bounds = all[0]
    const rows = all.filter((r) => r.seq !== null)
    return { rows, last: bounds?.last ?? null, scanned: bounds?.n ?? 0 }
  },

  /** The oldest change kept: a cursor before it is stale when it is older than the retention. */
  async oldest(db: DbOrTx, retentionDays: number) {
    const [r] = rowsOf<{ seq: string; expired: boolean }>(
      await db.execute(sql`select seq::text seq,
        at < now() - make_interval(days => ${retentionDays}) expired
        from changes order by seq limit 1`),
    )
    return r ?? null
  },

  /**
   * Deletes changes older than `days`, keeping the newest of them: it marks where the kept feed
   * starts, so a cursor before it is known to have missed something (410). Returns how many.
   */
  async purge(db: DbOrTx, days: number, batch = 5000): Promise<number> {
    let total = 0
    for (;;) {
      const r = await db.execute(sql`delete from changes where seq in (
        select seq from changes where seq < (
          select max(seq) from changes where at < now() - make_interval(days => ${days}))
        order by seq limit ${batch})`)
      const n = Number(
        (r as { rowCount?: number | null; affectedRows?: number }).rowCount ??
          (r as { affectedRows?: number }).affectedRows ??
          0,
      )
      total += n
      if (n < batch) return total
    }
  },
}
