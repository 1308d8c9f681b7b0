import {
  empty,
  esc,
  escLines,
  fmtDate,
  fmtPercent,
  fmtPeriod,
  fmtSize,
  fmtTime,
  GAP,
  kv,
  label,
  table,
} from './dossier.format.js'
import type { DossierDocument, DossierSection } from './dossier.html.js'
import type { DossierFile } from './dossier.repository.js'
import { evidencePath } from './dossier.source.js'
import { accountabilitySection } from './dossier.accountability.js'
import { noticesSection } from './dossier.notices.js'

/*
 * The sections of the printed summary, in order. Every value goes through esc() or a formatter
 * whose output is plain text; checklist notes, opinions and report texts are people's words.
 */

/** Evidence files as links into the archive, with size and SHA-256 for the file room to check. */
function fileList(files: readonly DossierFile[]): string {
  if (!files.length) return '无'
  const href = (f: DossierFile) => evidencePath(f).split('/').map(encodeURIComponent).join('/')
  return `<ul class="files">${files
    .map(
      (f) =>
        `<li><a href="${esc(href(f))}">${esc(f.name)}</a>（${fmtSize(f.size)}）<br><span class="hash">SHA-256 ${esc(f.sha256)}</span></li>`,
    )
    .join('')}</ul>`
}

interface Person {
  name?: unknown
  post?: unknown
}
/**
 * Name and post only: the dossier goes to the file room and is copied for years, so a
 * responsible person's phone (a private contact, sealed in the table) is never printed in it.
 */
const person = (p: Person) =>
  [p.name, p.post && `（${String(p.post)}）`]
    .filter(Boolean)
    .map((x) => esc(x))
    .join('')
const persons = (v: unknown) => (Array.isArray(v) && v.length ? v.map(person).join('；') : '—')

const basics: DossierSection = {
  id: 'basics',
  title: '基本情况',
  *render({ facts: { problem: p } }: DossierDocument) {
    const deadline =
      p.originalDeadline && p.originalDeadline !== p.deadline
        ? `${fmtDate(p.deadline)}（原定 ${fmtDate(p.originalDeadline)}，已延期）`
        : fmtDate(p.deadline)
    yield kv([
      ['问题编号', esc(p.code)],
      ['问题标题', esc(p.title)],
      ['督察批次', esc(p.roundName)],
      ['问题来源', label('source', p.source)],
      ['问题性质', label('nature', p.nature)],
      ['所属领域', label('domain', p.domain)],
      ['整改类型', label('mode', p.mode)],
      ['所属区域', esc(p.regionName)],
      ['牵头市领导', p.leadLeader ? person(p.leadLeader as Person) : '—'],
      ['牵头单位', esc(p.leadUnitName)],
      ['配合单位', p.coUnitNames.length ? p.coUnitNames.map(esc).join('、') : '—'],
      ['责任人', persons(p.responsiblePersons)],
      ['上级问题', esc(p.parentCode)],
      ['问题描述', escLines(p.description)],
      ['整改目标', escLines(p.target)],
      ['整改时限', deadline],
      ['整改状态', label('status', p.status) + (p.rebound ? '（反弹）' : '')],
      [
        '整改结果',
        p.outcome ? `${label('outcome', p.outcome)}（${fmtDate(p.closedOn)}销号）` : '—',
      ],
      [
        '进度',
        `上报进度 ${fmtPercent(p.reportedProgress)}，序时进度 ${fmtPercent(p.plannedProgress)}，预警 ${label('light', p.light)}`,
      ],
    ])
  },
}

const plan: DossierSection = {
  id: 'plan',
  title: '整改方案与措施',
  *render({ facts }: DossierDocument) {
    if (!facts.measures.length) {
      yield empty('尚未制定整改措施。')
      return
    }
    yield table(
      ['序号', '整改措施', '责任单位', '责任人', '起止时间', '状态', '进度', '完成日期'],
      facts.measures.map((m) => [
        String(m.seq),
        escLines(m.content),
        esc(m.unitName),
        esc(m.personName),
        `${fmtDate(m.startDate)}至${fmtDate(m.deadline)}${
          m.originalDeadline && m.originalDeadline !== m.deadline
            ? `（原定${fmtDate(m.originalDeadline)}）`
            : ''
        }`,
        label('measureStatus', m.status),
        fmtPercent(m.percent),
        fmtDate(m.doneDate),
      ]),
    )
  },
}

const milestones: DossierSection = {
  id: 'milestones',
  title: '节点',
  *render({ facts }: DossierDocument) {
    const rows = facts.measures.flatMap((m) =>
      m.milestones.map((x) => [
        `措施${m.seq}`,
        esc(x.name),
        fmtDate(x.dueDate),
        x.weight === null ? '—' : String(x.weight),
        x.doneDate ? fmtDate(x.doneDate) : '未完成',
      ]),
    )
    if (!rows.length) {
      yield empty('未设置节点。')
      return
    }
    yield table(['所属措施', '节点', '计划完成', '权重', '实际完成'], rows)
  },
}

const reports: DossierSection = {
  id: 'reports',
  title: '进展报告',
  async *render(doc: DossierDocument) {
    let n = 0
    for await (const page of doc.reports()) {
      for (const r of page) {
        n += 1
        yield `<div class="record"><h3>第${n}份${GAP}${fmtPeriod(r.period)}${GAP}${esc(r.unitName)}${
          r.measureSeq !== null ? `${GAP}措施${r.measureSeq}` : `${GAP}整体`
        }</h3>${kv([
          ['完成进度', fmtPercent(r.percent)],
          ['本期完成情况', escLines(r.done)],
          ['存在问题', escLines(r.issues)],
          ['下步计划', escLines(r.nextSteps)],
          ['报送', `${esc(r.submittedByName)}，${fmtTime(r.createdAt)}`],
          [
            '审核',
            `${label('reportStatus', r.status)}${
              r.reviewedAt ? `（${esc(r.reviewerName)}，${fmtTime(r.reviewedAt)}）` : ''
            }${r.rating ? `，本期评定：${label('rating', r.rating)}` : ''}`,
          ],
          ['审核意见', escLines(r.reviewNote)],
          ['佐证材料', fileList(r.files)],
        ])}</div>\n`
      }
    }
    if (n === 0) yield empty('暂无进展报告。')
  },
}

const acceptance: DossierSection = {
  id: 'acceptance',
  title: '验收记录',
  *render({ facts }: DossierDocument) {
    if (!facts.acceptances.length) {
      yield empty('尚未申请验收。')
      return
    }
    for (const a of facts.acceptances) {
      yield `<div class="record"><h3>第${a.seq}次验收申请（${label('acceptanceStatus', a.status)}）</h3>${kv(
        [
          ['申请', `${esc(a.appliedUnitName)} ${esc(a.appliedByName)}，${fmtTime(a.createdAt)}`],
          ['验收层级', (a.levels as string[]).map((l) => label('level', l)).join(' → ')],
          ['自验情况', escLines(a.selfCheck)],
          ['验收材料', fileList(a.files)],
        ],
      )}</div>\n`
      for (const r of a.reviews) {
        const checklist = (r.checklist as { criterion: string; met: boolean; note: string }[]).map(
          (c, i) => [String(i + 1), esc(c.criterion), c.met ? '达到' : '未达到', escLines(c.note)],
        )
        yield `<div class="record"><h3>${label('level', r.levelKind)}：${label('decision', r.decision)}</h3>${kv(
          [
            [
              '审核人',
              `${esc(r.reviewerUnitName)} ${esc(r.reviewerName)}，${fmtTime(r.createdAt)}`,
            ],
            ['现场核查日期', fmtDate(r.checkDate)],
            ['审核意见', escLines(r.opinion)],
            ...(r.reason ? ([['退回原因', escLines(r.reason)]] as [string, string][]) : []),
            ...(r.snapshotSha256
              ? ([['验收快照', `<span class="hash">SHA-256 ${esc(r.snapshotSha256)}</span>`]] as [
                  string,
                  string,
                ][])
              : []),
          ],
        )}${table(['序号', '验收标准', '是否达到', '说明'], checklist)}</div>\n`
      }
    }
  },
}

const publicity: DossierSection = {
  id: 'publicity',
  title: '公示与异议',
  *render({ facts }: DossierDocument) {
    if (!facts.publicities.length) {
      yield empty('尚未公示。')
      return
    }
    for (const p of facts.publicities) {
      yield `<div class="record"><h3>公示（${label('publicityStatus', p.status)}）</h3>${kv([
        ['公示期', `${fmtDate(p.startDate)}至${fmtDate(p.endDate)}（${p.days}个工作日）`],
        ['发布', `${esc(p.openedByName)}，${fmtTime(p.createdAt)}`],
        ['结束时间', fmtTime(p.endedAt)],
        ['公示内容', escLines(p.notice)],
      ])}`
      yield p.objections.length
        ? table(
            ['序号', '反映人类型', '异议内容', '收到时间', '裁定', '裁定理由', '裁定时间'],
            p.objections.map((o, i) => [
              String(i + 1),
              label('reporterType', o.reporterType),
              escLines(o.content),
              fmtTime(o.createdAt),
              label('ruling', o.ruling ?? 'pending'),
              escLines(o.rulingReason),
              fmtTime(o.ruledAt),
            ]),
          )
        : empty('公示期内未收到异议。')
      yield '</div>\n'
    }
  },
}

const closeout: DossierSection = {
  id: 'closeout',
  title: '销号',
  *render({ facts }: DossierDocument) {
    if (!facts.closeouts.length) {
      yield empty('尚未销号。')
      return
    }
    yield table(
      ['销号日期', '整改结果', '理由', '经办人', '重新整改'],
      facts.closeouts.map((c) => [
        fmtDate(c.closedOn),
        label('outcome', c.outcome),
        escLines(c.reason),
        esc(c.closedByName),
        c.reopenedAt ? `回头看未通过，${fmtTime(c.reopenedAt)}重新整改` : '—',
      ]),
    )
  },
}

const rebound: DossierSection = {
  id: 'rebound',
  title: '回头看',
  *render({ facts }: DossierDocument) {
    if (!facts.reboundReviews.length) {
      yield empty('尚无回头看安排。')
      return
    }
    yield table(
      ['安排', '应开展日期', '状态', '方式', '核查日期', '核查情况', '核查人', '佐证材料'],
      facts.reboundReviews.map((r) => [
        `销号后${r.months}个月`,
        fmtDate(r.dueDate),
        label('reboundStatus', r.status),
        r.source ? label('reboundSource', r.source) : '—',
        fmtDate(r.checkDate),
        escLines(r.findings),
        esc(r.reviewerName),
        fileList(r.files),
      ]),
    )
  },
}

/**
 * The summary's sections in print order. A new record type joins with a loader in
 * dossier.source.ts and one section here.
 */
export const SECTIONS: readonly DossierSection[] = [
  basics,
  plan,
  milestones,
  reports,
  acceptance,
  publicity,
  closeout,
  rebound,
  noticesSection,
  accountabilitySection,
]
