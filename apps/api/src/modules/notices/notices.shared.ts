import {
  NOTICE_LEVELS,
  type IssueNoticeBody,
  type NoticeDetail,
  type NoticeLevel,
  type WebhookEventData,
} from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { units } from '../../db/schema/index.js'
import { AppError, forbidden, notFound } from '../../errors.js'
import type { Actor, Ctx } from '../../lib/context.js'
import { uuidv7 } from '../../lib/ids.js'
import { unitTreeFilter } from '../../lib/scope.js'
import { emitEvent, type DomainEvent } from '../events/index.js'
import { notifyUnit } from '../inbox/index.js'
import { actsAsOffice, actsAsUnit } from '../problems/index.js'
import { noticesRepository as repo, type NoticeRow } from './notices.repository.js'
import { loadNotices, noticeNumber, toNoticeRef } from './notices.view.js'
import { actorName } from '../users/index.js'

// What issuing and the transitions share: visibility, numbering, the detail view, events.

/** The level names documents and messages use. */
export const LEVEL_NAMES: Record<NoticeLevel, string> = {
  reminder: '提醒函',
  supervision: '督办函',
  warning: '警示函',
  listed: '挂牌督办',
}

/** Visible to the actor: addressed to its unit's subtree, or the actor sees the whole city. */
export const visibleTo = (actor: Actor) => unitTreeFilter(actor, units.path)

/** What a new notice is made of (issued by the office, or by escalating another). */
export type NewNotice = Omit<IssueNoticeBody, 'fileIds'> & { parentId: string | null }

/**
 * Numbers and inserts a notice, emits `notice.issued` and messages the addressee. The year's
 * advisory lock makes concurrent issuers take consecutive numbers, never the same one.
 */
export async function insertNotice(
  tx: DbOrTx,
  ctx: Ctx,
  v: NewNotice,
  today: string,
  at: Date,
): Promise<NoticeRow> {
  const year = Number(today.slice(0, 4))
  await repo.lockYear(tx, year)
  const seq = (await repo.maxSeq(tx, year)) + 1
  const id = uuidv7()
  await repo.insert(
    tx,
    {
      id,
      year,
      seq,
      level: v.level,
      unitId: v.unitId,
      title: v.title,
      body: v.body,
      replyDue: v.replyDue,
      issuedOn: today,
      parentId: v.parentId,
      issuedBy: ctx.actor.id,
      issuedByName: await actorName(tx, ctx.actor),
      createdAt: at,
    },
    v.problemIds,
  )
  const row = (await repo.lockById(tx, id))!
  await emitEvent(tx, noticeEvent('notice.issued', row, { problemIds: v.problemIds }))
  await notifyUnit(tx, v.unitId, {
    kind: 'notice',
    title: `${LEVEL_NAMES[v.level]}：${noticeNumber(year, seq)} ${v.title}`,
    body: `请于${v.replyDue}前回复。`,
    link: `/notices/${id}`,
    entityType: 'notice',
    entityId: id,
  })
  return row
}

/** The notice locked for a change: 404 when hidden, 412 when `version` is stale. */
export async function lockVisible(tx: DbOrTx, actor: Actor, id: string, version: number) {
  if (!(await repo.findVisible(tx, id, visibleTo(actor)))) throw notFound('Notice')
  const n = (await repo.lockById(tx, id))!
  if (n.version !== version) throw new AppError('precondition_failed')
  return n
}

/** One notice with its chain and what the actor may do with it; 404 when hidden. */
export async function loadDetail(
  db: DbOrTx,
  actor: Actor,
  id: string,
  today: string,
): Promise<NoticeDetail> {
  const found = await repo.findVisible(db, id, visibleTo(actor))
  if (!found) throw notFound('Notice')
  const n = found.notice
  const [[notice], chain] = await Promise.all([loadNotices(db, [n], today), repo.chain(db, n)])
  return {
    ...notice!,
    chain: chain.map(toNoticeRef),
    can: {
      reply: noticeRefusal(actor, n, 'reply') === null,
      close: noticeRefusal(actor, n, 'close') === null,
      escalate: noticeRefusal(actor, n, 'escalate') === null,
    },
  }
}

export type NoticeStep = keyof NoticeDetail['can']

/** The level an escalation issues: the next one up, none above listed supervision. */
export const nextLevel = (level: string): NoticeLevel | undefined =>
  NOTICE_LEVELS[NOTICE_LEVELS.indexOf(level as NoticeLevel) + 1]

/**
 * The one rule of each step on a visible notice, for `can` and for the step itself: null when
 * `actor` may take it now, else the refusal the step answers with (403 for who asks, 409 for
 * the notice's state). The addressed unit (or one above it) replies to an issued notice; the
 * office closes a replied one and escalates an open one below listed supervision.
 */
export function noticeRefusal(
  actor: Actor,
  n: Pick<NoticeRow, 'status' | 'level'>,
  step: NoticeStep,
): AppError | null {
  if (step === 'reply') {
    if (!actsAsUnit(actor)) return forbidden('Only the addressed unit replies to a notice')
    if (n.status !== 'issued') return new AppError('conflict', `The notice is already ${n.status}`)
    return null
  }
  if (!actsAsOffice(actor))
    return forbidden(`Only the office ${step === 'close' ? 'closes' : 'escalates'} a notice`)
  if (step === 'close')
    return n.status === 'replied'
      ? null
      : new AppError('conflict', `A notice ${n.status} cannot be closed; only a replied one`)
  if (n.status !== 'issued' && n.status !== 'replied')
    return new AppError('conflict', `A notice ${n.status} cannot be escalated`)
  if (!nextLevel(n.level))
    return new AppError('conflict', 'Listed supervision is the highest level')
  return null
}

/** A `notice.*` event for the outbox: the notice's ref, addressee and reply date, plus `data`. */
type NoticeEventType = 'notice.issued' | 'notice.replied' | 'notice.closed' | 'notice.escalated'
type NoticeFields = 'id' | 'number' | 'level' | 'status' | 'unitId' | 'replyDue'

export function noticeEvent<T extends NoticeEventType>(
  type: T,
  n: NoticeRow,
  data: Omit<WebhookEventData<T>, NoticeFields>,
) {
  return {
    type,
    entityType: 'notice',
    entityId: n.id,
    unitId: n.unitId,
    data: {
      ...toNoticeRef(n),
      unitId: n.unitId,
      replyDue: n.replyDue,
      ...data,
    } as WebhookEventData<T>,
  } as DomainEvent
}

/** The audit entry of a new notice, naming its problems (a notice hangs off several). */
export function issuedAudit(row: NoticeRow, problemIds: string[], fileIds: string[]) {
  return {
    action: 'notice.issued',
    entityType: 'notice',
    entityId: row.id,
    unitId: row.unitId,
    after: {
      number: noticeNumber(row.year, row.seq),
      level: row.level,
      unitId: row.unitId,
      problemIds,
      title: row.title,
      replyDue: row.replyDue,
      parentId: row.parentId,
      fileIds,
    },
  }
}
