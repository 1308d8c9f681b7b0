import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, PageQueryProperties, PageSchema, TimestampSchema } from './common.js'
import { UnitRefSchema } from './auth.js'
import { ActorRefSchema } from './acceptance.js'
import { FileSchema } from './reports.js'
import { ACCOUNTABILITY_FORMS, SUBJECT_KINDS } from './constants/accountability.js'

/*
 * Accountability records (问责 / 责任追究): who was held to account, for which problems, how,
 * by whom and when. Recorded by the office; a unit reads only its own.
 */

export type AccountabilityForm = (typeof ACCOUNTABILITY_FORMS)[number]
export const AccountabilityFormSchema = Type.Enum(ACCOUNTABILITY_FORMS, {
  $id: 'AccountabilityForm',
})

export type SubjectKind = (typeof SUBJECT_KINDS)[number]
export const SubjectKindSchema = Type.Enum(SUBJECT_KINDS, { $id: 'SubjectKind' })

const ProblemRef = Type.Object({ id: IdSchema, code: Type.String(), title: Type.String() })

export const AccountabilityRecordSchema = Type.Object(
  {
    id: IdSchema,
    subjectKind: SubjectKindSchema,
    /** The unit held to account, or the unit the person belongs to. */
    unit: UnitRefSchema,
    personName: Type.Union([Type.String(), Type.Null()]),
    personPost: Type.Union([Type.String(), Type.Null()]),
    form: AccountabilityFormSchema,
    decidingBody: Type.String(),
    decisionDate: DateSchema,
    docNumber: Type.String(),
    summary: Type.String(),
    problems: Type.Array(ProblemRef),
    files: Type.Array(FileSchema),
    createdBy: Type.Union([ActorRefSchema, Type.Null()]),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: Type.Integer(),
  },
  { $id: 'AccountabilityRecord' },
)
export type AccountabilityRecord = Static<typeof AccountabilityRecordSchema>
export const AccountabilityPageSchema = PageSchema(AccountabilityRecordSchema, {
  $id: 'AccountabilityPage',
})
export type AccountabilityPage = Static<typeof AccountabilityPageSchema>

const Name = Type.String({ minLength: 1, maxLength: 50 })
const Post = Type.String({ minLength: 1, maxLength: 100 })
const Body = Type.String({ minLength: 1, maxLength: 200 })
const DocNumber = Type.String({ maxLength: 100 })
const Summary = Type.String({ maxLength: 5000 })
const ProblemIds = Type.Array(IdSchema, { minItems: 1, maxItems: 50, uniqueItems: true })
const FileIds = Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })

/** A person subject needs a name (and may carry a post); a unit subject has neither. */
export const CreateAccountabilityBodySchema = Type.Object(
  {
    subjectKind: SubjectKindSchema,
    unitId: IdSchema,
    personName: Type.Optional(Type.Union([Name, Type.Null()])),
    personPost: Type.Optional(Type.Union([Post, Type.Null()])),
    problemIds: ProblemIds,
    form: AccountabilityFormSchema,
    decidingBody: Body,
    /** Not after today. */
    decisionDate: DateSchema,
    docNumber: Type.Optional(DocNumber),
    summary: Type.Optional(Summary),
    fileIds: Type.Optional(FileIds),
  },
  { $id: 'CreateAccountabilityBody', additionalProperties: false },
)
export type CreateAccountabilityBody = Static<typeof CreateAccountabilityBodySchema>

/** Corrects a record (If-Match); `problemIds` replaces the list, `fileIds` adds evidence. */
export const UpdateAccountabilityBodySchema = Type.Object(
  {
    subjectKind: Type.Optional(SubjectKindSchema),
    unitId: Type.Optional(IdSchema),
    personName: Type.Optional(Type.Union([Name, Type.Null()])),
    personPost: Type.Optional(Type.Union([Post, Type.Null()])),
    problemIds: Type.Optional(ProblemIds),
    form: Type.Optional(AccountabilityFormSchema),
    decidingBody: Type.Optional(Body),
    decisionDate: Type.Optional(DateSchema),
    docNumber: Type.Optional(DocNumber),
    summary: Type.Optional(Summary),
    fileIds: Type.Optional(FileIds),
  },
  { $id: 'UpdateAccountabilityBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateAccountabilityBody = Static<typeof UpdateAccountabilityBodySchema>

export const ListAccountabilityQuerySchema = Type.Object(
  {
    form: Type.Optional(AccountabilityFormSchema),
    subjectKind: Type.Optional(SubjectKindSchema),
    /** Records of this unit or a unit below it. */
    unit: Type.Optional(IdSchema),
    /** Decided on or after / on or before. */
    from: Type.Optional(DateSchema),
    to: Type.Optional(DateSchema),
    /** Records caused by this problem. */
    problem: Type.Optional(IdSchema),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListAccountabilityQuery = Static<typeof ListAccountabilityQuerySchema>

export const AccountabilityCountsQuerySchema = Type.Object(
  {
    from: Type.Optional(DateSchema),
    to: Type.Optional(DateSchema),
    unit: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
)
export type AccountabilityCountsQuery = Static<typeof AccountabilityCountsQuerySchema>

/** Counts of records decided in a period, by form and by subject kind (every form present, 0 when none). */
export const AccountabilityCountsSchema = Type.Object(
  {
    from: Type.Union([DateSchema, Type.Null()]),
    to: Type.Union([DateSchema, Type.Null()]),
    total: Type.Integer({ minimum: 0 }),
    byForm: Type.Array(
      Type.Object({
        form: AccountabilityFormSchema,
        total: Type.Integer({ minimum: 0 }),
        units: Type.Integer({ minimum: 0 }),
        persons: Type.Integer({ minimum: 0 }),
      }),
    ),
    bySubject: Type.Object({
      unit: Type.Integer({ minimum: 0 }),
      person: Type.Integer({ minimum: 0 }),
    }),
  },
  { $id: 'AccountabilityCounts' },
)
export type AccountabilityCounts = Static<typeof AccountabilityCountsSchema>
