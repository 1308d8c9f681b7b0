import { AlignmentType, Document, Packer, Paragraph, Table, TextRun } from 'docx'

/**
 * The page and type of a Chinese official document (党政机关公文格式, GB/T 9704) as a .docx:
 * A4 with the standard margins, the title in 方正小标宋简体 二号, the text in 仿宋_GB2312 三号 with a
 * two-character first-line indent, first-level headings in 黑体 and second-level in 楷体_GB2312.
 * Every official .docx Rectify writes (supervision notices, the dispatch bulletin) is laid out by
 * this one module, so the two can never drift apart.
 */

const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
/** Latin text and any machine without the official fonts fall back to 宋体 (every Chinese Windows has it). */
const FALLBACK_FONT = { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun' }
const TITLE_FONT = { eastAsia: '方正小标宋简体', ...latin }
export const TEXT_FONT = { eastAsia: '仿宋_GB2312', ...latin }
const HEADING_FONT = { eastAsia: '黑体', ...latin }
const SUBHEADING_FONT = { eastAsia: '楷体_GB2312', ...latin }
/** Half-points: 二号 22pt for the title, 三号 16pt for the text. */
const TITLE_SIZE = 44
export const TEXT_SIZE = 32
/** Two characters of 三号 (16pt = 320 twips each): the first-line indent of body paragraphs. */
const INDENT = { firstLine: 640, firstLineChars: 200 }

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType]

/** A run of body text (仿宋_GB2312 三号 unless told otherwise). */
export const run = (t: string, font = TEXT_FONT, size = TEXT_SIZE) =>
  new TextRun({ text: t, font, size })
/** A body line without indent, optionally aligned (the addressee, the issuer, the date). */
export const line = (t: string, alignment?: Alignment) =>
  new Paragraph({ children: [run(t)], ...(alignment ? { alignment } : {}) })
/** A body paragraph with the two-character first-line indent. */
export const indented = (t: string) => new Paragraph({ children: [run(t)], indent: INDENT })
/** 一、… : a first-level heading, kept with what follows. */
export const heading = (t: string) =>
  new Paragraph({ children: [run(t, HEADING_FONT)], indent: INDENT, keepNext: true })
/** （一）… : a second-level heading, kept with what follows. */
export const subheading = (t: string) =>
  new Paragraph({ children: [run(t, SUBHEADING_FONT)], indent: INDENT, keepNext: true })

/**
 * One official document: the title centred at the top, then `body`, on A4 with the margins of
 * GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
 */
export function officialDocument(d: {
  title: string
  creator: string
  body: (Paragraph | Table)[]
}): Promise<Buffer> {
  const doc = new Document({
    title: d.title,
    creator: d.creator,
    styles: { default: { document: { run: { font: FALLBACK_FONT, size: TEXT_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: d.title, font: TITLE_FONT, size: TITLE_SIZE })],
          }),
          ...d.body,
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
