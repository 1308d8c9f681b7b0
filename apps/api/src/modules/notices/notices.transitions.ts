import type {
  CloseNoticeBody,
  EscalateNoticeBody,
  NoticeDetail,
  ReplyNoticeBody,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { notifyUnit, notifyUsers, officeRecipients } from '../inbox/index.js'
import { noticesRepository as repo } from './notices.repository.js'
import {
  insertNotice,
  issuedAudit,
  loadDetail,
  lockVisible,
  nextLevel,
  noticeEvent,
  noticeRefusal,
} from './notices.shared.js'
import { noticeNumber, toNoticeRef } from './notices.view.js'
import { actorName } from '../users/index.js'
import { attachFiles, attachableFiles } from '../files/index.js'

/**
 * What happens to an issued notice: the addressed unit replies; the office closes a replied
 * notice or escalates it to the next level (a new notice, the old one `escalated`).
 */
export class NoticeTransitions {
  constructor(private readonly d: { db: Db; clock: () => Date }) {}

  /** 404 hidden, 403 not a unit user, 412 stale, 409 not awaiting a reply, 422 files. */
  async reply(ctx: Ctx, id: string, version: number, body: ReplyNoticeBody): Promise<NoticeDetail> {
    const { actor } = ctx
    const at = this.d.clock()
    return this.d.db.transaction(async (tx) => {
      const n = await lockVisible(tx, actor, id, version)
      const refused = noticeRefusal(actor, n, 'reply')
      if (refused) throw refused
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, actor, fileIds, '/fileIds')
      const reply = {
        status: 'replied',
        replyText: body.text,
        repliedAt: at,
        repliedBy: actor.id,
        repliedByName: await actorName(tx, actor),
      }
      await repo.update(tx, id, reply)
      const owner = { ownerType: 'notice_reply', ownerId: id, problemId: null }
      const attached = await attachFiles(tx, fileIds, owner)
      const number = noticeNumber(n.year, n.seq)
      await emitEvent(tx, noticeEvent('notice.replied', n, { replyText: body.text, fileIds }))
      await notifyUsers(tx, await officeRecipients(tx), {
        kind: 'notice',
        title: `${number}已回复`,
        body: `${reply.repliedByName}：${body.text.slice(0, 200)}`,
        link: `/notices/${id}`,
        entityType: 'notice',
        entityId: id,
      })
      await recordAudit(
        tx,
        ctx,
        {
          action: 'notice.replied',
          entityType: 'notice',
          entityId: id,
          unitId: n.unitId,
          before: { status: n.status },
          after: { status: 'replied', replyText: body.text, fileIds },
        },
        ...attached,
      )
      return loadDetail(tx, actor, id, shanghaiDate(at))
    })
  }

  /** 404 hidden, 403 not the office, 412 stale, 409 not replied. */
  async close(ctx: Ctx, id: string, version: number, body: CloseNoticeBody): Promise<NoticeDetail> {
    const { actor } = ctx
    const at = this.d.clock()
    return this.d.db.transaction(async (tx) => {
      const n = await lockVisible(tx, actor, id, version)
      const refused = noticeRefusal(actor, n, 'close')
      if (refused) throw refused
      await repo.update(tx, id, { status: 'closed', closedAt: at, closeNote: body.note })
      await emitEvent(tx, noticeEvent('notice.closed', n, { note: body.note }))
      await notifyUnit(tx, n.unitId, {
        kind: 'notice',
        title: `${noticeNumber(n.year, n.seq)}已办结`,
        body: body.note,
        link: `/notices/${id}`,
        entityType: 'notice',
        entityId: id,
      })
      await recordAudit(tx, ctx, {
        action: 'notice.closed',
        entityType: 'notice',
        entityId: id,
        unitId: n.unitId,
        before: { status: n.status },
        after: { status: 'closed', note: body.note },
      })
      return loadDetail(tx, actor, id, shanghaiDate(at))
    })
  }

  /**
   * Ends the notice `escalated` and issues a new one at the next level to the same unit about
   * the same problems. 404 hidden, 403 not the office, 412 stale, 409 closed, already
   * escalated or at the top level, 422 a reply date in the past.
   */
  async escalate(
    ctx: Ctx,
    id: string,
    version: number,
    body: EscalateNoticeBody,
  ): Promise<NoticeDetail> {
    const { actor } = ctx
    const today = shanghaiDate(this.d.clock())
    return this.d.db.transaction(async (tx) => {
      const n = await lockVisible(tx, actor, id, version)
      const refused = noticeRefusal(actor, n, 'escalate')
      if (refused) throw refused
      const next = nextLevel(n.level)!
      if (body.replyDue < today) throw invalid([{ path: '/replyDue', message: 'is in the past' }])
      const problemIds = await repo.problemIdsOf(tx, id)
      await repo.update(tx, id, { status: 'escalated' })
      const row = await insertNotice(
        tx,
        ctx,
        {
          level: next,
          unitId: n.unitId,
          problemIds,
          title: body.title ?? n.title,
          body: body.body,
          replyDue: body.replyDue,
          parentId: id,
        },
        today,
        this.d.clock(),
      )
      await emitEvent(
        tx,
        noticeEvent('notice.escalated', n, { to: { ...toNoticeRef(row) }, fromLevel: n.level }),
      )
      await recordAudit(
        tx,
        ctx,
        {
          action: 'notice.escalated',
          entityType: 'notice',
          entityId: id,
          unitId: n.unitId,
          before: { status: n.status, level: n.level },
          after: { status: 'escalated', childId: row.id, level: next },
        },
        issuedAudit(row, problemIds, []),
      )
      return loadDetail(tx, actor, row.id, today)
    })
  }
}
