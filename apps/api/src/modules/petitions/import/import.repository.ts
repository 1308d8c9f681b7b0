import { and, eq, inArray, sql } from 'drizzle-orm'
import type { PetitionImportField } from '@rectify/schemas'
import type { DbOrTx } from '../../../db/client.js'
import {
  auditLog,
  importMappings,
  petitionAppearances,
  petitionBatches,
  petitionDisclosures,
  petitions,
  units,
} from '../../../db/schema/index.js'

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters at ~30 columns a row. */
export const CHUNK = 500
/** Rows per JSON-recordset statement (one parameter each, so only the statement's size bounds it). */
const RECORDSET_CHUNK = 2500

export type NewPetition = typeof petitions.$inferInsert

/** A case's handling as a handled disclosure table states it, and the status it leads to. */
export interface HandlingUpdate {
  id: string
  handlingUnitId: string | null
  status: string
  /** The due day of a case the import hands to its unit (an assigned case keeps its own). */
  deadline: string
  finding: string | null
  investigation: string
  measures: string
  accountability: string
  ordersToRectify: number | null
  casesFiled: number | null
  finesWan: number | null
  detained: number | null
  talkedTo: number | null
  heldAccountable: number | null
}
export type Appearance = typeof petitionAppearances.$inferInsert

const chunks = <T>(xs: readonly T[], n = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

/**
 * Many values as one parameter (a JSON array, so any text is safe) rather than one parameter
 * each: 5,000 receipt numbers cost more to bind as parameters than to look up.
 */
const textArray = (xs: readonly string[]) =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(xs)}::jsonb))`

/** SQL of the petition import: batches, region units, remembered mappings, bulk writes. */
export const importRepository = {
  findBatch(db: DbOrTx, id: string) {
    return db
      .select({
        id: petitionBatches.id,
        seq: petitionBatches.seq,
        handedOn: petitionBatches.handedOn,
        handlingDays: petitionBatches.handlingDays,
      })
      .from(petitionBatches)
      .where(eq(petitionBatches.id, id))
      .then((r) => r[0])
  },

  /** Units a region cell may name: the city, counties, townships (not departments). */
  regionUnits(db: DbOrTx) {
    return db
      .select({ id: units.id, code: units.code, name: units.name, kind: units.kind })
      .from(units)
      .where(
        and(eq(units.active, true), inArray(units.kind, ['city', 'county', 'township', 'other'])),
      )
  },

  async rememberedMappings(db: DbOrTx): Promise<Map<string, PetitionImportField | null>> {
    const rows = await db
      .select({ header: importMappings.header, field: importMappings.field })
      .from(importMappings)
      .where(eq(importMappings.kind, 'petition'))
    return new Map(rows.map((r) => [r.header, r.field as PetitionImportField | null]))
  },

  async rememberMappings(db: DbOrTx, entries: [string, string | null][]) {
    if (!entries.length) return
    await db
      .insert(importMappings)
      .values(entries.map(([header, field]) => ({ kind: 'petition', header, field })))
      .onConflictDoUpdate({
        target: [importMappings.kind, importMappings.header],
        set: { field: sql`excluded.field`, updatedAt: sql`now()` },
      })
  },

  /** Existing cases by receipt number (locked when `lock`, for the commit). */
  async existing(db: DbOrTx, receiptNos: string[], lock = false) {
    const out: (typeof petitions.$inferSelect)[] = []
    for (const part of chunks(receiptNos, 5000)) {
      const q = db
        .select()
        .from(petitions)
        .where(sql`${petitions.receiptNo} = any(${textArray(part)})`)
      out.push(...(lock ? await q.for('update') : await q))
    }
    return out
  },

  /** Which of these ids are cases (repeat links must point at one). */
  async existingIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return new Set<string>()
    const rows = await db
      .select({ id: petitions.id })
      .from(petitions)
      .where(inArray(petitions.id, ids))
    return new Set(rows.map((r) => r.id))
  },

  /**
   * New cases, a JSON recordset per statement: building a 500-row multi-VALUES INSERT with
   * ~17 parameters a row cost more in the query builder than the database spent on the rows.
   */
  async insertCases(db: DbOrTx, rows: NewPetition[]) {
    for (const part of chunks(rows, RECORDSET_CHUNK)) {
      const input = JSON.stringify(
        part.map((r) => ({
          id: r.id,
          receipt_no: r.receiptNo,
          batch_id: r.batchId,
          region_text: r.regionText ?? '',
          region_ids: r.regionIds ?? [],
          reported_party: r.reportedParty ?? '',
          address: r.address ?? '',
          party_key: r.partyKey ?? '',
          address_key: r.addressKey ?? '',
          repeat_keys: r.repeatKeys ?? [],
          repeat_text: r.repeatText ?? '',
          domains: r.domains ?? [],
          complaint: r.complaint,
          key_case: r.keyCase ?? false,
          complainant_name: r.complainantName ?? '',
          complainant_contact: r.complainantContact ?? '',
          complainant_name_index: r.complainantNameIndex ?? '',
          complainant_contact_index: r.complainantContactIndex ?? '',
          status: r.status ?? 'received',
          search_tokens: r.searchTokens ?? [],
          repeat_of_id: r.repeatOfId ?? null,
        })),
      )
      await db.execute(sql`
        insert into petitions (id, receipt_no, batch_id, region_text, region_ids, reported_party,
          address, party_key, address_key, repeat_keys, repeat_text, domains, complaint, key_case,
          complainant_name, complainant_contact, complainant_name_index,
          complainant_contact_index, status, search_tokens, repeat_of_id)
        select id, receipt_no, batch_id, region_text, region_ids, reported_party, address,
               party_key, address_key, repeat_keys, repeat_text, domains, complaint, key_case,
               complainant_name, complainant_contact, complainant_name_index,
               complainant_contact_index, status, search_tokens, repeat_of_id
        from jsonb_to_recordset(${input}::jsonb) as x(
          id uuid, receipt_no text, batch_id uuid, region_text text, region_ids uuid[],
          reported_party text, address text, party_key text, address_key text,
          repeat_keys text[], repeat_text text, domains text[],
          complaint text, key_case boolean, complainant_name text, complainant_contact text,
          complainant_name_index text, complainant_contact_index text,
          status text, search_tokens text[], repeat_of_id uuid)`)
    }
  },

  /** Rewrites the handed-over fields of existing cases (one UPDATE … FROM per chunk). */
  async updateCases(db: DbOrTx, rows: NewPetition[]) {
    for (const part of chunks(rows)) {
      const input = JSON.stringify(
        part.map((r) => ({
          id: r.id,
          region_text: r.regionText,
          region_ids: r.regionIds,
          reported_party: r.reportedParty,
          address: r.address,
          party_key: r.partyKey,
          address_key: r.addressKey,
          repeat_keys: r.repeatKeys,
          repeat_text: r.repeatText,
          domains: r.domains,
          complaint: r.complaint,
          key_case: r.keyCase,
          complainant_name: r.complainantName,
          complainant_contact: r.complainantContact,
          complainant_name_index: r.complainantNameIndex,
          complainant_contact_index: r.complainantContactIndex,
          search_tokens: r.searchTokens,
          repeat_of_id: r.repeatOfId ?? null,
        })),
      )
      await db.execute(sql`
        update petitions p set
          region_text = x.region_text, region_ids = x.region_ids,
          reported_party = x.reported_party, address = x.address,
          party_key = x.party_key, address_key = x.address_key, repeat_keys = x.repeat_keys,
          repeat_text = x.repeat_text, domains = x.domains,
          complaint = x.complaint, key_case = x.key_case,
          complainant_name = x.complainant_name, complainant_contact = x.complainant_contact,
          complainant_name_index = x.complainant_name_index,
          complainant_contact_index = x.complainant_contact_index,
          search_tokens = x.search_tokens, repeat_of_id = x.repeat_of_id,
          version = p.version + 1, updated_at = now()
        from jsonb_to_recordset(${input}::jsonb) as x(
          id uuid, region_text text, region_ids uuid[], reported_party text, address text,
          party_key text, address_key text, repeat_keys text[], repeat_text text,
          domains text[], complaint text, key_case boolean,
          complainant_name text, complainant_contact text, complainant_name_index text,
          complainant_contact_index text, search_tokens text[],
          repeat_of_id uuid)
        where p.id = x.id`)
    }
  },

  /**
   * Writes imported handling onto cases (one UPDATE … FROM per chunk): the finding, texts and
   * counts, the status, the handling unit and deadline (an assigned case keeps its own), marked
   * imported from `fileId` by `by` now. A case closed before keeps its closing time.
   */
  async applyHandling(
    db: DbOrTx,
    rows: HandlingUpdate[],
    m: { by: string | null; byName: string; fileId: string },
  ) {
    for (const part of chunks(rows, RECORDSET_CHUNK)) {
      const input = JSON.stringify(
        part.map((r) => ({
          id: r.id,
          unit: r.handlingUnitId,
          status: r.status,
          deadline: r.deadline,
          finding: r.finding,
          investigation: r.investigation,
          measures: r.measures,
          accountability: r.accountability,
          orders: r.ordersToRectify,
          filed: r.casesFiled,
          fines: r.finesWan,
          detained: r.detained,
          talked: r.talkedTo,
          held: r.heldAccountable,
        })),
      )
      await db.execute(sql`
        update petitions p set
          handling_unit_id = coalesce(p.handling_unit_id, x.unit),
          assigned_at = coalesce(p.assigned_at, now()),
          deadline = coalesce(p.deadline, x.deadline),
          status = x.status, finding = x.finding, investigation = x.investigation,
          measures = x.measures, accountability = x.accountability,
          orders_to_rectify = x.orders, cases_filed = x.filed, fines_wan = x.fines,
          detained = x.detained, talked_to = x.talked, held_accountable = x.held,
          reported_at = now(), reported_by = ${m.by}, reported_by_name = ${m.byName},
          handling_import_file_id = ${m.fileId},
          closed_at = case when x.status <> 'closed' then null
                           when p.status = 'closed' then p.closed_at else now() end,
          return_reason = null,
          version = p.version + 1, updated_at = now()
        from jsonb_to_recordset(${input}::jsonb) as x(
          id uuid, unit uuid, status text, deadline date, finding text, investigation text,
          measures text, accountability text, orders integer, filed integer,
          fines double precision, detained integer, talked integer, held integer)
        where p.id = x.id`)
    }
  },

  /** Units a 办理单位 cell may name: every active unit. */
  handlingUnits(db: DbOrTx) {
    return db
      .select({ id: units.id, code: units.code, name: units.name, kind: units.kind })
      .from(units)
      .where(eq(units.active, true))
  },

  /**
   * A case's re-imports that found it reading differently (changed or kept), oldest first, as
   * the audit recorded them.
   */
  reimports(db: DbOrTx, petitionId: string) {
    return db
      .select({ at: auditLog.at, by: auditLog.actorName, after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'petition'),
          eq(auditLog.entityId, petitionId),
          inArray(auditLog.action, ['petition.reimported', 'petition.reimport_kept']),
        ),
      )
      .orderBy(auditLog.seq)
  },

  /** Which of these cases have a row in a published disclosure table. */
  async publishedCaseIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
    const out = new Set<string>()
    for (const part of chunks(ids, 5000)) {
      if (!part.length) continue
      const rows = await db
        .selectDistinct({ id: petitionDisclosures.petitionId })
        .from(petitionDisclosures)
        .where(sql`${petitionDisclosures.petitionId} = any(${textArray(part)}::uuid[])`)
      rows.forEach((r) => out.add(r.id))
    }
    return out
  },

  /** One appearance per (case, batch); importing into the same batch again replaces it. */
  async upsertAppearances(db: DbOrTx, rows: Appearance[]) {
    for (const part of chunks(rows, RECORDSET_CHUNK)) {
      const input = JSON.stringify(
        part.map((r) => ({
          petition_id: r.petitionId,
          batch_id: r.batchId,
          row_no: r.rowNo ?? null,
          data: r.data ?? {},
        })),
      )
      await db.execute(sql`
        insert into petition_appearances (petition_id, batch_id, row_no, data)
        select petition_id, batch_id, row_no, data
        from jsonb_to_recordset(${input}::jsonb) as x(
          petition_id uuid, batch_id uuid, row_no integer, data jsonb)
        on conflict (petition_id, batch_id)
        do update set row_no = excluded.row_no, data = excluded.data`)
    }
  },
}
