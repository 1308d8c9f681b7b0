import { Type, type Static } from 'typebox'
import {
  DateSchema,
  IdSchema,
  NonBlank,
  Nullable,
  PageQueryProperties,
  PageSchema,
  ProblemDetailsSchema,
  TimestampSchema,
  UpdatedSinceProperty,
} from './common.js'
import { UnitRefSchema } from './auth.js'
import { ActorRefSchema } from './acceptance.js'
import { ProblemDomainSchema, ProblemRefSchema } from './problems.js'
import { FileSchema } from './reports.js'
import {
  PETITION_BATCH_SOURCES,
  PETITION_STATUSES,
  PETITION_FINDINGS,
  PETITION_SATISFACTIONS,
  PETITION_DIFFERENCE_FIELDS,
  PETITION_IMPORT_FIELDS,
} from './constants/petitions.js'

/*
 * Petition cases (交办信访件): complaints the inspection team hands over in numbered batches,
 * handled by units, reviewed by the office and published as a disclosure table. The
 * complainant's name and contact never travel with a case: they are read through
 * GET /petitions/{id}/complainant, which only the office and the handling unit (or a client
 * with `petitions:pii`) may call, and every call is audited.
 */

export const PetitionBatchSourceSchema = Type.Enum(PETITION_BATCH_SOURCES, {
  $id: 'PetitionBatchSource',
})

export type PetitionStatus = (typeof PETITION_STATUSES)[number]
export const PetitionStatusSchema = Type.Enum(PETITION_STATUSES, { $id: 'PetitionStatus' })

export type PetitionFinding = (typeof PETITION_FINDINGS)[number]
export const PetitionFindingSchema = Type.Enum(PETITION_FINDINGS, { $id: 'PetitionFinding' })

export const PetitionSatisfactionSchema = Type.Enum(PETITION_SATISFACTIONS, {
  $id: 'PetitionSatisfaction',
})

// ── Batches ───────────────────────────────────────────────────────────────────────────────

export const PetitionBatchSchema = Type.Object(
  {
    id: IdSchema,
    roundId: IdSchema,
    /** 第N批. */
    seq: Type.Integer({ minimum: 1 }),
    handedOn: DateSchema,
    source: PetitionBatchSourceSchema,
    /** The count the handover letter states; null when it states none (never read as zero). */
    declaredCount: Nullable(Type.Integer({ minimum: 0 })),
    /** Days a unit has to handle an assigned case (the assignment's default deadline). */
    handlingDays: Type.Integer({ minimum: 1, maximum: 90 }),
    note: Type.String(),
    /** Cases that appear in this batch (new or repeated from an earlier batch). */
    caseCount: Type.Integer({ minimum: 0 }),
    /** Counts by status, for the batch list and its progress bar. */
    byStatus: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
    publishedAt: Nullable(TimestampSchema),
    /**
     * Published batches: reviewed cases whose public row would read differently if the office
     * published again (changed since, newly reviewed); 0 when unpublished or up to date.
     */
    unpublishedChanges: Type.Integer({ minimum: 0 }),
    createdAt: TimestampSchema,
    version: Type.Integer(),
  },
  { $id: 'PetitionBatch' },
)
export type PetitionBatch = Static<typeof PetitionBatchSchema>
export const PetitionBatchPageSchema = PageSchema(PetitionBatchSchema, { $id: 'PetitionBatchPage' })
export type PetitionBatchPage = Static<typeof PetitionBatchPageSchema>

export const CreatePetitionBatchBodySchema = Type.Object(
  {
    roundId: IdSchema,
    seq: Type.Integer({ minimum: 1, maximum: 999 }),
    handedOn: DateSchema,
    source: PetitionBatchSourceSchema,
    declaredCount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
    handlingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { $id: 'CreatePetitionBatchBody', additionalProperties: false },
)
export type CreatePetitionBatchBody = Static<typeof CreatePetitionBatchBodySchema>

export const UpdatePetitionBatchBodySchema = Type.Object(
  {
    handedOn: Type.Optional(DateSchema),
    source: Type.Optional(PetitionBatchSourceSchema),
    declaredCount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
    handlingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { $id: 'UpdatePetitionBatchBody', additionalProperties: false, minProperties: 1 },
)
export type UpdatePetitionBatchBody = Static<typeof UpdatePetitionBatchBodySchema>

export const ListPetitionBatchesQuerySchema = Type.Object(
  {
    round: Type.Optional(IdSchema),
    published: Type.Optional(Type.Boolean()),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListPetitionBatchesQuery = Static<typeof ListPetitionBatchesQuerySchema>

// ── Cases ─────────────────────────────────────────────────────────────────────────────────

/** What the handling unit found and did (its report), as stored and as sent. */
const handlingProperties = {
  finding: PetitionFindingSchema,
  /** 调查核实情况. */
  investigation: Type.String({ maxLength: 5000 }),
  /** 处理和整改情况 (what was done; published in the disclosure table). */
  measures: Type.String({ maxLength: 5000 }),
  /** 责令整改 (orders to rectify), 立案处罚 (cases filed), 罚款 万元, 拘留, 约谈, 问责 — null: not stated. */
  ordersToRectify: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
  casesFiled: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
  finesWan: Nullable(Type.Number({ minimum: 0, maximum: 10000000 })),
  detained: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
  talkedTo: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
  heldAccountable: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
  /** 问责情况 as published (who was held accountable and how). */
  accountability: Type.String({ maxLength: 2000 }),
}

export const PetitionHandlingSchema = Type.Object(
  {
    ...handlingProperties,
    reportedAt: TimestampSchema,
    reportedBy: ActorRefSchema,
    /**
     * Set when the handling was imported from a handled disclosure table rather than reported by
     * the unit: the workbook it came from (attached to the batch); `reportedBy` imported it.
     */
    importedFileId: Nullable(IdSchema),
  },
  { $id: 'PetitionHandling' },
)
export type PetitionHandling = Static<typeof PetitionHandlingSchema>

/** What to do with a reported, closed or published case the sheet states differently. */
export const PetitionImportChoiceSchema = Type.Enum(['keep', 'take'], {
  $id: 'PetitionImportChoice',
})
export type PetitionImportChoice = Static<typeof PetitionImportChoiceSchema>

/**
 * One field an existing case and the row state differently. Values as text; codes for
 * `finding` (true, untrue …), `closure` (closed, partly_closed, open) and `domains` (joined
 * with 、); '' for not stated.
 */
export const PetitionImportDifferenceSchema = Type.Object(
  {
    field: Type.Enum(PETITION_DIFFERENCE_FIELDS),
    current: Type.String(),
    incoming: Type.String(),
  },
  { $id: 'PetitionImportDifference' },
)
export type PetitionImportDifference = Static<typeof PetitionImportDifferenceSchema>

/** A re-import that found the case reading differently: kept as it was, or changed. */
export const PetitionReimportSchema = Type.Object(
  {
    at: TimestampSchema,
    /** Who imported the sheet. */
    by: Type.String(),
    batchId: Nullable(IdSchema),
    /** `keep`: the case stayed as it was; `take`: the sheet's text replaced it; null: no choice was needed. */
    choice: Nullable(PetitionImportChoiceSchema),
    /** Field by field: the case's text before (`current`) and the sheet's (`incoming`). */
    differences: Type.Array(PetitionImportDifferenceSchema),
  },
  { $id: 'PetitionReimport' },
)
export type PetitionReimport = Static<typeof PetitionReimportSchema>

export const PetitionSchema = Type.Object(
  {
    id: IdSchema,
    /** Receipt number as handed over (X3HB202406020025, D2ZGHJ202108310001, local numbers) — always a string. */
    receiptNo: Type.String(),
    /** The batch it first appeared in, and every batch it appeared in since (repeats across batches). */
    batch: Type.Object({ id: IdSchema, seq: Type.Integer() }),
    batchIds: Type.Array(IdSchema),
    /** Region as written (行政区域), and the units it was matched to (several when handled jointly). */
    regionText: Type.String(),
    regions: Type.Array(UnitRefSchema),
    reportedParty: Type.String(),
    address: Type.String(),
    domains: Type.Array(ProblemDomainSchema),
    complaint: Type.String(),
    keyCase: Type.Boolean(),
    status: PetitionStatusSchema,
    handlingUnit: Nullable(UnitRefSchema),
    assignedAt: Nullable(TimestampSchema),
    deadline: Nullable(DateSchema),
    /** Deadline passed and not yet submitted/closed (derived). */
    overdue: Type.Boolean(),
    handling: Nullable(PetitionHandlingSchema),
    /** The office's last return reason while handling again after a return. */
    returnReason: Nullable(Type.String()),
    closedAt: Nullable(TimestampSchema),
    callback: Nullable(
      Type.Object({
        satisfaction: PetitionSatisfactionSchema,
        note: Type.String(),
        on: DateSchema,
      }),
    ),
    /** The earlier case this one repeats (a repeat complaint links to the earlier one). */
    repeatOf: Nullable(Type.Object({ id: IdSchema, receiptNo: Type.String() })),
    problem: Nullable(ProblemRefSchema),
    files: Type.Array(FileSchema),
    /**
     * Re-imports that found the case reading differently, oldest first, with both texts and the
     * office's choice (its history; from the audit). Only in a single case's answer, not in lists.
     */
    reimports: Type.Optional(Type.Array(PetitionReimportSchema)),
    /** True when the caller may read the complainant (GET /petitions/{id}/complainant). */
    canViewComplainant: Type.Boolean(),
    version: Type.Integer(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'Petition' },
)
export type Petition = Static<typeof PetitionSchema>
export const PetitionPageSchema = PageSchema(PetitionSchema, { $id: 'PetitionPage' })
export type PetitionPage = Static<typeof PetitionPageSchema>

export const ListPetitionsQuerySchema = Type.Object(
  {
    batch: Type.Optional(IdSchema),
    status: Type.Optional(PetitionStatusSchema),
    finding: Type.Optional(PetitionFindingSchema),
    domain: Type.Optional(ProblemDomainSchema),
    /** Handling unit (or a unit below it). */
    unit: Type.Optional(IdSchema),
    /** Region unit (or below). */
    region: Type.Optional(IdSchema),
    keyCase: Type.Optional(Type.Boolean()),
    overdue: Type.Optional(Type.Boolean()),
    /** Cases linked to this problem. */
    problem: Type.Optional(IdSchema),
    /** Receipt number, reported party, address or complaint text (Chinese works). */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...UpdatedSinceProperty,
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListPetitionsQuery = Static<typeof ListPetitionsQuerySchema>

const Receipt = Type.String({ minLength: 1, maxLength: 60 })
const Party = Type.String({ maxLength: 300 })
const Complaint = Type.String({ minLength: 1, maxLength: 10000 })
const PersonName = Type.String({ maxLength: 100 })
const Contact = Type.String({ maxLength: 100 })
const Domains = Type.Array(ProblemDomainSchema, { maxItems: 8, uniqueItems: true })
const RegionIds = Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })

/** Adds one case to a batch by hand (the office). */
export const CreatePetitionBodySchema = Type.Object(
  {
    batchId: IdSchema,
    receiptNo: Receipt,
    regionText: Type.Optional(Type.String({ maxLength: 200 })),
    regionIds: Type.Optional(RegionIds),
    reportedParty: Type.Optional(Party),
    address: Type.Optional(Party),
    domains: Domains,
    complaint: Complaint,
    keyCase: Type.Optional(Type.Boolean()),
    complainantName: Type.Optional(PersonName),
    complainantContact: Type.Optional(Contact),
    /** Link to this earlier case as its repeat. */
    repeatOfId: Type.Optional(IdSchema),
  },
  { $id: 'CreatePetitionBody', additionalProperties: false },
)
export type CreatePetitionBody = Static<typeof CreatePetitionBodySchema>

/** Corrects a case as handed over (the office; If-Match). */
export const UpdatePetitionBodySchema = Type.Object(
  {
    receiptNo: Type.Optional(Receipt),
    regionText: Type.Optional(Type.String({ maxLength: 200 })),
    regionIds: Type.Optional(RegionIds),
    reportedParty: Type.Optional(Party),
    address: Type.Optional(Party),
    domains: Type.Optional(Domains),
    complaint: Type.Optional(Complaint),
    keyCase: Type.Optional(Type.Boolean()),
    complainantName: Type.Optional(PersonName),
    complainantContact: Type.Optional(Contact),
  },
  { $id: 'UpdatePetitionBody', additionalProperties: false, minProperties: 1 },
)
export type UpdatePetitionBody = Static<typeof UpdatePetitionBodySchema>

/**
 * The complainant as the office and the handling unit read it (each read is audited). After
 * COMPLAINANT_RETENTION_DAYS past closing, the identity is erased: name and contact are empty
 * and `erasedAt` says when (null while kept).
 */
export const PetitionComplainantSchema = Type.Object(
  {
    name: Type.String(),
    contact: Type.String(),
    erasedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'PetitionComplainant' },
)
export type PetitionComplainant = Static<typeof PetitionComplainantSchema>

/** Assigns cases to a unit in bulk (the office); deadline defaults to today + the batch's handlingDays. */
export const AssignPetitionsBodySchema = Type.Object(
  {
    petitionIds: Type.Array(IdSchema, { minItems: 1, maxItems: 500, uniqueItems: true }),
    unitId: IdSchema,
    deadline: Type.Optional(DateSchema),
  },
  { $id: 'AssignPetitionsBody', additionalProperties: false },
)
export type AssignPetitionsBody = Static<typeof AssignPetitionsBodySchema>
export const AssignPetitionsResultSchema = Type.Object(
  {
    assigned: Type.Integer({ minimum: 0 }),
    deadline: DateSchema,
  },
  { $id: 'AssignPetitionsResult' },
)
export type AssignPetitionsResult = Static<typeof AssignPetitionsResultSchema>

/** The handling unit's report (If-Match); `fileIds` attaches evidence uploaded before. */
export const ReportPetitionBodySchema = Type.Object(
  {
    ...handlingProperties,
    investigation: NonBlank(5000),
    measures: NonBlank(5000),
    ordersToRectify: Type.Optional(handlingProperties.ordersToRectify),
    casesFiled: Type.Optional(handlingProperties.casesFiled),
    finesWan: Type.Optional(handlingProperties.finesWan),
    detained: Type.Optional(handlingProperties.detained),
    talkedTo: Type.Optional(handlingProperties.talkedTo),
    heldAccountable: Type.Optional(handlingProperties.heldAccountable),
    accountability: Type.Optional(handlingProperties.accountability),
    fileIds: Type.Optional(Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })),
  },
  { $id: 'ReportPetitionBody', additionalProperties: false },
)
export type ReportPetitionBody = Static<typeof ReportPetitionBodySchema>

/** The office's review of a submitted report (If-Match): close, partly close, or return with a reason. */
export const ReviewPetitionBodySchema = Type.Object(
  {
    decision: Type.Enum(['close', 'partly_close', 'return']),
    reason: Type.Optional(NonBlank(2000)),
  },
  { $id: 'ReviewPetitionBody', additionalProperties: false },
)
export type ReviewPetitionBody = Static<typeof ReviewPetitionBodySchema>

/** The call-back (回访) to the complainant (the office; If-Match). */
export const PetitionCallbackBodySchema = Type.Object(
  {
    satisfaction: PetitionSatisfactionSchema,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    on: DateSchema,
  },
  { $id: 'PetitionCallbackBody', additionalProperties: false },
)
export type PetitionCallbackBody = Static<typeof PetitionCallbackBodySchema>

/** Links the case to an existing problem, or opens a problem from it (source `petition`). */
export const PetitionProblemBodySchema = Type.Union(
  [
    Type.Object({ problemId: IdSchema }, { additionalProperties: false }),
    Type.Object(
      {
        open: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            leadUnitId: IdSchema,
            deadline: DateSchema,
            domain: Type.Optional(ProblemDomainSchema),
            regionId: Type.Optional(IdSchema),
          },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
  ],
  { $id: 'PetitionProblemBody' },
)
export type PetitionProblemBody = Static<typeof PetitionProblemBodySchema>

/** Marks the case as a repeat of an earlier one (the office; If-Match). */
export const PetitionRepeatBodySchema = Type.Object(
  { repeatOfId: Type.Union([IdSchema, Type.Null()]) },
  { $id: 'PetitionRepeatBody', additionalProperties: false },
)
export type PetitionRepeatBody = Static<typeof PetitionRepeatBodySchema>

/**
 * A likely earlier case and why it matched: `party` the same reported party (named in the
 * column or in the complaint; `matchedParty` is its name without legal form), `address` the
 * same address, `site` the same named place (`matchedSite`: village, estate, numbered address)
 * with some similar text, `text` a clearly similar complaint once stock phrasing is removed;
 * `similarity` is that text similarity (0–1).
 */
export const RepeatCandidateSchema = Type.Object(
  {
    id: IdSchema,
    receiptNo: Type.String(),
    batchSeq: Type.Integer(),
    reportedParty: Type.String(),
    address: Type.String(),
    complaint: Type.String(),
    status: PetitionStatusSchema,
    reasons: Type.Array(Type.Enum(['party', 'address', 'site', 'text'])),
    matchedParty: Nullable(Type.String()),
    matchedSite: Nullable(Type.String()),
    similarity: Type.Number({ minimum: 0, maximum: 1 }),
    /** The earlier case's problem when it has one (a closed one would be flagged a rebound). */
    problem: Nullable(ProblemRefSchema),
  },
  { $id: 'RepeatCandidate' },
)
export type RepeatCandidate = Static<typeof RepeatCandidateSchema>
export const RepeatCandidateListSchema = Type.Object(
  { items: Type.Array(RepeatCandidateSchema) },
  { $id: 'RepeatCandidateList' },
)

// ── Import ────────────────────────────────────────────────────────────────────────────────

export type PetitionImportField = (typeof PETITION_IMPORT_FIELDS)[number]
export const PetitionImportFieldSchema = Type.Enum(PETITION_IMPORT_FIELDS, {
  $id: 'PetitionImportField',
})

/**
 * Imports an uploaded .xlsx (POST /files first) into a batch. `dryRun` (default true) checks
 * every row and writes nothing; with `dryRun: false` all rows are written in one transaction,
 * or none when any row has an error (422 with the same report). `mapping` maps a header as it
 * reads in the sheet (line breaks removed) to a field, or to null to ignore the column; headers
 * it does not name are mapped by the known synonyms.
 */
export const PetitionImportBodySchema = Type.Object(
  {
    fileId: IdSchema,
    dryRun: Type.Optional(Type.Boolean({ default: true })),
    mapping: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 200 }),
        Type.Union([PetitionImportFieldSchema, Type.Null()]),
      ),
    ),
    /** Repeats to link as proposed in the dry run: row number → earlier case id. */
    repeats: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{1,6}$' }), IdSchema)),
    /**
     * For rows whose case is reported, closed or published and reads differently (`needsChoice`
     * in the dry run): row number → `keep` the case as it is or `take` the sheet's text. A commit
     * with such a row unchosen is refused (422) and changes nothing.
     */
    choices: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9]{1,6}$' }), PetitionImportChoiceSchema),
    ),
  },
  { $id: 'PetitionImportBody', additionalProperties: false },
)
export type PetitionImportBody = Static<typeof PetitionImportBodySchema>

/**
 * Where an import found something wrong in the sheet: the `row` as Excel numbers it, the
 * `column`'s header as read (or the field's name when no column holds it), and the `cell` as
 * Excel names it (C12) — null when the problem is the row's, not one cell's (a missing column
 * marks the header row). The error workbook fills and annotates exactly that cell.
 */
export const ImportCellRefSchema = Type.String({ pattern: '^[A-Z]{1,3}[1-9][0-9]{0,6}$' })

/** One problem with one cell: `row` as Excel numbers it, `column` the header as read. */
export const ImportCellErrorSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 1 }),
    column: Type.String(),
    /** The cell as Excel names it (C12); null for the whole row (a missing column: the header). */
    cell: Nullable(ImportCellRefSchema),
    /** Chinese, for the person at the screen. */
    message: Type.String(),
    /** The English message, for the en locale and integrators. */
    messageEn: Type.String(),
  },
  { $id: 'ImportCellError' },
)
export type ImportCellError = Static<typeof ImportCellErrorSchema>

/** One sheet column: its header as read and the field it maps to (`by`: synonym, user or none). */
export const ImportColumnSchema = Type.Object(
  {
    index: Type.Integer({ minimum: 0 }),
    header: Type.String(),
    field: Nullable(Type.String()),
    by: Type.Enum(['synonym', 'mapping', 'none']),
  },
  { $id: 'ImportColumn' },
)
export type ImportColumn = Static<typeof ImportColumnSchema>

/**
 * The handling a row of a handled disclosure table states, as it would land on the case: blank
 * cells keep what an existing case holds.
 */
export const PetitionImportHandlingSchema = Type.Object(
  {
    finding: Nullable(PetitionFindingSchema),
    investigation: Type.String(),
    measures: Type.String(),
    accountability: Type.String(),
    ordersToRectify: Nullable(Type.Integer()),
    casesFiled: Nullable(Type.Integer()),
    finesWan: Nullable(Type.Number()),
    detained: Nullable(Type.Integer()),
    talkedTo: Nullable(Type.Integer()),
    heldAccountable: Nullable(Type.Integer()),
    /**
     * The closure state (是否办结 / 办结情况): `closed` (已办结), `partly_closed` (阶段办结) or
     * `open` (未办结 — the case stays with its unit, the texts recorded). 已办结 when not stated.
     */
    closure: Type.Enum(['closed', 'partly_closed', 'open']),
    /** The 办理单位 column's unit, else the row's one region unit, else the case's own unit. */
    handlingUnit: Nullable(UnitRefSchema),
  },
  { $id: 'PetitionImportHandling' },
)
export type PetitionImportHandling = Static<typeof PetitionImportHandlingSchema>

export const PetitionImportRowSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 1 }),
    receiptNo: Type.String(),
    /** `new` case, `update` of a case from an earlier batch (same receipt number), or `error`. */
    action: Type.Enum(['new', 'update', 'error']),
    regionText: Type.String(),
    regions: Type.Array(UnitRefSchema),
    reportedParty: Type.String(),
    address: Type.String(),
    domains: Type.Array(ProblemDomainSchema),
    complaint: Type.String(),
    keyCase: Type.Boolean(),
    finding: Nullable(PetitionFindingSchema),
    /** Whether the row carries a complainant (the dry run never echoes it). */
    hasComplainant: Type.Boolean(),
    /**
     * The handling a handled disclosure table states for the case (是否属实, 调查核实情况,
     * 处理和整改情况, 问责情况, the counts, 是否办结): it lands on the case as its handling,
     * marked as imported from the file. Null when the row states none.
     */
    handling: Nullable(PetitionImportHandlingSchema),
    /** Fields where an existing case reads differently from the row (blank cells never differ). */
    differences: Type.Array(PetitionImportDifferenceSchema),
    /**
     * The case is reported, closed or in a published disclosure table and differs: nothing
     * changes without a choice (`choices` in the body).
     */
    needsChoice: Type.Boolean(),
    /** The choice sent for this row, if any. */
    choice: Nullable(PetitionImportChoiceSchema),
    repeatCandidates: Type.Array(RepeatCandidateSchema),
  },
  { $id: 'PetitionImportRow' },
)
export type PetitionImportRow = Static<typeof PetitionImportRowSchema>

export const PetitionImportReportSchema = Type.Object(
  {
    dryRun: Type.Boolean(),
    sheet: Type.String(),
    columns: Type.Array(ImportColumnSchema),
    /** Fields no column maps to that a case needs (receiptNo, complaint). */
    missingFields: Type.Array(Type.String()),
    /** Every row as read: in a dry run and a refused commit; empty once imported (see counts). */
    rows: Type.Array(PetitionImportRowSchema),
    errors: Type.Array(ImportCellErrorSchema),
    counts: Type.Object({
      rows: Type.Integer(),
      new: Type.Integer(),
      updated: Type.Integer(),
      errors: Type.Integer(),
      repeats: Type.Integer(),
      /** Rows stating a handling. */
      handled: Type.Integer(),
      /** Rows whose reported, closed or published case differs (each needs a choice). */
      needChoice: Type.Integer(),
      /** Existing cases the sheet states exactly as they are (nothing written to them). */
      unchanged: Type.Integer(),
    }),
    /** True when written (dryRun false and no errors). */
    imported: Type.Boolean(),
  },
  { $id: 'PetitionImportReport' },
)
export type PetitionImportReport = Static<typeof PetitionImportReportSchema>

// ── Disclosure (public board) ─────────────────────────────────────────────────────────────

/**
 * One row of a published disclosure table, in the columns cities publish — never the
 * complainant. As the office last published it: a case changed since shows its new text only
 * once the office publishes the batch again.
 */
export const PublicPetitionRowSchema = Type.Object(
  {
    receiptNo: Type.String(),
    region: Type.String(),
    domains: Type.Array(ProblemDomainSchema),
    complaint: Type.String(),
    finding: Nullable(PetitionFindingSchema),
    /** 处理和整改情况. */
    handling: Type.String(),
    accountability: Type.String(),
    status: Type.Enum(['partly_closed', 'closed']),
  },
  { $id: 'PublicPetitionRow' },
)
export type PublicPetitionRow = Static<typeof PublicPetitionRowSchema>

export const PublicPetitionBatchSchema = Type.Object(
  {
    id: IdSchema,
    roundName: Type.String(),
    seq: Type.Integer(),
    handedOn: DateSchema,
    source: PetitionBatchSourceSchema,
    publishedAt: TimestampSchema,
    /** Reviewed cases (closed or partly closed) as last published; others appear when the office publishes again. */
    rows: Type.Array(PublicPetitionRowSchema),
    caseCount: Type.Integer(),
  },
  { $id: 'PublicPetitionBatch' },
)
export type PublicPetitionBatch = Static<typeof PublicPetitionBatchSchema>
export const PublicPetitionBatchListSchema = Type.Object(
  {
    items: Type.Array(Type.Omit(PublicPetitionBatchSchema, ['rows'])),
  },
  { $id: 'PublicPetitionBatchList' },
)
export type PublicPetitionBatchList = Static<typeof PublicPetitionBatchListSchema>

/** A refused import commit: problem+json (`unprocessable`) carrying the report; other 422s lack it. */
export const PetitionImportRefusedSchema = Type.Object(
  { ...ProblemDetailsSchema.properties, report: Type.Optional(PetitionImportReportSchema) },
  { $id: 'PetitionImportRefused' },
)
