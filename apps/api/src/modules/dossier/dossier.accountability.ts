import { empty, esc, escLines, fmtDate, table } from './dossier.format.js'
import type { DossierDocument, DossierSection } from './dossier.html.js'

/** The seven forms of accountability as the file room reads them. */
const FORMS: Record<string, string> = {
  talk: '约谈',
  criticism: '通报批评',
  admonition: '诫勉',
  organisational: '组织处理',
  party_discipline: '党纪处分',
  administrative_sanction: '政务处分',
  judicial_transfer: '移送司法',
}

/**
 * 问责情况: the problem's accountability records — who (a unit, or a person with post and
 * unit), the form, the deciding body, decision date and document number. Persons' names are
 * fine here: the dossier is internal, and a unit's export holds only its own records.
 */
export const accountabilitySection: DossierSection = {
  id: 'accountability',
  title: '问责情况',
  *render({ facts }: DossierDocument) {
    if (!facts.accountability.length) {
      yield empty('无问责记录。')
      return
    }
    yield table(
      ['问责对象', '问责方式', '决定机关', '决定日期', '文号', '主要情况'],
      facts.accountability.map(({ record: r, unitName }) => [
        r.subjectKind === 'person'
          ? `${esc(r.personName)}${r.personPost ? `（${esc(unitName)}${esc(r.personPost)}）` : `（${esc(unitName)}）`}`
          : esc(unitName),
        esc(FORMS[r.form] ?? r.form),
        esc(r.decidingBody),
        fmtDate(r.decisionDate),
        esc(r.docNumber || '—'),
        escLines(r.summary),
      ]),
    )
  },
}
