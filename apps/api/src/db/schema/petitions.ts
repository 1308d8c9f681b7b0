import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { problems } from './problems.js'
import { files } from './reports.js'
import { rounds } from './rounds.js'
import { units } from './units.js'
import { GIN_PENDING_LIST } from './gin.js'

/** A batch of petition cases (交办信访件 第N批) handed over by an inspection team. */
export const petitionBatches = pgTable(
  'petition_batches',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    seq: integer('seq').notNull(),
    handedOn: date('handed_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    /** As the handover letter states it; null when it states none (never zero by default). */
    declaredCount: integer('declared_count'),
    handlingDays: integer('handling_days').notNull().default(7),
    note: text('note').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('petition_batches_round_seq_key').on(t.roundId, t.seq),
    check('petition_batches_source_check', sql`${t.source} in ('central','provincial')`),
    check('petition_batches_days_check', sql`${t.handlingDays} between 1 and 90`),
  ],
)

/**
 * One petition case. `receipt_no` is unique city-wide: a case handed over again in a later batch
 * is the same row (its appearances are in petition_appearances, its changes in the audit log).
 * The complainant columns are read only by the complainant route (petitions.service), never by
 * lists, exports, dossiers or the public board. `party_key`/`address_key` are the normalised
 * reported party and address the repeat check matches on; the complaint's first 32 characters
 * carry a trigram index.
 */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey(),
    receiptNo: text('receipt_no').notNull(),
    /** The receipt number's natural-order key (lib/natural-sort.ts), computed by the database. */
    receiptKey: text('receipt_key')
      .notNull()
      .generatedAlwaysAs(sql`rectify_natural_key(receipt_no)`),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => petitionBatches.id),
    regionText: text('region_text').notNull().default(''),
    regionIds: uuid('region_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    reportedParty: text('reported_party').notNull().default(''),
    address: text('address').notNull().default(''),
    partyKey: text('party_key').notNull().default(''),
    addressKey: text('address_key').notNull().default(''),
    /**
     * What the repeat check matches on (petitions/repeat-keys.ts): `p:` party cores from the
     * reported party and the organisations the complaint names, `a:` the address, `s:` named
     * places; and the complaint without its stock phrasing, for trigram similarity.
     */
    repeatKeys: text('repeat_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    repeatText: text('repeat_text').notNull().default(''),
    domains: text('domains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    complaint: text('complaint').notNull(),
    keyCase: boolean('key_case').notNull().default(false),
    /** Sealed (lib/crypto): `enc:…`, or '' when the row named no complainant. */
    complainantName: text('complainant_name').notNull().default(''),
    complainantContact: text('complainant_contact').notNull().default(''),
    /** Blind indexes (keyed hashes) of the normalised name and contact: equality without plaintext. */
    complainantNameIndex: text('complainant_name_index').notNull().default(''),
    complainantContactIndex: text('complainant_contact_index').notNull().default(''),
    /**
     * When the complainant's identity (name, contact, their blind indexes) was erased at the end
     * of COMPLAINANT_RETENTION_DAYS after closing (lib retention job); null while it is kept.
     */
    complainantErasedAt: timestamp('complainant_erased_at', { withTimezone: true }),
    status: text('status').notNull().default('received'),
    handlingUnitId: uuid('handling_unit_id').references(() => units.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    deadline: date('deadline', { mode: 'string' }),
    /** The unit's report: finding, investigation, measures, counts (null: not stated). */
    finding: text('finding'),
    investigation: text('investigation').notNull().default(''),
    measures: text('measures').notNull().default(''),
    ordersToRectify: integer('orders_to_rectify'),
    casesFiled: integer('cases_filed'),
    finesWan: doublePrecision('fines_wan'),
    detained: integer('detained'),
    talkedTo: integer('talked_to'),
    heldAccountable: integer('held_accountable'),
    accountability: text('accountability').notNull().default(''),
    /**
     * Set when the handling was imported from a handled disclosure table (the workbook it came
     * from, attached to the batch; who and when are reportedBy/reportedAt) rather than
     * reported by the unit; cleared when the unit reports.
     */
    handlingImportFileId: uuid('handling_import_file_id').references(() => files.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by'),
    reportedByName: text('reported_by_name'),
    returnReason: text('return_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    callback: jsonb('callback'),
    repeatOfId: uuid('repeat_of_id'),
    problemId: uuid('problem_id').references(() => problems.id),
    searchTokens: text('search_tokens')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('petitions_receipt_no_key').on(t.receiptNo),
    index('petitions_batch_idx').on(t.batchId),
    index('petitions_updated_idx').on(t.updatedAt, t.id),
    // Disclosure tables and exports in receipt order: D3600000-99 before D3600000-123.
    index('petitions_receipt_key_idx').on(t.receiptKey, t.id),
    index('petitions_status_idx').on(t.status, t.deadline),
    index('petitions_unit_idx').on(t.handlingUnitId),
    index('petitions_problem_idx').on(t.problemId),
    index('petitions_repeat_idx').on(t.repeatOfId),
    index('petitions_repeat_keys_idx').using('gin', t.repeatKeys).with(GIN_PENDING_LIST),
    index('petitions_regions_idx').using('gin', t.regionIds).with(GIN_PENDING_LIST),
    index('petitions_search_idx').using('gin', t.searchTokens).with(GIN_PENDING_LIST),
    // Trigrams of the complaint without its stock phrasing (at most 80 characters): what is
    // distinctive (place, party, what is wrong), not what every complaint says.
    index('petitions_repeat_text_trgm_idx')
      .using('gin', sql`${t.repeatText} gin_trgm_ops`)
      .with(GIN_PENDING_LIST),
    check(
      'petitions_status_check',
      sql`${t.status} in ('received','handling','submitted','partly_closed','closed')`,
    ),
    check(
      'petitions_finding_check',
      sql`${t.finding} is null or ${t.finding} in ('true','mostly_true','partly_true','untrue')`,
    ),
    check(
      'petitions_assigned_check',
      sql`(${t.status} = 'received') = (${t.handlingUnitId} is null)`,
    ),
    check('petitions_not_own_repeat_check', sql`${t.repeatOfId} is distinct from ${t.id}`),
  ],
)

/**
 * Every batch a case was handed over in, with the row as it read then (history of repeats
 * across batches; the complainant columns are not kept here).
 */
export const petitionAppearances = pgTable(
  'petition_appearances',
  {
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => petitionBatches.id),
    rowNo: integer('row_no'),
    data: jsonb('data').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.petitionId, t.batchId] }),
    index('petition_appearances_batch_idx').on(t.batchId),
  ],
)

/**
 * The disclosure table as the office last published it: one row per reviewed case of a
 * published batch, in the public columns (PublicPetitionRow). The public board reads only
 * these, so a case changed after publishing (a re-import, a new report) shows its new text
 * only when the office publishes the batch again.
 */
export const petitionDisclosures = pgTable(
  'petition_disclosures',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => petitionBatches.id),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id),
    row: jsonb('row').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.petitionId] })],
)

/** Column mappings users chose for headers the synonyms do not know, remembered per header. */
export const importMappings = pgTable(
  'import_mappings',
  {
    kind: text('kind').notNull(),
    header: text('header').notNull(),
    field: text('field'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.header] })],
)

/** A sweep (举一反三排查) launched from a common problem. */
export const sweeps = pgTable(
  'sweeps',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    title: text('title').notNull(),
    instructions: text('instructions').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sweeps_problem_idx').on(t.problemId),
    index('sweeps_status_idx').on(t.status, t.dueDate),
    check('sweeps_status_check', sql`${t.status} in ('open','closed')`),
  ],
)

/** A sweep's target unit and its answer. */
export const sweepUnits = pgTable(
  'sweep_units',
  {
    sweepId: uuid('sweep_id')
      .notNull()
      .references(() => sweeps.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('pending'),
    statement: text('statement'),
    signedBy: text('signed_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by'),
    reportedByName: text('reported_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.sweepId, t.unitId] }),
    index('sweep_units_unit_idx').on(t.unitId, t.status),
    check('sweep_units_status_check', sql`${t.status} in ('pending','found','none')`),
    check(
      'sweep_units_statement_check',
      sql`(${t.status} = 'none') = (${t.statement} is not null and ${t.signedBy} is not null)`,
    ),
  ],
)

/** The child problems a sweep's findings opened (problems.parent_id is the sweep's problem). */
export const sweepFindings = pgTable(
  'sweep_findings',
  {
    problemId: uuid('problem_id')
      .primaryKey()
      .references(() => problems.id),
    sweepId: uuid('sweep_id')
      .notNull()
      .references(() => sweeps.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [index('sweep_findings_sweep_idx').on(t.sweepId, t.unitId)],
)

/** An institution (建章立制): a rule, mechanism or document that keeps fixes lasting. */
export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    docNumber: text('doc_number').notNull().default(''),
    issuingUnitId: uuid('issuing_unit_id')
      .notNull()
      .references(() => units.id),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull().default(''),
    public: boolean('public').notNull().default(false),
    searchTokens: text('search_tokens')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_unit_idx').on(t.issuingUnitId),
    index('institutions_issued_idx').on(t.issuedOn),
    index('institutions_public_idx')
      .on(t.issuedOn)
      .where(sql`${t.public}`),
    index('institutions_search_idx').using('gin', t.searchTokens).with(GIN_PENDING_LIST),
    check(
      'institutions_kind_check',
      sql`${t.kind} in ('regulation','mechanism','document','standard','plan')`,
    ),
  ],
)

export const institutionProblems = pgTable(
  'institution_problems',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
  },
  (t) => [
    primaryKey({ columns: [t.institutionId, t.problemId] }),
    index('institution_problems_problem_idx').on(t.problemId),
  ],
)
