import {
  ACCOUNTABILITY_FORMS,
  type AccountabilityCounts,
  type AccountabilityCountsQuery,
  type AccountabilityPage,
  type AccountabilityRecord,
  type CreateAccountabilityBody,
  type ListAccountabilityQuery,
  type UpdateAccountabilityBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid, type FieldError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { dateIdCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { actsAsOffice } from '../problems/index.js'
import { accountabilityScope } from './accountability.access.js'
import {
  accountabilityRepository as repo,
  type AccountabilityRow,
} from './accountability.repository.js'
import { auditView, toRecord, toRecords } from './accountability.view.js'
import { attachFiles, attachableFiles } from '../files/index.js'
import { unitRefs } from '../units/index.js'

/** The facts a record must satisfy whichever way it was written. */
interface Facts {
  subjectKind: string
  unitId: string
  personName: string | null
  personPost: string | null
  decisionDate: string
  problemIds: readonly string[]
}

/**
 * Accountability records (问责): recorded and corrected by the office; read by the office,
 * leaders and auditors, and by a unit for its own records only (accountabilityScope — list,
 * detail, counts, evidence and the dossier alike).
 */
export class AccountabilityService {
  constructor(private readonly db: Db) {}

  async list(ctx: Ctx, q: ListAccountabilityQuery): Promise<AccountabilityPage> {
    const limit = q.limit ?? 50
    const cursor = dateIdCursor(q.cursor)
    const filter = await this.filter(ctx, q)
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, cursor),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      items: await toRecords(this.db, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.decisionDate, last.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<AccountabilityRecord> {
    const row = await repo.findById(this.db, id, accountabilityScope(ctx.actor))
    if (!row) throw notFound('Accountability record')
    return toRecord(this.db, row)
  }

  /** Records decided in the period by form and by subject kind; every form is listed. */
  async counts(ctx: Ctx, q: AccountabilityCountsQuery): Promise<AccountabilityCounts> {
    const rows = await repo.countBy(this.db, await this.filter(ctx, q))
    const n = (form: string | null, kind: string | null) =>
      rows
        .filter((r) => (!form || r.form === form) && (!kind || r.subjectKind === kind))
        .reduce((s, r) => s + r.n, 0)
    return {
      from: q.from ?? null,
      to: q.to ?? null,
      total: n(null, null),
      byForm: ACCOUNTABILITY_FORMS.map((form) => ({
        form,
        total: n(form, null),
        units: n(form, 'unit'),
        persons: n(form, 'person'),
      })),
      bySubject: { unit: n(null, 'unit'), person: n(null, 'person') },
    }
  }

  async create(ctx: Ctx, body: CreateAccountabilityBody): Promise<AccountabilityRecord> {
    office(ctx)
    const facts: Facts = {
      subjectKind: body.subjectKind,
      unitId: body.unitId,
      personName: body.personName ?? null,
      personPost: body.personPost ?? null,
      decisionDate: body.decisionDate,
      problemIds: body.problemIds,
    }
    return this.db.transaction(async (tx) => {
      await check(tx, facts)
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, ctx.actor, fileIds, '/fileIds')
      const id = uuidv7()
      await repo.insert(tx, {
        id,
        subjectKind: facts.subjectKind,
        unitId: facts.unitId,
        personName: facts.personName,
        personPost: facts.personPost,
        form: body.form,
        decidingBody: body.decidingBody,
        decisionDate: body.decisionDate,
        docNumber: body.docNumber ?? '',
        summary: body.summary ?? '',
        createdBy: ctx.actor.id,
      })
      await repo.setProblems(tx, id, body.problemIds)
      const row = (await repo.findById(tx, id, undefined))!
      await emitEvent(tx, {
        type: 'accountability.recorded',
        entityType: 'accountability',
        entityId: id,
        unitId: row.unitId,
        // No person's name: subscribers learn that someone was held to account, and how.
        data: {
          recordId: id,
          subjectKind: row.subjectKind,
          unitId: row.unitId,
          form: row.form,
          decisionDate: row.decisionDate,
          docNumber: row.docNumber,
          problemIds: body.problemIds,
        },
      })
      await this.audit(tx, ctx, 'accountability.recorded', null, row, body.problemIds, fileIds)
      return toRecord(tx, row)
    })
  }

  /** Corrects a record: 412 stale; the same rules as create on the result. */
  async update(
    ctx: Ctx,
    id: string,
    version: number,
    body: UpdateAccountabilityBody,
  ): Promise<AccountabilityRecord> {
    office(ctx)
    return this.db.transaction(async (tx) => {
      const before = await repo.lockById(tx, id)
      if (!before) throw notFound('Accountability record')
      if (before.version !== version) throw new AppError('precondition_failed')
      const beforeProblems = (await repo.problems(tx, [id])).map((p) => p.id)
      const subjectKind = body.subjectKind ?? before.subjectKind
      const unitSubject = subjectKind === 'unit'
      const facts: Facts = {
        subjectKind,
        unitId: body.unitId ?? before.unitId,
        // Turning a person record into a unit record drops the person unless named again.
        personName:
          body.personName !== undefined ? body.personName : unitSubject ? null : before.personName,
        personPost:
          body.personPost !== undefined ? body.personPost : unitSubject ? null : before.personPost,
        decisionDate: body.decisionDate ?? before.decisionDate,
        problemIds: body.problemIds ?? beforeProblems,
      }
      await check(tx, facts)
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, ctx.actor, fileIds, '/fileIds')
      const { problemIds: _p, fileIds: _f, ...rest } = body
      await repo.update(tx, id, {
        ...rest,
        subjectKind: facts.subjectKind,
        unitId: facts.unitId,
        personName: facts.personName,
        personPost: facts.personPost,
      })
      if (body.problemIds) await repo.setProblems(tx, id, body.problemIds)
      const after = (await repo.findById(tx, id, undefined))!
      await this.audit(
        tx,
        ctx,
        'accountability.updated',
        before,
        after,
        facts.problemIds,
        fileIds,
        beforeProblems,
      )
      return toRecord(tx, after)
    })
  }

  private async filter(ctx: Ctx, q: ListAccountabilityQuery | AccountabilityCountsQuery) {
    const unitPath = q.unit
      ? ((await unitRefs(this.db, [q.unit]))[0]?.path ?? '/nowhere/')
      : undefined
    return {
      ...q,
      unitPath,
      scope: accountabilityScope(ctx.actor),
    }
  }

  private async audit(
    tx: DbOrTx,
    ctx: Ctx,
    action: string,
    before: AccountabilityRow | null,
    after: AccountabilityRow,
    problemIds: readonly string[],
    fileIds: readonly string[],
    beforeProblems: readonly string[] = [],
  ) {
    const owner = { ownerType: 'accountability', ownerId: after.id, problemId: null }
    const attached = await attachFiles(tx, fileIds, owner)
    await recordAudit(
      tx,
      ctx,
      {
        action,
        entityType: 'accountability',
        entityId: after.id,
        unitId: after.unitId,
        before: before ? auditView(before, beforeProblems) : null,
        after: { ...auditView(after, problemIds), fileIds },
      },
      ...attached,
    )
  }
}

function office(ctx: Ctx) {
  if (!actsAsOffice(ctx.actor)) throw forbidden('Accountability is recorded by the office')
}

/** 422 for what breaks a rule: person without a name, unit with a person, unknown refs, future dates. */
async function check(tx: DbOrTx, f: Facts) {
  const errors: FieldError[] = []
  if (f.subjectKind === 'person' && !f.personName)
    errors.push({ path: '/personName', message: 'is required for a person' })
  if (f.subjectKind === 'unit' && (f.personName || f.personPost))
    errors.push({ path: '/personName', message: 'is only for a person' })
  if (f.decisionDate > shanghaiDate())
    errors.push({ path: '/decisionDate', message: 'is in the future' })
  if (!(await unitRefs(tx, [f.unitId])).length)
    errors.push({ path: '/unitId', message: 'no such unit' })
  const found = await repo.existingProblems(tx, f.problemIds)
  f.problemIds.forEach((p, i) => {
    if (!found.includes(p)) errors.push({ path: `/problemIds/${i}`, message: 'no such problem' })
  })
  if (errors.length) throw invalid(errors)
}
