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
 * The reviewed cases of the batch as their disclosure rows read now: the public columns
 * (PublicPetitionRow) and the columns the office's disclosure export prints beside them
 * (DisclosureExtras: 调查核实情况, 办结日期, the counts). Never the complainant or the unit's
 * people; the public board picks the public columns out field by field.
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
    'status', p.status,
    'investigation', p.investigation,
    'closedOn', to_char(p.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'),
    'ordersToRectify', p.orders_to_rectify,
    'casesFiled', p.cases_filed,
    'finesWan', p.fines_wan,
    'detained', p.detained,
    'talkedTo', p.talked_to,
    'heldAccountable', p.held_accountable) as row
  from petition_appearances pa
  join petitions p on p.id = pa.petition_id
  where pa.batch_id = ${batchId} and p.status in ('partly_closed', 'closed')`

/**
 * What the export prints of a published row beyond the public columns. Absent from rows
 * published before the snapshot carried them (the export then reads those from the case).
 */
export interface DisclosureExtras {
  investigation?: string
  closedOn?: string | null
  ordersToRectify?: number | null
  casesFiled?: number | null
  finesWan?: number | null
  detained?: number | null
  talkedTo?: number | null
  heldAccountable?: number | null
}

export type DisclosureRow = PublicPetitionRow & DisclosureExtras

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
   * newly reviewed, or no longer reviewed). Zero for an unpublished batch. A column a row
   * published earlier did not carry yet is not a change (`c.row || s.row` keeps the current
   * value there).
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
          where (c.row is null or s.row is null or c.row is distinct from c.row || s.row)
            and exists (select 1 from petition_batches b
                        where b.id = ${id} and b.published_at is not null)`),
      )
      out.set(id, row?.n ?? 0)
    }
    return out
  },

  /** The published rows of a batch, in natural receipt order. */
  async published(db: DbOrTx, batchId: string): Promise<DisclosureRow[]> {
    const r = await db.execute(sql`
      select row from petition_disclosures where batch_id = ${batchId}
      order by rectify_natural_key(row->>'receiptNo'), petition_id`)
    return rowsOf<{ row: DisclosureRow }>(r).map((x) => x.row)
  },

  /**
   * Of these cases, the published row of each that has one: the one published last (a case
   * handed over again appears in a second batch, which may be published later).
   */
  async latestOf(db: DbOrTx, petitionIds: readonly string[]): Promise<Map<string, DisclosureRow>> {
    if (petitionIds.length === 0) return new Map()
    const r = await db.execute(sql`
      select distinct on (petition_id) petition_id, row from petition_disclosures
      where petition_id = any(${`{${petitionIds.join(',')}}`}::uuid[])
      order by petition_id, published_at desc, batch_id`)
    return new Map(
      rowsOf<{ petition_id: string; row: DisclosureRow }>(r).map((x) => [x.petition_id, x.row]),
    )
  },
}
