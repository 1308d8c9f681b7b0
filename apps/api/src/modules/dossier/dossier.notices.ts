import { LEVEL_NAMES } from '../notices/index.js'
import { noticeNumber } from '../notices/index.js'
import { empty, esc, escLines, fmtDate, fmtTime, table } from './dossier.format.js'
import type { DossierDocument, DossierSection } from './dossier.html.js'

const STATUS: Record<string, string> = {
  issued: '待回复',
  replied: '已回复',
  closed: '已办结',
  escalated: '已升级',
}

/**
 * 督办情况: the supervision notices naming the problem — number, level, addressee, reply
 * deadline, status, the unit's reply and how the office closed it. Scoped like the notices
 * list: a unit's export holds only notices addressed within its subtree.
 */
export const noticesSection: DossierSection = {
  id: 'notices',
  title: '督办情况',
  *render({ facts }: DossierDocument) {
    if (!facts.notices.length) {
      yield empty('无督办记录。')
      return
    }
    yield table(
      ['文号', '级别', '受文单位', '标题', '下发日期', '回复期限', '状态', '回复情况', '办结意见'],
      facts.notices.map(({ notice: n, unitName }) => [
        esc(noticeNumber(n.year, n.seq)),
        esc(LEVEL_NAMES[n.level as keyof typeof LEVEL_NAMES] ?? n.level),
        esc(unitName),
        esc(n.title),
        fmtDate(n.issuedOn),
        fmtDate(n.replyDue),
        esc(STATUS[n.status] ?? n.status),
        n.replyText ? `${escLines(n.replyText)}<br>${fmtTime(n.repliedAt)}` : '—',
        n.closeNote ? escLines(n.closeNote) : '—',
      ]),
    )
  },
}
