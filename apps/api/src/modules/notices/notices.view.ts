import type { Notice, NoticeLevel, NoticeRef, NoticeStatus } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { daysBetween } from '../../lib/dates.js'
import { noticesRepository as repo, type NoticeRow } from './notices.repository.js'
import { filesOf, toFileInfo } from '../files/index.js'
import { unitRefs } from '../units/index.js'

/** The notice number as documents print it: 督办〔2026〕12号 (one sequence per year). */
export function noticeNumber(year: number, seq: number): string {
  return `督办〔${year}〕${seq}号`
}

/** Days a notice is past its reply date while still awaiting the reply; 0 otherwise. */
export function daysOverdue(n: Pick<NoticeRow, 'status' | 'replyDue'>, today: string): number {
  return n.status === 'issued' && n.replyDue < today ? daysBetween(n.replyDue, today) : 0
}

export function toNoticeRef(n: NoticeRow): NoticeRef {
  return {
    id: n.id,
    number: noticeNumber(n.year, n.seq),
    level: n.level as NoticeLevel,
    status: n.status as NoticeStatus,
  }
}

/** Notices as the API shows them, in the order given: addressee, problems, files, reply, chain neighbours. */
export async function loadNotices(db: DbOrTx, rows: NoticeRow[], today: string): Promise<Notice[]> {
  if (!rows.length) return []
  const ids = rows.map((n) => n.id)
  const parentIds = rows.flatMap((n) => (n.parentId ? [n.parentId] : []))
  const [units, problems, attachments, replyFiles, neighbours] = await Promise.all([
    unitRefs(db, [...new Set(rows.map((n) => n.unitId))]),
    repo.problemsOf(db, ids),
    filesOf(db, 'notice', ids),
    filesOf(db, 'notice_reply', ids),
    repo.neighbours(db, parentIds, ids),
  ])
  return rows.map((n) => {
    const unit = units.find((u) => u.id === n.unitId)!
    const parent = n.parentId ? neighbours.find((x) => x.id === n.parentId) : undefined
    const child = neighbours.find((x) => x.parentId === n.id)
    const late = daysOverdue(n, today)
    return {
      id: n.id,
      number: noticeNumber(n.year, n.seq),
      year: n.year,
      seq: n.seq,
      level: n.level as NoticeLevel,
      status: n.status as NoticeStatus,
      unit: { id: unit.id, code: unit.code, name: unit.name },
      title: n.title,
      body: n.body,
      replyDue: n.replyDue,
      issuedOn: n.issuedOn,
      issuedBy: { id: n.issuedBy, name: n.issuedByName },
      overdue: late > 0,
      daysOverdue: late,
      problems: problems
        .filter((p) => p.noticeId === n.id)
        .map((p) => ({ id: p.id, code: p.code, title: p.title, status: p.status })),
      files: attachments.filter((f) => f.ownerId === n.id).map(toFileInfo),
      reply:
        n.replyText !== null && n.repliedAt
          ? {
              text: n.replyText,
              at: n.repliedAt.toISOString(),
              by: { id: n.repliedBy, name: n.repliedByName ?? '' },
              files: replyFiles.filter((f) => f.ownerId === n.id).map(toFileInfo),
            }
          : null,
      closedAt: n.closedAt?.toISOString() ?? null,
      closeNote: n.closeNote,
      parent: parent ? toNoticeRef(parent) : null,
      child: child ? toNoticeRef(child) : null,
      version: n.version,
      createdAt: n.createdAt.toISOString(),
    }
  })
}
