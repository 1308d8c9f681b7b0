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
import {
  LightSchema,
  ProblemDomainSchema,
  ProblemModeSchema,
  ProblemRefSchema,
} from './problems.js'
import { SWEEP_STATUSES, SWEEP_UNIT_STATUSES } from './constants/sweeps.js'

/*
 * Sweeps (举一反三排查): from a common problem the office asks chosen units to look for the same
 * problem on their ground by a date. Each unit reports findings — each becomes a child problem
 * (source `sweep`, parent the common problem) with its own plan and life — or signs a statement
 * that it found none. A unit reads the sweeps that target its subtree.
 */

export const SweepStatusSchema = Type.Enum(SWEEP_STATUSES, { $id: 'SweepStatus' })

export const SweepUnitStatusSchema = Type.Enum(SWEEP_UNIT_STATUSES, { $id: 'SweepUnitStatus' })

export const SweepUnitSchema = Type.Object(
  {
    unit: UnitRefSchema,
    status: SweepUnitStatusSchema,
    reportedAt: Type.Union([TimestampSchema, Type.Null()]),
    reportedBy: Type.Union([ActorRefSchema, Type.Null()]),
    /** With `none`: the signed statement (text and signer) that nothing was found. */
    statement: Type.Union([Type.String(), Type.Null()]),
    signedBy: Type.Union([Type.String(), Type.Null()]),
    /** The child problems this unit's findings opened. */
    findings: Type.Array(ProblemRefSchema),
  },
  { $id: 'SweepUnit' },
)
export type SweepUnit = Static<typeof SweepUnitSchema>

/** The roll-up the parent problem and the sweep page show. */
export const SweepRollupSchema = Type.Object(
  {
    units: Type.Integer({ minimum: 0 }),
    reported: Type.Integer({ minimum: 0 }),
    pending: Type.Integer({ minimum: 0 }),
    noneFound: Type.Integer({ minimum: 0 }),
    findings: Type.Integer({ minimum: 0 }),
    childrenClosed: Type.Integer({ minimum: 0 }),
  },
  { $id: 'SweepRollup' },
)
export type SweepRollup = Static<typeof SweepRollupSchema>

export const SweepSchema = Type.Object(
  {
    id: IdSchema,
    problem: ProblemRefSchema,
    title: Type.String(),
    instructions: Type.String(),
    dueDate: DateSchema,
    status: SweepStatusSchema,
    /** The light on the due date: green all reported, blue due soon, red past due with units pending. */
    light: LightSchema,
    rollup: SweepRollupSchema,
    /** Target units the caller may see, with their answers (a unit user sees only its subtree's). */
    units: Type.Array(SweepUnitSchema),
    createdBy: Type.Union([ActorRefSchema, Type.Null()]),
    createdAt: TimestampSchema,
    closedAt: Type.Union([TimestampSchema, Type.Null()]),
    version: Type.Integer(),
  },
  { $id: 'Sweep' },
)
export type Sweep = Static<typeof SweepSchema>
export const SweepPageSchema = PageSchema(SweepSchema, { $id: 'SweepPage' })
export type SweepPage = Static<typeof SweepPageSchema>

export const ListSweepsQuerySchema = Type.Object(
  {
    problem: Type.Optional(IdSchema),
    status: Type.Optional(SweepStatusSchema),
    /** Sweeps where this unit (or one below it) is a target. */
    unit: Type.Optional(IdSchema),
    /** Only sweeps where a unit the caller answers for is still pending. */
    awaitingMe: Type.Optional(Type.Boolean()),
    /** The sweep whose findings opened this (child) problem. */
    child: Type.Optional(IdSchema),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListSweepsQuery = Static<typeof ListSweepsQuerySchema>

/** Launches a sweep from a common problem (the office). */
export const CreateSweepBodySchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    instructions: NonBlank(5000),
    unitIds: Type.Array(IdSchema, { minItems: 1, maxItems: 200, uniqueItems: true }),
    dueDate: DateSchema,
  },
  { $id: 'CreateSweepBody', additionalProperties: false },
)
export type CreateSweepBody = Static<typeof CreateSweepBodySchema>

/** One finding: becomes a child problem led by the reporting unit. */
export const SweepFindingInputSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 5000 }),
    domain: Type.Optional(ProblemDomainSchema),
    regionId: Type.Optional(IdSchema),
    mode: Type.Optional(ProblemModeSchema),
    deadline: DateSchema,
  },
  { $id: 'SweepFindingInput', additionalProperties: false },
)
export type SweepFindingInput = Static<typeof SweepFindingInputSchema>

/**
 * A target unit's report (once; a unit user for its own subtree's target, or the office on its
 * behalf): findings, or none with a signed statement.
 */
export const SweepReportBodySchema = Type.Union(
  [
    Type.Object(
      {
        unitId: IdSchema,
        findings: Type.Array(SweepFindingInputSchema, { minItems: 1, maxItems: 100 }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        unitId: IdSchema,
        none: Type.Literal(true),
        statement: NonBlank(2000),
        signedBy: Type.String({ minLength: 1, maxLength: 50 }),
      },
      { additionalProperties: false },
    ),
  ],
  { $id: 'SweepReportBody' },
)
export type SweepReportBody = Static<typeof SweepReportBodySchema>
