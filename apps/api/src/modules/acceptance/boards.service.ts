import type {
  ListPublicityQuery,
  ListReboundReviewsQuery,
  Problem,
  PublicityPage,
  ReboundPage,
} from '@rectify/schemas'
import { sql } from 'drizzle-orm'
import { publicities, reboundReviews } from '../../db/schema/index.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { problemScope, readProblems } from '../problems/index.js'
import { loadPublicities, loadRebounds } from './acceptance.view.js'
import type { ServiceDeps } from './applications.service.js'
import { closeoutRepository as repo } from './closeout.repository.js'
import { dateIdCursor } from '../../lib/cursors.js'

/** The office's boards: notices in publicity and rebound reviews, each item with its problem. */
export class BoardsService {
  constructor(private readonly d: ServiceDeps) {}

  /**
   * The publicity board: open notices ending first on top, others latest first. With
   * `status=open&periodOver=true`, the office's to-do: periods over, to close out.
   */
  async listPublicity(ctx: Ctx, q: ListPublicityQuery): Promise<PublicityPage> {
    const { db } = this.d
    const limit = q.limit ?? 50
    const after = dateIdCursor(q.cursor)
    const today = shanghaiDate(this.d.clock())
    const f = {
      scope: problemScope(ctx.actor, sql`${publicities.problemId}`),
      status: q.status,
      round: q.round,
      periodOver: q.periodOver === undefined ? undefined : { is: q.periodOver, today },
    }
    const [rows, total] = await Promise.all([
      repo.listPublicity(db, f, limit + 1, after),
      repo.countPublicity(db, f),
    ])
    const page = rows.slice(0, limit)
    const items = await loadPublicities(db, page, today)
    const problems = await this.problems(
      page.map((p) => p.problemId),
      today,
    )
    const last = page[page.length - 1]
    return {
      items: items.map((publicity) => ({ publicity, problem: problems.get(publicity.problemId)! })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.endDate, last.id]) : null,
      total,
    }
  }

  /** Rebound reviews by due date. */
  async listRebound(ctx: Ctx, q: ListReboundReviewsQuery): Promise<ReboundPage> {
    const { db } = this.d
    const limit = q.limit ?? 50
    const after = dateIdCursor(q.cursor)
    const f = {
      scope: problemScope(ctx.actor, sql`${reboundReviews.problemId}`),
      status: q.status,
      dueBy: q.dueBy,
      round: q.round,
    }
    const [rows, total] = await Promise.all([
      repo.listRebound(db, f, limit + 1, after),
      repo.countRebound(db, f),
    ])
    const page = rows.slice(0, limit)
    const items = await loadRebounds(db, page)
    const problems = await this.problems(
      page.map((r) => r.problemId),
      shanghaiDate(this.d.clock()),
    )
    const last = page[page.length - 1]
    return {
      items: items.map((review) => ({ review, problem: problems.get(review.problemId)! })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.dueDate, last.id]) : null,
      total,
    }
  }

  private async problems(ids: string[], today: string): Promise<Map<string, Problem>> {
    const views = await readProblems(this.d.db, [...new Set(ids)], today, this.d.settings, null)
    return new Map(views.map((p) => [p.id, p]))
  }
}
