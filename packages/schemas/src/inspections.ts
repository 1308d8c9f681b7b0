import { Type, type Static } from 'typebox'
import {
  DateSchema,
  IdSchema,
  NonBlank,
  PageQueryProperties,
  PageSchema,
  TimestampSchema,
} from './common.js'
import { UnitRefSchema } from './auth.js'
import { ActorRefSchema } from './acceptance.js'
import { CreateProblemBodySchema } from './problems.js'
import { FileSchema } from './reports.js'
import { INSPECTION_KINDS, INSPECTION_STATUSES } from './constants/inspections.js'

/*
 * Inspections (督查检查 / 明察暗访) and their findings: DOMAIN.md "The things it keeps".
 * An unannounced inspection is invisible to its target units until it has happened.
 */

export type InspectionKind = (typeof INSPECTION_KINDS)[number]
export const InspectionKindSchema = Type.Enum(INSPECTION_KINDS, { $id: 'InspectionKind' })

export type InspectionStatus = (typeof INSPECTION_STATUSES)[number]
export const InspectionStatusSchema = Type.Enum(INSPECTION_STATUSES, { $id: 'InspectionStatus' })

/** A place the team visits (an enterprise, a river section, a landfill ...). */
export const InspectionSiteSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    address: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { $id: 'InspectionSite', additionalProperties: false },
)
export type InspectionSite = Static<typeof InspectionSiteSchema>

/** A finding of an inspection: it opened a problem (source `inspection`) or links one. */
export const InspectionFindingSchema = Type.Object(
  {
    id: IdSchema,
    inspectionId: IdSchema,
    /** 1-based, per inspection. */
    seq: Type.Integer({ minimum: 1 }),
    content: Type.String(),
    site: Type.String(),
    unit: Type.Union([UnitRefSchema, Type.Null()]),
    problem: Type.Union([
      Type.Object({ id: IdSchema, code: Type.String(), title: Type.String() }),
      Type.Null(),
    ]),
    /** True when the finding opened its problem; false when it links an existing one. */
    opened: Type.Boolean(),
    files: Type.Array(FileSchema),
    createdAt: TimestampSchema,
  },
  { $id: 'InspectionFinding' },
)
export type InspectionFinding = Static<typeof InspectionFindingSchema>

/** A finding as the problem page lists it: with the inspection it came from. */
export const ProblemFindingSchema = Type.Object(
  {
    ...InspectionFindingSchema.properties,
    inspection: Type.Object({
      id: IdSchema,
      title: Type.String(),
      kind: InspectionKindSchema,
      doneDate: Type.Union([DateSchema, Type.Null()]),
    }),
  },
  { $id: 'ProblemFinding' },
)
export type ProblemFinding = Static<typeof ProblemFindingSchema>
export const ProblemFindingListSchema = Type.Object(
  { items: Type.Array(ProblemFindingSchema) },
  { $id: 'ProblemFindingList' },
)
export type ProblemFindingList = Static<typeof ProblemFindingListSchema>

export const InspectionSchema = Type.Object(
  {
    id: IdSchema,
    title: Type.String(),
    kind: InspectionKindSchema,
    plannedDate: DateSchema,
    team: Type.String(),
    sites: Type.Array(InspectionSiteSchema),
    targetUnits: Type.Array(UnitRefSchema),
    status: InspectionStatusSchema,
    doneDate: Type.Union([DateSchema, Type.Null()]),
    summary: Type.String(),
    createdBy: Type.Union([ActorRefSchema, Type.Null()]),
    findingCount: Type.Integer({ minimum: 0 }),
    /** Present on the detail route; lists leave it empty. */
    findings: Type.Array(InspectionFindingSchema),
    createdAt: TimestampSchema,
    version: Type.Integer(),
  },
  { $id: 'Inspection' },
)
export type Inspection = Static<typeof InspectionSchema>
export const InspectionPageSchema = PageSchema(InspectionSchema, { $id: 'InspectionPage' })
export type InspectionPage = Static<typeof InspectionPageSchema>

const Sites = Type.Array(InspectionSiteSchema, { maxItems: 50 })
const TargetUnits = Type.Array(IdSchema, { minItems: 1, maxItems: 50, uniqueItems: true })

const Title = Type.String({ minLength: 1, maxLength: 200 })
/** Who goes: names and posts as one text (e.g. 市督查室 王敏、市生态环境局 李强). */
const Team = Type.String({ maxLength: 1000 })

export const CreateInspectionBodySchema = Type.Object(
  {
    title: Title,
    kind: InspectionKindSchema,
    plannedDate: DateSchema,
    team: Team,
    sites: Sites,
    targetUnitIds: TargetUnits,
  },
  { $id: 'CreateInspectionBody', additionalProperties: false },
)
export type CreateInspectionBody = Static<typeof CreateInspectionBodySchema>

/** Edits a planned inspection (If-Match). */
export const UpdateInspectionBodySchema = Type.Object(
  {
    title: Type.Optional(Title),
    kind: Type.Optional(InspectionKindSchema),
    plannedDate: Type.Optional(DateSchema),
    team: Type.Optional(Team),
    sites: Type.Optional(Sites),
    targetUnitIds: Type.Optional(TargetUnits),
  },
  { $id: 'UpdateInspectionBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateInspectionBody = Static<typeof UpdateInspectionBodySchema>

/** Records that the inspection happened (If-Match): from then on its targets see it. */
export const CompleteInspectionBodySchema = Type.Object(
  {
    /** Not after today. */
    doneDate: DateSchema,
    summary: NonBlank(5000),
  },
  { $id: 'CompleteInspectionBody', additionalProperties: false },
)
export type CompleteInspectionBody = Static<typeof CompleteInspectionBodySchema>

const FindingCommon = {
  content: NonBlank(5000),
  site: Type.Optional(Type.String({ maxLength: 200 })),
  /** The unit the finding concerns. */
  unitId: IdSchema,
  /** Evidence the caller uploaded (photos, monitoring records). */
  fileIds: Type.Optional(Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })),
}

/** A finding on a done inspection: links an existing problem or opens a new one. */
export const RecordFindingBodySchema = Type.Union(
  [
    Type.Object({ ...FindingCommon, problemId: IdSchema }, { additionalProperties: false }),
    Type.Object(
      {
        ...FindingCommon,
        /** The new problem; its source is set to `inspection`. */
        problem: Type.Omit(CreateProblemBodySchema, ['source']),
      },
      { additionalProperties: false },
    ),
  ],
  { $id: 'RecordFindingBody' },
)
export type RecordFindingBody = Static<typeof RecordFindingBodySchema>

export const ListInspectionsQuerySchema = Type.Object(
  {
    kind: Type.Optional(InspectionKindSchema),
    status: Type.Optional(InspectionStatusSchema),
    /** Inspections targeting this unit or a unit below it. */
    unit: Type.Optional(IdSchema),
    /** Planned (or done) on or after / before these dates. */
    from: Type.Optional(DateSchema),
    to: Type.Optional(DateSchema),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListInspectionsQuery = Static<typeof ListInspectionsQuerySchema>
