import type { CloseoutFile } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import type { LightSettings } from '../problems/index.js'
import { computeCan, findSubject } from './acceptance.access.js'
import { acceptanceRepository } from './acceptance.repository.js'
import { loadAcceptances, loadPublicities, loadRebounds, toCloseout } from './acceptance.view.js'
import { ApplicationsService } from './applications.service.js'
import { BoardsService } from './boards.service.js'
import { CalendarService } from './calendar.service.js'
import { CloseoutService } from './closeout.service.js'
import { closeoutRepository } from './closeout.repository.js'

export interface AcceptanceOptions {
  /** The clock (default: now). The demo seed runs the lifecycle at past dates with it. */
  clock?: () => Date
}

/**
 * How a problem is proven fixed and closed (验收销号) and kept closed (回头看): applications
 * and level reviews, publicity and close-out, rebound reviews, and the working-day calendar
 * the publicity period is counted in. One service for the module, in four parts.
 */
export class AcceptanceService {
  readonly applications: ApplicationsService
  readonly closeout: CloseoutService
  readonly boards: BoardsService
  readonly calendar: CalendarService
  private readonly clock: () => Date

  constructor(
    private readonly db: Db,
    private readonly settings: LightSettings,
    opts: AcceptanceOptions = {},
  ) {
    const deps = { db, settings, clock: opts.clock ?? (() => new Date()) }
    this.applications = new ApplicationsService(deps)
    this.closeout = new CloseoutService(deps)
    this.boards = new BoardsService(deps)
    this.calendar = new CalendarService(db)
    this.clock = deps.clock
  }

  /** One problem's applications, publicities, close-outs and rebound reviews, and what the caller may do next. */
  async file(ctx: Ctx, problemId: string): Promise<CloseoutFile> {
    const { db } = this
    const s = await findSubject(db, problemId, ctx.actor)
    if (!s) throw notFound('Problem')
    const today = shanghaiDate(this.clock())
    const [applications, publicityRows, closeoutRows, reboundRows] = await Promise.all([
      acceptanceRepository.listByProblem(db, problemId),
      acceptanceRepository.publicitiesOf(db, problemId),
      acceptanceRepository.closeoutsOf(db, problemId),
      closeoutRepository.reboundsOf(db, problemId),
    ])
    const [acceptances, publicities, reboundReviews] = await Promise.all([
      loadAcceptances(db, applications),
      loadPublicities(db, publicityRows, today),
      loadRebounds(db, reboundRows),
    ])
    return {
      acceptances,
      publicities,
      closeouts: closeoutRows.map(toCloseout),
      reboundReviews,
      can: computeCan(ctx.actor, s, {
        latest: applications[applications.length - 1],
        open: publicities.find((p) => p.status === 'open'),
        scheduledRebound: reboundRows.some((r) => r.status === 'scheduled'),
      }),
    }
  }
}
