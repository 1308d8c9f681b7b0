import { sql } from 'drizzle-orm'
import type { PublicPetitionRow } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'

/*
 * The published disclosure table (信访件办理情况公开表): what the public board shows of a batch
 * is the snapshot the office took when it last published it (petition_disclosures), never the
 * cases as they read now — a case re-imported with new text or reported again changes its
 * public row only when the office publishes the batch again. SQL only.
 */

/**
 * The reviewed cases of the batch as their disclosure rows read now: the public columns only
 * (PublicPetitionRow), never the complainant, the investigation notes or the unit's people.
 */
const currentRows = (batchId: string) => sql`
  select p.id as petition_id, jsonb_build_object(
    'receiptNo', p.receipt_no,
    'region', coalesce(nullif(p.region_text, ''),
      (select coalesce(string_agg(u.name, '、' order by array_position(p.region_ids, u.id)), '')
       from units u where u.id = any(p.region_ids))),
    'domains', to_jsonb(p.domains),
    'complaint', p.complaint,
    'finding', p.finding,
    'handling', p.measures,
    'accountability', p.accountability,
    'status', p.status) as row
  from petition_appearances pa
  join petitions p on p.id = pa.petition_id
  where pa.batch_id = ${batchId} and p.status in ('partly_closed', 'closed')`

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[]

export const disclosuresRepository = {
  /** Replaces the batch's published rows with its reviewed cases as they read now. */
  async publish(db: DbOrTx, batchId: string, at: Date): Promise<number> {
    await db.execute(sql`delete from petition_disclosures where batch_id = ${batchId}`)
    const r = await db.execute(sql`
      insert into petition_disclosures (batch_id, petition_id, row, published_at)
      select ${batchId}, c.petition_id, c.row, ${at.toISOString()}::timestamptz
      from (${currentRows(batchId)}) c
      returning petition_id`)
    return rowsOf(r).length
  },

  /**
   * Per batch: reviewed cases whose public row would read differently if published now (changed,
   * newly reviewed, or no longer reviewed). Zero for an unpublished batch.
   */
  async unpublishedChanges(db: DbOrTx, batchIds: readonly string[]) {
    const out = new Map<string, number>()
    for (const id of batchIds) {
      const [row] = rowsOf<{ n: number }>(
        await db.execute(sql`
          select count(*)::int as n
          from (${currentRows(id)}) c
          full join (select petition_id, row from petition_disclosures where batch_id = ${id}) s
            on s.petition_id = c.petition_id
          where c.row is distinct from s.row
            and exists (select 1 from petition_batches b
                        where b.id = ${id} and b.published_at is not null)`),
      )
      out.set(id, row?.n ?? 0)
    }
    return out
  },

  /** The published rows of a batch, in natural receipt order. */
  async published(db: DbOrTx, batchId: string): Promise<PublicPetitionRow[]> {
    const r = await db.execute(sql`
      select row from petition_disclosures where batch_id = ${batchId}
      order by rectify_natural_key(row->>'receiptNo'), petition_id`)
    return rowsOf<{ row: PublicPetitionRow }>(r).map((x) => x.row)
  },
}
