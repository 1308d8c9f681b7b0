import type { FieldCipher } from '../lib/crypto/field-cipher.js'
import { randomBytes } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import type { SubmitPublicReportBody } from '@rectify/schemas'
import type { Db, Tx } from '../db/client.js'
import { problems, publicReports, publicities } from '../db/schema/index.js'
import { cliContext, type Ctx } from '../lib/context.js'
import { shanghaiDate } from '../lib/dates.js'
import { uuidv7 } from '../lib/ids.js'
import { publicityPhase } from '../lib/publicity.js'
import { DEFAULT_LIGHT_SETTINGS } from '../modules/problems/index.js'
import { ProblemsService } from '../modules/problems/index.js'
import { receiveReport } from '../modules/public-reports/index.js'
import { PublicKeys } from '../modules/public-reports/index.js'
import { PublicReportsService } from '../modules/public-reports/index.js'

export interface PublicReportsSeedContext {
  /** The demo office account, which triages the reports. */
  office: { id: string; name: string; unitId: string }
  cipher: FieldCipher
}

interface DemoReport {
  reporterType: SubmitPublicReportBody['reporterType']
  name?: string
  contact?: string
  content: string
  /** Index into the published problems the report is about (none: a general report). */
  about?: number
  handling: 'new' | 'reply' | 'link'
  reply?: string
  daysAgo: number
}

const REPORTS: DemoReport[] = [
  {
    reporterType: 'citizen',
    name: '赵先生',
    contact: '13907910001',
    content: '东湖街道临江路附近河道夜间有刺鼻气味，疑似有小作坊偷排废水，请尽快核查。',
    handling: 'new',
    daysAgo: 1,
  },
  {
    reporterType: 'npc_deputy',
    name: '市人大代表 孙丽',
    content: '建议在整改公示中写明每项措施的完成时间和验收单位，便于群众监督。',
    about: 0,
    handling: 'reply',
    reply: '感谢您的建议。公示内容已增加措施完成时间和验收单位，后续将按月更新整改进展。',
    daysAgo: 9,
  },
  {
    reporterType: 'cppcc_member',
    name: '市政协委员 何建华',
    content: '该问题涉及的污水管网改造进度较慢，沿线居民反映施工围挡长期未撤。',
    about: 1,
    handling: 'link',
    reply: '已转牵头单位纳入本问题整改一并督办，施工围挡将在管网验收后及时撤除。',
    daysAgo: 6,
  },
  {
    reporterType: 'journalist',
    name: '江州日报 记者 陈晨',
    contact: 'chenchen@jzdaily.example.cn',
    content: '希望了解该问题整改后的水质监测数据是否向社会公开，以及公开渠道。',
    about: 2,
    handling: 'new',
    daysAgo: 2,
  },
  {
    reporterType: 'other',
    content: '青山镇垃圾中转站周边苍蝇较多，夏季异味明显，希望增加清运频次。',
    handling: 'reply',
    reply: '已交市城管局核查，中转站清运频次已由每日一次调整为每日两次，并增加除臭喷淋。',
    daysAgo: 12,
  },
  {
    reporterType: 'citizen',
    contact: '13907910002',
    content: '该点位整改后又出现扬尘，渣土车未覆盖，请持续关注。',
    about: 0,
    handling: 'link',
    daysAgo: 4,
  },
]

/**
 * Demo public reports: one or more of every reporter type, new, replied and linked, through the
 * intake and triage services (the demo office account triages); and, when a published problem
 * has an open close-out notice (the acceptance seed), a pending objection to it. The proof-of-work
 * is skipped by calling the intake's internal function, which no route exposes.
 */
export async function seedPublicReports(
  tx: Tx,
  c: PublicReportsSeedContext,
): Promise<{ publicReports: number }> {
  const seedCtx = cliContext('seed --demo')
  // The seed acts for the demo office account (recorded as such, from the CLI's user agent).
  const office: Ctx = {
    meta: seedCtx.meta,
    actor: {
      ...seedCtx.actor,
      type: 'user',
      id: c.office.id,
      name: c.office.name,
      unitId: c.office.unitId,
      roles: ['office'],
    },
  }
  const db = tx as unknown as Db
  const keys = new PublicKeys(randomBytes(32))
  const triage = new PublicReportsService(
    db,
    new ProblemsService(db, DEFAULT_LIGHT_SETTINGS, c.cipher),
    DEFAULT_LIGHT_SETTINGS,
    c.cipher,
  )
  const shown = await tx
    .select({ id: problems.id })
    .from(problems)
    .where(and(eq(problems.public, true), eq(problems.status, 'in_progress')))
    .orderBy(asc(problems.code))
    .limit(3)
  let n = 0
  const receive = async (input: Parameters<typeof receiveReport>[4], daysAgo: number) => {
    const receipt = await receiveReport(tx, seedCtx, keys, c.cipher, input, `seed-${uuidv7()}`)
    const [row] = await tx
      .update(publicReports)
      .set({ createdAt: sql`now() - make_interval(days => ${daysAgo})` })
      .where(eq(publicReports.trackingCode, receipt.trackingCode))
      .returning({ id: publicReports.id })
    n++
    return row!.id
  }
  for (const r of REPORTS) {
    const problemId = r.about !== undefined ? shown[r.about]?.id : undefined
    const id = await receive(
      {
        reporterType: r.reporterType,
        content: r.content,
        ...(r.name ? { name: r.name } : {}),
        ...(r.contact ? { contact: r.contact } : {}),
        ...(problemId ? { problemId } : {}),
      },
      r.daysAgo,
    )
    if (r.handling === 'reply' && r.reply)
      await triage.triage(office, id, 1, { action: 'reply', reply: r.reply })
    if (r.handling === 'link' && problemId)
      await triage.triage(office, id, 1, {
        action: 'link',
        problemId,
        ...(r.reply ? { reply: r.reply } : {}),
      })
  }
  const [notice] = await tx
    .select({
      problemId: publicities.problemId,
      startDate: publicities.startDate,
      endDate: publicities.endDate,
    })
    .from(publicities)
    .innerJoin(problems, eq(problems.id, publicities.problemId))
    .where(
      and(
        eq(publicities.status, 'open'),
        eq(problems.public, true),
        eq(problems.status, 'publicity'),
      ),
    )
    .orderBy(asc(publicities.endDate))
    .limit(1)
  // Lodged within the period — now, or on its last day (10:00 Shanghai) when it is over: an
  // objection outside the period is refused. A notice whose period has not begun gets none.
  const lastDay = notice && new Date(`${notice.endDate}T10:00:00+08:00`)
  const at = lastDay && new Date(Math.min(Date.now(), lastDay.getTime()))
  if (notice && at && publicityPhase(notice, shanghaiDate(at)) === 'running') {
    await receiveReport(
      tx,
      seedCtx,
      keys,
      c.cipher,
      {
        reporterType: 'citizen',
        name: '钱女士',
        contact: '13907910003',
        content: '公示称已整改到位，但上周路过时排口仍有浑浊污水流出，对销号有异议。',
        problemId: notice.problemId,
        objection: true,
      },
      `seed-${uuidv7()}`,
      { at },
    )
    n++
  }
  return { publicReports: n }
}
