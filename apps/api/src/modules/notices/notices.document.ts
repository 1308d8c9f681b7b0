import { AlignmentType, BorderStyle, Table, TableCell, TableRow, WidthType } from 'docx'
import type { NoticeDetail } from '@rectify/schemas'
import { chineseDate } from '../../lib/dates.js'
import { indented, line, officialDocument } from '../../lib/official-document.js'

/** The seal placeholder: a bordered box at the bottom right where the office stamps its seal. */
function sealBox(): Table {
  const border = { style: BorderStyle.DOUBLE, size: 6, color: 'C00000' }
  return new Table({
    alignment: AlignmentType.RIGHT,
    width: { size: 2400, type: WidthType.DXA },
    columnWidths: [2400],
    rows: [
      new TableRow({
        height: { value: 1400, rule: 'atLeast' },
        children: [
          new TableCell({
            borders: { top: border, bottom: border, left: border, right: border },
            verticalAlign: 'center',
            children: [line('（印章）', AlignmentType.CENTER)],
          }),
        ],
      }),
    ],
  })
}

/**
 * The notice as an official letter (lib/official-document.ts): the title, the number
 * right-aligned under it, the addressee, the body with two-character
 * indents, the problems, the reply deadline, and the issuing body, date and seal at the
 * bottom right.
 */
export async function noticeDocument(n: NoticeDetail, issuer: string): Promise<Buffer> {
  const body = n.body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return officialDocument({
    title: n.title,
    creator: issuer,
    body: [
      line(n.number, AlignmentType.RIGHT),
      line(''),
      line(`${n.unit.name}：`),
      ...body.map(indented),
      indented('本函涉及以下问题：'),
      ...n.problems.map((p, i) => indented(`${i + 1}．${p.code}\u3000${p.title}`)),
      indented(
        `请于${chineseDate(n.replyDue)}前将整改落实情况书面回复${issuer}，并附佐证材料。逾期未回复的，将视情升级督办。`,
      ),
      line(''),
      line(''),
      line(issuer, AlignmentType.RIGHT),
      line(chineseDate(n.issuedOn), AlignmentType.RIGHT),
      sealBox(),
    ],
  })
}
