import type {
  CreateInstitutionBody,
  Institution,
  InstitutionPage,
  ListInstitutionsQuery,
  PublicInstitution,
  UpdateInstitutionBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid, type FieldError } from '../../errors.js'
import type { Actor, Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { canSeeUnitPath } from '../../lib/scope.js'
import { searchTokens } from '../../lib/search.js'
import { dateIdCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { actsAsLeadUnit, actsAsOffice, problemScope } from '../problems/index.js'
import { institutionScope } from './institutions.access.js'
import { institutionsRepository as repo, type InstitutionRow } from './institutions.repository.js'
import {
  auditView,
  toInstitution,
  toInstitutions,
  toPublicInstitutions,
} from './institutions.view.js'
import { attachFiles, attachableFiles } from '../files/index.js'
import { unitRefs } from '../units/index.js'

/** The facts an institution must satisfy whichever way it was written. */
interface Facts {
  issuingUnitId: string
  issuedOn: string
  problemIds: readonly string[]
}

/** How many public institutions the board lists (newest first); the registry is small. */
const PUBLIC_LIMIT = 500

/**
 * Institutions (建章立制): recorded by the office for any issuing unit, or by a lead unit for
 * an issuing unit of its own subtree and only about problems it can see; read through
 * institutionScope (list, detail, count and files alike); the public ones on the board.
 */
export class InstitutionsService {
  constructor(private readonly db: Db) {}

  async list(ctx: Ctx, q: ListInstitutionsQuery): Promise<InstitutionPage> {
    const limit = q.limit ?? 50
    const cursor = dateIdCursor(q.cursor)
    const unitPath = q.unit
      ? ((await unitRefs(this.db, [q.unit]))[0]?.path ?? '/nowhere/')
      : undefined
    const filter = { ...q, unitPath, scope: institutionScope(ctx.actor) }
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, cursor),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      items: await toInstitutions(this.db, page, ctx.actor),
      nextCursor: rows.length > limit && last ? encodeCursor([last.issuedOn, last.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<Institution> {
    const row = await repo.findById(this.db, id, institutionScope(ctx.actor))
    if (!row) throw notFound('Institution')
    return toInstitution(this.db, row, ctx.actor)
  }

  /** 403 not the office or a lead unit (or another subtree's issuer), 422 rules and files. */
  async create(ctx: Ctx, body: CreateInstitutionBody): Promise<Institution> {
    const { actor } = ctx
    mayRecord(actor)
    const problemIds = body.problemIds ?? []
    const fileIds = body.fileIds ?? []
    return this.db.transaction(async (tx) => {
      await check(tx, actor, {
        issuingUnitId: body.issuingUnitId,
        issuedOn: body.issuedOn,
        problemIds,
      })
      await attachableFiles(tx, actor, fileIds, '/fileIds')
      const id = uuidv7()
      const docNumber = body.docNumber ?? ''
      const summary = body.summary ?? ''
      await repo.insert(tx, {
        id,
        title: body.title,
        kind: body.kind,
        docNumber,
        issuingUnitId: body.issuingUnitId,
        issuedOn: body.issuedOn,
        summary,
        public: body.public ?? false,
        searchTokens: searchTokens(body.title, docNumber, summary),
        createdBy: actor.id,
        createdByName: actor.name,
      })
      await repo.setProblems(tx, id, problemIds)
      const row = (await repo.findById(tx, id, undefined))!
      await emitEvent(tx, {
        type: 'institution.recorded',
        entityType: 'institution',
        entityId: id,
        unitId: row.issuingUnitId,
        data: {
          institutionId: id,
          title: row.title,
          kind: row.kind,
          docNumber: row.docNumber,
          issuingUnitId: row.issuingUnitId,
          issuedOn: row.issuedOn,
          public: row.public,
          problemIds,
        },
      })
      await this.audit(tx, ctx, 'institution.recorded', null, row, problemIds, fileIds)
      return toInstitution(tx, row, actor)
    })
  }

  /**
   * Corrects an institution: 404 hidden, 412 stale, 403 another subtree's (lead unit); the same
   * rules as create on the result. `problemIds` replaces the links the actor can see; links to
   * problems it cannot see (made by the office) are kept, since it could not have chosen them.
   */
  async update(
    ctx: Ctx,
    id: string,
    version: number,
    body: UpdateInstitutionBody,
  ): Promise<Institution> {
    const { actor } = ctx
    mayRecord(actor)
    return this.db.transaction(async (tx) => {
      const before = await repo.lockById(tx, id, institutionScope(actor))
      if (!before) throw notFound('Institution')
      if (before.version !== version) throw new AppError('precondition_failed')
      if (!actsAsOffice(actor)) await ownSubtree(tx, actor, before.issuingUnitId)
      const beforeProblems = (await repo.problems(tx, [id], undefined)).map((p) => p.id)
      let problemIds = beforeProblems
      if (body.problemIds) {
        const seen = new Set(await repo.visibleProblems(tx, beforeProblems, problemScope(actor)))
        const hidden = beforeProblems.filter((p) => !seen.has(p))
        problemIds = [...new Set([...body.problemIds, ...hidden])]
      }
      await check(tx, actor, {
        issuingUnitId: body.issuingUnitId ?? before.issuingUnitId,
        issuedOn: body.issuedOn ?? before.issuedOn,
        problemIds: body.problemIds ?? [],
      })
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, actor, fileIds, '/fileIds')
      const { problemIds: _p, fileIds: _f, ...rest } = body
      const title = rest.title ?? before.title
      const docNumber = rest.docNumber ?? before.docNumber
      const summary = rest.summary ?? before.summary
      await repo.update(tx, id, { ...rest, searchTokens: searchTokens(title, docNumber, summary) })
      if (body.problemIds) await repo.setProblems(tx, id, problemIds)
      const after = (await repo.findById(tx, id, undefined))!
      await this.audit(
        tx,
        ctx,
        'institution.updated',
        before,
        after,
        problemIds,
        fileIds,
        beforeProblems,
      )
      return toInstitution(tx, after, actor)
    })
  }

  /** The public board's list: public institutions only, allow-listed fields. */
  async listPublic(): Promise<{ items: PublicInstitution[] }> {
    return {
      items: await toPublicInstitutions(this.db, await repo.listPublic(this.db, PUBLIC_LIMIT)),
    }
  }

  private async audit(
    tx: DbOrTx,
    ctx: Ctx,
    action: string,
    before: InstitutionRow | null,
    after: InstitutionRow,
    problemIds: readonly string[],
    fileIds: readonly string[],
    beforeProblems: readonly string[] = [],
  ) {
    const owner = { ownerType: 'institution', ownerId: after.id, problemId: null }
    const attached = await attachFiles(tx, fileIds, owner)
    await recordAudit(
      tx,
      ctx,
      {
        action,
        entityType: 'institution',
        entityId: after.id,
        unitId: after.issuingUnitId,
        before: before ? auditView(before, beforeProblems) : null,
        after: { ...auditView(after, problemIds), fileIds },
      },
      ...attached,
    )
  }
}

function mayRecord(actor: Actor) {
  if (!actsAsOffice(actor) && !actsAsLeadUnit(actor))
    throw forbidden('Institutions are recorded by the office or a lead unit')
}

/** A lead unit records institutions issued within its own subtree only (403 otherwise). */
async function ownSubtree(tx: DbOrTx, actor: Actor, unitId: string) {
  const unit = (await unitRefs(tx, [unitId]))[0]
  if (!unit || !canSeeUnitPath(actor, unit.path))
    throw forbidden('A lead unit records the institutions of its own units only')
}

/** 422 for a future date, an unknown unit or problems the actor cannot see; 403 another subtree. */
async function check(tx: DbOrTx, actor: Actor, f: Facts) {
  const errors: FieldError[] = []
  if (f.issuedOn > shanghaiDate()) errors.push({ path: '/issuedOn', message: 'is in the future' })
  const unit = (await unitRefs(tx, [f.issuingUnitId]))[0]
  if (!unit) errors.push({ path: '/issuingUnitId', message: 'no such unit' })
  // A problem the actor cannot see is, to it, no problem at all (same answer as an unknown id).
  const found = await repo.visibleProblems(tx, f.problemIds, problemScope(actor))
  f.problemIds.forEach((p, i) => {
    if (!found.includes(p)) errors.push({ path: `/problemIds/${i}`, message: 'no such problem' })
  })
  if (errors.length) throw invalid(errors)
  if (!actsAsOffice(actor)) await ownSubtree(tx, actor, f.issuingUnitId)
}
