import type {
  ListPublicProblemsQuery,
  PublicNotice,
  PublicNoticeList,
  PublicProblem,
  PublicProblemDetail,
  PublicProblemPage,
  PublicRegionList,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError, notFound } from '../../errors.js'
import { shanghaiDate } from '../../lib/dates.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { publicityPhase } from '../../lib/publicity.js'
import {
  EXACT_TOTAL_UP_TO,
  SEARCH_EXACT_UP_TO,
  cappedTotal,
  listProblems,
  sortSpec,
  type ProblemRow,
} from '../problems/index.js'
import { publicRepository as repo, published } from './public.repository.js'

/** The board lists published problems most recently changed first (index problems_public_idx). */
const SORT = '-updated' as const

type NoticeRow = NonNullable<Awaited<ReturnType<typeof repo.latestPublicity>>>

/**
 * The public board (no login): problems the office marked public, their measures, accepted
 * progress and close-out notices. Every answer is built field by field from the public schemas'
 * allow-list — a row is never spread — so a column added to the ledger stays internal until
 * someone adds it here on purpose. Nobody is checked: there is nothing here that is not public.
 */
export class PublicBoardService {
  constructor(
    private readonly db: Db,
    /**
     * The list's total is exact up to this many (the ledger's thresholds: 1,000 with a search
     * text) and the planner's estimate above it, said so: the board is open to anyone, and an
     * exact count of a province's published problems costs a pass over all of them for every
     * uncached combination of filters (a test lowers it).
     */
    private readonly exactUpTo = { list: EXACT_TOTAL_UP_TO, search: SEARCH_EXACT_UP_TO },
  ) {}

  async list(q: ListPublicProblemsQuery): Promise<PublicProblemPage> {
    const limit = q.limit ?? 50
    const sort = sortSpec(SORT)
    const cursor = decodeCursor(q.cursor, sort.arity)
    if (cursor && !sort.accepts(cursor))
      throw new AppError('bad_request', 'Invalid cursor', {
        errors: [{ path: '/cursor', message: 'is not a cursor this API issued' }],
      })
    const filter = {
      scope: published,
      status: q.status,
      domain: q.domain,
      region: q.region,
      q: q.q,
      today: shanghaiDate(),
    }
    const cap = filter.q ? this.exactUpTo.search : this.exactUpTo.list
    const [rows, { total, totalIsEstimate }] = await Promise.all([
      listProblems(this.db, filter, sort, limit + 1, cursor),
      cappedTotal(this.db, filter, cap),
    ])
    const page = rows.slice(0, limit)
    return {
      items: await this.toPublic(page),
      nextCursor: rows.length > limit ? encodeCursor(sort.cursorOf(page[page.length - 1]!)) : null,
      total,
      totalIsEstimate,
    }
  }

  /** A published problem; an unpublished one does not exist here (404). */
  async get(id: string): Promise<PublicProblemDetail> {
    const row = await repo.findPublished(this.db, id)
    if (!row) throw notFound('Problem')
    const [[problem], measures, progress, notice] = await Promise.all([
      this.toPublic([row]),
      repo.measures(this.db, id),
      repo.acceptedProgress(this.db, id),
      repo.latestPublicity(this.db, id),
    ])
    const names = await repo.unitNames(this.db, [...new Set(measures.map((m) => m.unitId))])
    return {
      problem: problem!,
      description: row.description,
      target: row.target,
      measures: measures.map((m) => ({
        seq: m.seq,
        content: m.content,
        unit: names.get(m.unitId) ?? '',
        deadline: m.deadline,
        status: m.status as PublicProblemDetail['measures'][number]['status'],
        percent: m.percent,
      })),
      progress: progress.map((p) => ({
        period: p.period,
        percent: p.percent,
        date: shanghaiDate(p.reviewedAt!),
      })),
      notice: notice ? toNotice(notice, shanghaiDate()) : null,
    }
  }

  /**
   * The standing close-out notices (not yet closed out or overturned): those whose period
   * runs or is about to, then those whose period is over and await close-out.
   */
  async notices(): Promise<PublicNoticeList> {
    const today = shanghaiDate()
    const rows = await repo.openNotices(this.db)
    const problems = await this.toPublic(rows.map((r) => r.problem))
    const items = rows.map((r, i) => ({ problem: problems[i]!, notice: toNotice(r.notice, today) }))
    const over = (x: (typeof items)[number]) => (x.notice.phase === 'ended' ? 1 : 0)
    return { items: items.sort((a, b) => over(a) - over(b)) }
  }

  async regions(): Promise<PublicRegionList> {
    const rows = await repo.regions(this.db)
    return { items: rows.map((r) => ({ id: r.id, name: r.name, count: r.count })) }
  }

  /** Rows → PublicProblem, with the unit names of a whole page in one query. */
  private async toPublic(rows: readonly ProblemRow[]): Promise<PublicProblem[]> {
    const ids = new Set<string>()
    for (const r of rows) {
      ids.add(r.leadUnitId)
      if (r.regionId) ids.add(r.regionId)
      r.coUnitIds.forEach((u) => ids.add(u))
    }
    const names = await repo.unitNames(this.db, [...ids])
    const name = (id: string) => names.get(id) ?? ''
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      domain: r.domain as PublicProblem['domain'],
      region: r.regionId ? name(r.regionId) : null,
      leadUnit: name(r.leadUnitId),
      coUnits: r.coUnitIds.map(name).sort((a, b) => a.localeCompare(b, 'zh-CN')),
      mode: r.mode as PublicProblem['mode'],
      deadline: r.deadline,
      originalDeadline: r.originalDeadline,
      status: r.status as PublicProblem['status'],
      light: r.light as PublicProblem['light'],
      progress: r.reportedProgress,
      outcome: r.outcome as PublicProblem['outcome'],
      closedOn: r.closedOn,
      updatedAt: r.updatedAt.toISOString(),
    }))
  }
}

/**
 * A notice as the board shows it. A notice still standing (`open`: not yet closed out or
 * overturned) takes objections only while its period runs; after the end day it reads
 * 公示已结束 even before the office closes the problem.
 */
function toNotice(n: NoticeRow, today: string): PublicNotice {
  const phase = publicityPhase(n, today)
  return {
    publicityId: n.id,
    notice: n.notice,
    startDate: n.startDate,
    endDate: n.endDate,
    phase: n.status === 'open' ? phase : 'ended',
    open: n.status === 'open' && phase === 'running',
  }
}
