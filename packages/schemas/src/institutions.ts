import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, PageQueryProperties, PageSchema, TimestampSchema } from './common.js'
import { UnitRefSchema } from './auth.js'
import { ActorRefSchema } from './acceptance.js'
import { FileSchema } from './reports.js'
import { INSTITUTION_KINDS } from './constants/institutions.js'

/*
 * Institutions (建章立制): rules, mechanisms and documents made to keep fixes lasting, linked to
 * the problems they answer. Those marked public are listed on the public board.
 */

/** 制度 · 机制 · 文件 · 标准规范 · 规划方案. */
export const InstitutionKindSchema = Type.Enum(INSTITUTION_KINDS, { $id: 'InstitutionKind' })

const ProblemRef = Type.Object({ id: IdSchema, code: Type.String(), title: Type.String() })

export const InstitutionSchema = Type.Object(
  {
    id: IdSchema,
    title: Type.String(),
    kind: InstitutionKindSchema,
    /** 文号, e.g. 临政办〔2026〕12号; empty when it has none. */
    docNumber: Type.String(),
    issuingUnit: UnitRefSchema,
    issuedOn: DateSchema,
    summary: Type.String(),
    public: Type.Boolean(),
    problems: Type.Array(ProblemRef),
    files: Type.Array(FileSchema),
    createdBy: Type.Union([ActorRefSchema, Type.Null()]),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: Type.Integer(),
  },
  { $id: 'Institution' },
)
export type Institution = Static<typeof InstitutionSchema>
export const InstitutionPageSchema = PageSchema(InstitutionSchema, { $id: 'InstitutionPage' })
export type InstitutionPage = Static<typeof InstitutionPageSchema>

export const ListInstitutionsQuerySchema = Type.Object(
  {
    kind: Type.Optional(InstitutionKindSchema),
    /** Issued by this unit or one below it. */
    unit: Type.Optional(IdSchema),
    problem: Type.Optional(IdSchema),
    public: Type.Optional(Type.Boolean()),
    from: Type.Optional(DateSchema),
    to: Type.Optional(DateSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListInstitutionsQuery = Static<typeof ListInstitutionsQuerySchema>

const Title = Type.String({ minLength: 1, maxLength: 200 })
const DocNumber = Type.String({ maxLength: 100 })
const Summary = Type.String({ maxLength: 5000 })
const ProblemIds = Type.Array(IdSchema, { maxItems: 100, uniqueItems: true })
const FileIds = Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })

export const CreateInstitutionBodySchema = Type.Object(
  {
    title: Title,
    kind: InstitutionKindSchema,
    docNumber: Type.Optional(DocNumber),
    issuingUnitId: IdSchema,
    /** Not after today. */
    issuedOn: DateSchema,
    summary: Type.Optional(Summary),
    public: Type.Optional(Type.Boolean()),
    problemIds: Type.Optional(ProblemIds),
    fileIds: Type.Optional(FileIds),
  },
  { $id: 'CreateInstitutionBody', additionalProperties: false },
)
export type CreateInstitutionBody = Static<typeof CreateInstitutionBodySchema>

/** Corrects an institution (If-Match); `problemIds` replaces the links, `fileIds` adds files. */
export const UpdateInstitutionBodySchema = Type.Object(
  {
    title: Type.Optional(Title),
    kind: Type.Optional(InstitutionKindSchema),
    docNumber: Type.Optional(DocNumber),
    issuingUnitId: Type.Optional(IdSchema),
    issuedOn: Type.Optional(DateSchema),
    summary: Type.Optional(Summary),
    public: Type.Optional(Type.Boolean()),
    problemIds: Type.Optional(ProblemIds),
    fileIds: Type.Optional(FileIds),
  },
  { $id: 'UpdateInstitutionBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateInstitutionBody = Static<typeof UpdateInstitutionBodySchema>

/** An institution as the public board lists it (allow-listed fields only). */
export const PublicInstitutionSchema = Type.Object(
  {
    id: IdSchema,
    title: Type.String(),
    kind: InstitutionKindSchema,
    docNumber: Type.String(),
    issuingUnit: Type.String(),
    issuedOn: DateSchema,
    summary: Type.String(),
    problems: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })),
  },
  { $id: 'PublicInstitution' },
)
export type PublicInstitution = Static<typeof PublicInstitutionSchema>
export const PublicInstitutionListSchema = Type.Object(
  {
    items: Type.Array(PublicInstitutionSchema),
  },
  { $id: 'PublicInstitutionList' },
)
