import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx'
import type { Rankings } from '@rectify/schemas'
import { chineseDate } from '../../lib/dates.js'
import {
  heading,
  indented,
  line,
  officialDocument,
  run,
  subheading,
  TEXT_FONT,
} from '../../lib/official-document.js'

/** Everything the bulletin prints, gathered by the service. */
export interface BulletinFacts {
  title: string
  issuer: string
  /** The date the bulletin carries (the period's close, else today). */
  date: string
  /** The summary sentence, exactly as GET …/bulletin answers it. */
  sentence: string
  behind: ProblemLine[]
  overdue: ProblemLine[]
  /** The period's first and last day (Asia/Shanghai). */
  range: { from: string; to: string }
  notices: { number: string; title: string; unitName: string }[]
  cards: { unitName: string; color: 'yellow' | 'red'; reason: string; issuedOn: string }[]
  petitions: {
    total: number
    assigned: number
    closed: number
    partlyClosed: number
    overdue: number
    asOf: string
  }
  ranking: Rankings
  requirements: string
}

export interface ProblemLine {
  code: string
  title: string
  unitName: string
}

/** Half-points: 四号 14pt in the ranking table. */
const TABLE_SIZE = 28

/** 1．D-01 问题（牵头单位：市生态环境局）, one per problem, or 无。 */
function problemLines(list: ProblemLine[]): Paragraph[] {
  if (!list.length) return [indented('无。')]
  return list.map((p, i) =>
    indented(`${i + 1}．${p.code}\u3000${p.title}（牵头单位：${p.unitName}）`),
  )
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const cell = (t: string, width: number) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    verticalAlign: 'center',
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t, TEXT_FONT, TABLE_SIZE)] }),
    ],
  })

/** The ranked units: 名次, 单位, 完成率, 已完成/牵头问题数. */
function rankingTable(r: Rankings): Table {
  const widths = [1200, 4200, 1800, 2000]
  const row = (cells: string[]) =>
    new TableRow({ children: cells.map((c, i) => cell(c, widths[i]!)) })
  return new Table({
    alignment: AlignmentType.CENTER,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(['名次', '单位', '完成率', '已完成/牵头问题数']),
      ...r.ranked.map((x) =>
        row([String(x.rank ?? ''), x.unitName, `${x.value}%`, `${x.numerator}/${x.denominator}`]),
      ),
    ],
  })
}

/** The body sections 一 to 六. */
function sections(f: BulletinFacts): (Paragraph | Table)[] {
  const { from, to } = f.range
  const yellow = f.cards.filter((c) => c.color === 'yellow').length
  const red = f.cards.length - yellow
  const p = f.petitions
  const r = f.ranking
  const requirements = f.requirements
    .split(/\r?\n\s*\r?\n/)
    .map((block) =>
      block
        .split(/\r?\n/)
        .map((l) => l.trim())
        .join(''),
    )
    .filter(Boolean)
  return [
    heading('一、总体进展'),
    indented(f.sentence),
    heading('二、滞后和逾期问题'),
    subheading(`（一）滞后问题（${f.behind.length}个）`),
    ...problemLines(f.behind),
    subheading(`（二）逾期问题（${f.overdue.length}个）`),
    ...problemLines(f.overdue),
    heading('三、督办和红黄牌'),
    indented(
      `本期（${chineseDate(from)}至${chineseDate(to)}）共下发督办单${f.notices.length}件，亮黄牌${yellow}张、红牌${red}张。`,
    ),
    ...f.notices.map((n, i) => indented(`${i + 1}．${n.number}\u3000${n.title}（${n.unitName}）`)),
    ...f.cards.map((c, i) =>
      indented(
        `${f.notices.length + i + 1}．${c.unitName}\u3000${c.color === 'red' ? '红牌' : '黄牌'}\u3000${c.reason}（${chineseDate(c.issuedOn)}）`,
      ),
    ),
    heading('四、信访件办理'),
    indented(
      `截至${chineseDate(p.asOf)}，本轮督察交办信访件共${p.total}件，已交办${p.assigned}件，其中已办结${p.closed}件、阶段办结${p.partlyClosed}件，超期未办结${p.overdue}件。`,
    ),
    heading('五、排名'),
    indented(
      `按${r.year}年度整改完成率对牵头单位排名如下（截至${chineseDate(r.asOf)}）。${r.definition.zh}牵头问题不足${r.minCount}个的单位不参与排名。`,
    ),
    ...(r.ranked.length ? [rankingTable(r)] : [indented('暂无符合排名条件的单位。')]),
    ...(r.notRanked.length
      ? [
          indented(
            `未参与排名的单位：${r.notRanked.map((x) => `${x.unitName}（${x.numerator}/${x.denominator}）`).join('、')}。`,
          ),
        ]
      : []),
    heading('六、下一步工作要求'),
    ...(requirements.length ? requirements.map(indented) : [indented('无。')]),
  ]
}

/**
 * The bulletin as an official document (lib/official-document.ts): the title, the addressees,
 * the six sections under 黑体 headings with two-character indents, and the issuing body and date
 * at the bottom right.
 */
export async function bulletinDocument(f: BulletinFacts): Promise<Buffer> {
  return officialDocument({
    title: f.title,
    creator: f.issuer,
    body: [
      line(''),
      line('各县（市、区）人民政府，市直有关单位：'),
      indented('现将本期中央生态环境保护督察反馈问题整改工作调度情况通报如下。'),
      ...sections(f),
      line(''),
      line(''),
      line(f.issuer, AlignmentType.RIGHT),
      line(chineseDate(f.date), AlignmentType.RIGHT),
    ],
  })
}
