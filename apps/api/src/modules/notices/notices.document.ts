import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { NoticeDetail } from '@rectify/schemas'

/**
 * Fonts of Chinese official documents (GB/T 9704): the title in 方正小标宋简体, the text in
 * 仿宋_GB2312. Latin text and any machine without them fall back to the document default
 * (宋体 / SimSun, present on every Chinese Windows), set in the document's styles.
 */
export const TITLE_FONT = {
  eastAsia: '方正小标宋简体',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
}
export const TEXT_FONT = {
  eastAsia: '仿宋_GB2312',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
}
export const FALLBACK_FONT = { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun' }
/** Half-points: 二号 22pt for the title, 三号 16pt for the text. */
export const TITLE_SIZE = 44
export const TEXT_SIZE = 32
/** Two characters of 三号 (16pt = 320 twips each): the first-line indent of body paragraphs. */
export const INDENT = { firstLine: 640, firstLineChars: 200 }

/** 2026-11-28 → 2026年11月28日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

const text = (t: string) => new TextRun({ text: t, font: TEXT_FONT, size: TEXT_SIZE })
const line = (t: string, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ children: [text(t)], ...(alignment ? { alignment } : {}) })
const indented = (t: string) => new Paragraph({ children: [text(t)], indent: INDENT })

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
 * The notice as a .docx in the layout of an official letter: the title centred in a large
 * font, the number right-aligned under it, the addressee, the body with two-character
 * indents, the problems, the reply deadline, and the issuing body, date and seal at the
 * bottom right.
 */
export async function noticeDocument(n: NoticeDetail, issuer: string): Promise<Buffer> {
  const body = n.body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  const doc = new Document({
    title: n.title,
    creator: issuer,
    styles: { default: { document: { run: { font: FALLBACK_FONT, size: TEXT_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            // A4 with the margins of GB/T 9704 (top 37 mm, left 28 mm, right 26 mm, bottom 35 mm).
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: n.title, font: TITLE_FONT, size: TITLE_SIZE })],
          }),
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
      },
    ],
  })
  return Packer.toBuffer(doc)
}
