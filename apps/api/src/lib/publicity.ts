import { AppError } from '../errors.js'
import type { Actor } from './context.js'
import { shanghaiDate } from './dates.js'

/** Where a close-out notice's 公示期 stands on a given day: before, within or after it. */
export type PublicityPhase = 'upcoming' | 'running' | 'ended'

/** A publicity period: `YYYY-MM-DD` dates in Asia/Shanghai, both days included. */
export interface PublicityPeriod {
  startDate: string
  endDate: string
}

/**
 * The phase of a period on `today` (a Shanghai date): the start and end days both belong to the
 * period, so objections are taken from 00:00 on the start day to 24:00 on the end day, Shanghai
 * time. The public board, the objection intake and close-out all read the period through this.
 */
export function publicityPhase(p: PublicityPeriod, today: string): PublicityPhase {
  if (today < p.startDate) return 'upcoming'
  return today > p.endDate ? 'ended' : 'running'
}

/**
 * Why an objection at `at` to a notice with this period is refused — 409 `publicity_not_open`
 * before the start day, `publicity_closed` after the end day, the detail naming the period — or
 * null when it falls within the period.
 */
export function objectionRefusal(p: PublicityPeriod, at: Date = new Date()): AppError | null {
  const phase = publicityPhase(p, shanghaiDate(at))
  if (phase === 'running') return null
  const period = `${p.startDate} to ${p.endDate} (Asia/Shanghai, both days included)`
  return phase === 'upcoming'
    ? new AppError(
        'publicity_not_open',
        `Objections are taken during the publicity period, ${period}; it has not started yet`,
      )
    : new AppError(
        'publicity_closed',
        `Objections were taken during the publicity period, ${period}; it is over`,
      )
}

/**
 * Who rules objections to a problem's close-out notice — one rule for the file's
 * `can.ruleObjections` and for the ruling itself: the office (a user with the office role, or a
 * city-wide client with public_reports:write), never on a problem its own unit leads (nobody
 * judges objections to their own unit's work).
 */
export function rulesObjections(actor: Actor, leadUnitId?: string | null): boolean {
  const office =
    actor.type === 'client'
      ? actor.cityWide && actor.scopes.includes('public_reports:write')
      : actor.type === 'user' && actor.roles.includes('office')
  return office && !(leadUnitId && actor.unitId === leadUnitId)
}
