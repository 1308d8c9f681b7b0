import type { IssueNoticeBody, ListNoticesQuery, NoticeDetail, NoticePage } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { forbidden, invalid, type FieldError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { idCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import { actsAsOffice } from '../problems/index.js'
import { problemScope } from '../problems/index.js'
import { noticesRepository as repo } from './notices.repository.js'
import { insertNotice, issuedAudit, loadDetail, visibleTo } from './notices.shared.js'
import { NoticeTransitions } from './notices.transitions.js'
import { loadNotices } from './notices.view.js'
import { attachFiles, attachableFiles } from '../files/index.js'
import { findUnitPath } from '../units/index.js'

export { LEVEL_NAMES } from './notices.shared.js'

/** The issuing body when the issuer's unit is unknown (an API client, the CLI). */
const DEFAULT_ISSUER = '生态环境保护督察整改工作领导小组办公室'

export interface NoticesOptions {
  /** The clock (default: now). The demo seed issues notices at past dates with it. */
  clock?: () => Date
}

/**
 * Supervision notices (督办单): the office issues one to a unit about some of its problems,
 * numbered per year; the unit replies with text and evidence; the office closes it or escalates
 * it to the next level (see notices.transitions.ts). Every change writes an event (webhooks) and
 * inbox messages.
 */
export class NoticesService {
  readonly clock: () => Date
  /** Reply, close, escalate. */
  readonly transitions: NoticeTransitions

  constructor(
    private readonly db: Db,
    opts: NoticesOptions = {},
  ) {
    this.clock = opts.clock ?? (() => new Date())
    this.transitions = new NoticeTransitions({ db, clock: this.clock })
  }

  /** 403 not the office; 422 a reply date in the past, an unknown unit, a problem not of that unit, files. */
  async issue(ctx: Ctx, body: IssueNoticeBody): Promise<NoticeDetail> {
    const { actor } = ctx
    if (!actsAsOffice(actor)) throw forbidden('Only the office issues supervision notices')
    const today = shanghaiDate(this.clock())
    return this.db.transaction(async (tx) => {
      const unitPath = await findUnitPath(tx, body.unitId)
      const errors: FieldError[] = []
      if (body.replyDue < today) errors.push({ path: '/replyDue', message: 'is in the past' })
      if (!unitPath) errors.push({ path: '/unitId', message: 'is not a unit' })
      else {
        const ok = await repo.concerning(tx, body.problemIds, unitPath, problemScope(actor))
        body.problemIds.forEach((id, i) => {
          if (!ok.includes(id))
            errors.push({
              path: `/problemIds/${i}`,
              message: 'is not a problem of this unit or its subtree',
            })
        })
      }
      if (errors.length) throw invalid(errors)
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, actor, fileIds, '/fileIds')
      const row = await insertNotice(tx, ctx, { ...body, parentId: null }, today, this.clock())
      const owner = { ownerType: 'notice', ownerId: row.id, problemId: null }
      const attached = await attachFiles(tx, fileIds, owner)
      await recordAudit(tx, ctx, issuedAudit(row, body.problemIds, fileIds), ...attached)
      return loadDetail(tx, actor, row.id, today)
    })
  }

  /** Notices the caller may see, newest first, with the overdue count of the same filter. */
  async list(ctx: Ctx, q: ListNoticesQuery): Promise<NoticePage> {
    const { db } = this
    const limit = q.limit ?? 50
    const after = idCursor(q.cursor)
    const today = shanghaiDate(this.clock())
    const unitPath = q.unit ? ((await findUnitPath(db, q.unit)) ?? '/none/') : undefined
    const filter = {
      scope: visibleTo(ctx.actor),
      status: q.status,
      level: q.level,
      unitPath,
      overdue: q.overdue === undefined ? undefined : { today, value: q.overdue },
      problem: q.problem,
      year: q.year,
      updatedSince: q.updatedSince,
    }
    const [rows, counts] = await Promise.all([
      repo.list(db, filter, limit + 1, after),
      repo.count(db, filter, today),
    ])
    const page = rows.slice(0, limit)
    return {
      items: await loadNotices(db, page, today),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      total: counts.total,
      overdue: counts.overdue,
    }
  }

  /** One notice with its chain and what the caller may do; 404 when hidden. */
  get(ctx: Ctx, id: string): Promise<NoticeDetail> {
    return loadDetail(this.db, ctx.actor, id, shanghaiDate(this.clock()))
  }

  /** The notice as an official .docx (see notices.document.ts); 404 when hidden. */
  async document(ctx: Ctx, id: string) {
    const n = await this.get(ctx, id)
    const issuer =
      (n.issuedBy.id && (await repo.issuerUnitName(this.db, n.issuedBy.id))) || DEFAULT_ISSUER
    return {
      filename: `${n.number}${n.title}.docx`,
      asciiName: `notice-${n.year}-${n.seq}.docx`,
      // docx is loaded with the first notice document, not at start (it is large).
      content: await (await import('./notices.document.js')).noticeDocument(n, issuer),
    }
  }
}
