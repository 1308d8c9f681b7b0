import type {
  CreateProblemBody,
  ListProblemsQuery,
  Problem,
  ProblemPage,
  UpdateProblemBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { searchTokens } from '../../lib/search.js'
import { changedFields, recordAudit } from '../audit/index.js'
import { findRound } from '../rounds/index.js'
import type { LightSettings } from './lights.js'
import { actsAsOffice, leadsProblem } from './problems.access.js'
import { problemScope, readScope, refreshDerived, syncProblemUnits } from './problems.derived.js'
import { problemsRepository as repo } from './problems.repository.js'
import { sortSpec, type ProblemSort } from './problems.sort.js'
import { sealPhones } from './problems.persons.js'
import { ledgerTotal } from './problems.totals.js'
import { auditView, readProblem, toProblem, toProblems } from './problems.view.js'
import { findUnitPath, unitRefs } from '../units/index.js'

/** What a lead unit may edit on its own draft plan; everything else is the office's. */
const LEAD_UNIT_FIELDS: ReadonlySet<string> = new Set([
  'target',
  'responsiblePersons',
  'coUnitIds',
  'leadLeader',
])
/** Statuses in which the office may still set the deadline directly (later only by extension). */
const DEADLINE_EDITABLE: ReadonlySet<string> = new Set(['draft', 'plan_review'])

interface RefChecks {
  leadUnitId: string
  regionId?: string | null | undefined
  coUnitIds?: readonly string[] | undefined
  parentId?: string | null | undefined
  /** The problem being edited (a problem cannot be its own ancestor). */
  self?: string | undefined
}

/** The units and parent a problem names exist (and are active, and the region is a county). */
async function checkRefs(tx: DbOrTx, c: RefChecks) {
  const ids = [c.leadUnitId, ...(c.regionId ? [c.regionId] : []), ...(c.coUnitIds ?? [])]
  const found = new Map((await unitRefs(tx, ids)).map((u) => [u.id, u]))
  if (!found.get(c.leadUnitId)?.active) throw invalid('/leadUnitId', 'is not an active unit')
  if (c.regionId) {
    const region = found.get(c.regionId)
    if (!region || region.kind !== 'county')
      throw invalid('/regionId', 'is not a county or district')
  }
  for (const [i, u] of (c.coUnitIds ?? []).entries()) {
    if (!found.get(u)?.active) throw invalid(`/coUnitIds/${i}`, 'is not an active unit')
    if (u === c.leadUnitId) throw invalid(`/coUnitIds/${i}`, 'is the lead unit')
  }
  if (c.parentId) {
    if (!(await repo.findById(tx, c.parentId))) throw invalid('/parentId', 'no such problem')
    if (c.self && (await repo.isInParentChain(tx, c.parentId, c.self)))
      throw invalid('/parentId', 'would make the problem its own ancestor')
  }
}

/**
 * GET /problems counts its matches on the problem rows up to this many when the rollup does not
 * hold its filter (the office's dashboard links read the rollup); above it, exactly over the
 * narrow facts when the filter is one they answer (a unit user's), else it estimates (said so in
 * `totalIsEstimate`): a province-wide search that matches tens of thousands costs 10,001 rows,
 * not every match re-read (problems.totals.ts).
 */
export const EXACT_TOTAL_UP_TO = 10_000

/**
 * A text search (`q`) counts exactly up to this many, then estimates (said so), as GitLab bounds
 * its search counts: the GIN index finds the matches but cannot count them, each match's heap page
 * is visited for its visibility, and a common word's matches lie on a third of the table's pages
 * (污水: 6,514 matches on 4,911 of 15,382 pages at 50k; 1,001 of them on 735). A page of results
 * needs only its own rows (the deadline index walked until 51 hold the word).
 */
export const SEARCH_EXACT_UP_TO = 1_000

/** The problem list (问题清单): read within the actor's scope, created by the office, edited by office and lead unit. */
export class ProblemsService {
  constructor(
    private readonly db: Db,
    private readonly settings: LightSettings,
    /** Seals the responsible persons' phones, opens them for the problem's own answers. */
    private readonly cipher: FieldCipher,
    /** The list's exact-count threshold (EXACT_TOTAL_UP_TO; a test lowers it). */
    private readonly exactTotalUpTo = EXACT_TOTAL_UP_TO,
    /** A text search's exact-count threshold (SEARCH_EXACT_UP_TO; a test lowers it). */
    private readonly searchExactUpTo = SEARCH_EXACT_UP_TO,
  ) {}

  async list(ctx: Ctx, q: ListProblemsQuery): Promise<ProblemPage> {
    const limit = q.limit ?? 50
    const sortName: ProblemSort = q.sort ?? 'deadline'
    const sort = sortSpec(sortName)
    const cursor = decodeCursor(q.cursor, sort.arity + 1)
    if (cursor && (cursor[0] !== sortName || !sort.accepts(cursor.slice(1))))
      throw new AppError('bad_request', 'Invalid cursor', {
        errors: [{ path: '/cursor', message: 'is not a cursor of this sort' }],
      })
    const today = shanghaiDate()
    const { limit: _l, cursor: _c, sort: _s, unit, ...filters } = q
    const unitPath = unit ? await findUnitPath(this.db, unit) : undefined
    const filter = { ...filters, unitPath, scope: problemScope(ctx.actor), today }
    // The page's unit refs are read as soon as the page is in, while the total is still counted:
    // two round trips in a row, not three.
    const read = repo
      .list(this.db, filter, sort, limit + 1, cursor ? cursor.slice(1) : null)
      .then(async (rows) => {
        const page = rows.slice(0, limit)
        // The list never shows a responsible person's phone: it is not opened.
        return { rows, page, items: await toProblems(this.db, page, today, this.settings, null) }
      })
    const [{ rows, page, items }, { total, totalIsEstimate }] = await Promise.all([
      read,
      ledgerTotal(
        this.db,
        filter,
        filter.q ? Math.min(this.exactTotalUpTo, this.searchExactUpTo) : this.exactTotalUpTo,
        unit,
      ),
    ])
    return {
      items,
      nextCursor:
        rows.length > limit
          ? encodeCursor([sortName, ...sort.cursorOf(page[page.length - 1]!)])
          : null,
      total,
      totalIsEstimate,
    }
  }

  async get(ctx: Ctx, id: string): Promise<Problem> {
    const scope = readScope(ctx.actor)
    const found = scope && (await repo.findDetail(this.db, id, scope))
    if (!found) throw notFound('Problem')
    const { unitRefs: refs, ...row } = found
    const known = refs.map(([id, code, name]) => ({ id, code, name }))
    const [problem] = await toProblems(
      this.db,
      [row],
      shanghaiDate(),
      this.settings,
      this.cipher,
      known,
    )
    return problem!
  }

  create(ctx: Ctx, body: CreateProblemBody): Promise<Problem> {
    return this.db.transaction((tx) => this.createIn(tx, ctx, body))
  }

  /**
   * Adds a problem inside the caller's transaction (e.g. a public report's triage opens one in
   * the same transaction as the report's change); the permission check comes first as always.
   */
  async createIn(tx: DbOrTx, ctx: Ctx, body: CreateProblemBody): Promise<Problem> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office adds problems to the list')
    return this.addIn(tx, ctx, body)
  }

  /**
   * createIn without the office check, for a caller whose own rule already allowed the write
   * (a sweep's target unit reporting findings opens child problems: modules/sweeps).
   */
  async addIn(tx: DbOrTx, ctx: Ctx, body: CreateProblemBody): Promise<Problem> {
    const today = shanghaiDate()
    if (!(await findRound(tx, body.roundId))) throw invalid('/roundId', 'no such round')
    await checkRefs(tx, body)
    if (await repo.codeTaken(tx, body.roundId, body.code))
      throw new AppError('duplicate', `Problem ${body.code} is already in this round`)
    const id = uuidv7()
    await repo.insert(tx, {
      id,
      roundId: body.roundId,
      code: body.code,
      title: body.title,
      description: body.description,
      source: body.source,
      nature: body.nature,
      domain: body.domain,
      regionId: body.regionId ?? null,
      mode: body.mode,
      target: body.target ?? '',
      deadline: body.deadline,
      leadLeader: body.leadLeader ?? null,
      leadUnitId: body.leadUnitId,
      responsiblePersons: sealPhones(this.cipher, body.responsiblePersons ?? []),
      parentId: body.parentId ?? null,
      public: body.public ?? false,
      searchTokens: searchTokens(body.code, body.title, body.description),
    })
    await repo.setCoUnits(tx, id, body.coUnitIds ?? [])
    await syncProblemUnits(tx, id)
    await refreshDerived(tx, [id], today, this.settings)
    const problem = await readProblem(tx, id, today, this.settings, this.cipher)
    await recordAudit(tx, ctx, {
      action: 'problem.created',
      entityType: 'problem',
      entityId: id,
      unitId: problem.leadUnit.id,
      after: auditView(problem, this.cipher),
    })
    return problem
  }

  /**
   * The office edits any field until the problem is closed, the deadline only until the plan is
   * approved (then by extension); the lead unit edits its draft plan's target, persons, co-units
   * and lead leader. Refusals: 403 for who, 409 for when, 422 for what.
   */
  async update(ctx: Ctx, id: string, version: number, body: UpdateProblemBody): Promise<Problem> {
    const today = shanghaiDate()
    return this.db.transaction(async (tx) => {
      const locked = await repo.lockById(tx, id)
      const current = locked && (await repo.findById(tx, id, problemScope(ctx.actor)))
      if (!locked || !current) throw notFound('Problem')
      if (locked.version !== version) throw new AppError('precondition_failed')
      if (actsAsOffice(ctx.actor)) {
        if (current.status === 'closed')
          throw new AppError('conflict', 'A closed problem cannot be edited')
        if (
          body.deadline !== undefined &&
          body.deadline !== current.deadline &&
          !DEADLINE_EDITABLE.has(current.status)
        )
          throw invalid('/deadline', 'moves only by a granted extension once the plan is approved')
      } else {
        const [lead] = await unitRefs(tx, [current.leadUnitId])
        if (!lead || !leadsProblem(ctx.actor, lead.path))
          throw forbidden('Only the office or the lead unit may edit this problem')
        const others = Object.keys(body).filter((k) => !LEAD_UNIT_FIELDS.has(k))
        if (others.length)
          throw new AppError(
            'forbidden',
            'A lead unit edits only the target, responsible persons, co-units and lead leader',
            {
              errors: others.map((k) => ({
                path: `/${k}`,
                message: 'only the office may change this',
              })),
            },
          )
        if (current.status !== 'draft')
          throw new AppError('conflict', 'The plan is no longer a draft')
      }
      const leadUnitId = body.leadUnitId ?? current.leadUnitId
      await checkRefs(tx, {
        leadUnitId,
        regionId: body.regionId,
        coUnitIds: body.coUnitIds ?? (body.leadUnitId ? current.coUnitIds : undefined),
        parentId: body.parentId,
        self: id,
      })
      if (body.code !== undefined && body.code !== current.code) {
        const holder = await repo.codeTaken(tx, current.roundId, body.code)
        if (holder && holder !== id)
          throw new AppError('duplicate', `Problem ${body.code} is already in this round`)
      }
      const before = await toProblem(tx, current, today, this.settings, this.cipher)
      const { coUnitIds, ...fields } = body
      const code = body.code ?? current.code
      const title = body.title ?? current.title
      const description = body.description ?? current.description
      await repo.update(tx, id, {
        ...fields,
        ...(fields.responsiblePersons && {
          responsiblePersons: sealPhones(this.cipher, fields.responsiblePersons),
        }),
        ...(body.code !== undefined || body.title !== undefined || body.description !== undefined
          ? { searchTokens: searchTokens(code, title, description) }
          : {}),
      })
      if (coUnitIds) await repo.setCoUnits(tx, id, coUnitIds)
      await syncProblemUnits(tx, id)
      await refreshDerived(tx, [id], today, this.settings)
      const problem = await readProblem(tx, id, today, this.settings, this.cipher)
      const diff = changedFields(auditView(before, this.cipher), auditView(problem, this.cipher))
      await recordAudit(tx, ctx, {
        action: 'problem.updated',
        entityType: 'problem',
        entityId: id,
        unitId: problem.leadUnit.id,
        ...diff,
      })
      return problem
    })
  }
}
