import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import type { Acceptance, Role } from '@rectify/schemas'
import type { Db, Tx } from '../db/client.js'
import {
  calendarDays,
  files,
  measures,
  problems,
  progressReports,
  rounds,
  units,
  users,
} from '../db/schema/index.js'
import type { Ctx } from '../lib/context.js'
import { addDays, periodOf } from '../lib/dates.js'
import { uuidv7 } from '../lib/ids.js'
import { searchTokens } from '../lib/search.js'
import { AcceptanceService } from '../modules/acceptance/index.js'
import { DEFAULT_LIGHT_SETTINGS } from '../modules/problems/index.js'
import { refreshDerived, sealPhones, syncProblemUnits } from '../modules/problems/index.js'
import { CLOSEOUT_PROBLEMS, HOLIDAYS, type CloseoutProblem } from './acceptance-data.js'
import { demoPdf } from './evidence.js'
import type { LedgerSeedContext } from './ledger.js'

/**
 * The demo's close-out stages, made through the acceptance services so every record is real
 * (applications, reviews with frozen snapshots, publicity, close-outs, rebound reviews, audit):
 * the ledger's three problems at the door of acceptance go under county acceptance, under city
 * review and into publicity; five more go through publicity and close-out to every end. Past
 * steps run on a clock set back to when they happened. Also the 2026–2027 holiday calendar.
 */
export async function seedAcceptance(
  tx: Tx,
  c: LedgerSeedContext,
): Promise<{ acceptances: number; closed: number; calendarDays: number }> {
  await tx.insert(calendarDays).values(HOLIDAYS).onConflictDoNothing()
  const [round] = await tx.select({ id: rounds.id }).from(rounds).limit(1)
  const office = await userCtx(tx, c.users.office)
  const flow = new Flow(tx, c, office)

  // The ledger leaves these in `acceptance` with all work done; the application itself is made
  // here, so they step back to in_progress first and apply through the service.
  const waiting = await tx
    .select({ id: problems.id, lead: problems.leadUnitId })
    .from(problems)
    .where(eq(problems.status, 'acceptance'))
    .orderBy(problems.code)
  await tx
    .update(problems)
    .set({ status: 'in_progress', public: true })
    .where(eq(problems.status, 'acceptance'))
  const [county, city, publicity] = waiting
  if (county) await flow.apply(county, -3)
  if (city) await flow.review(await flow.apply(city, -12), -8)
  if (publicity) {
    await flow.passBoth(await flow.apply(publicity, -20), -16, -12)
    await flow.publicity(publicity.id, -1)
  }

  let closed = 0
  for (const [k, d] of CLOSEOUT_PROBLEMS.entries()) {
    const p = await insertProblem(tx, c, round!.id, d, 41 + k)
    const start = d.applied
    await flow.passBoth(await flow.apply(p, start), start + 4, start + 7)
    await flow.publicity(p.id, start + 10)
    if (d.state === 'publicity_over') continue
    await flow.close(p.id, start + 25, d.state === 'not_rectified')
    closed++
    if (d.state === 'rebound_passed') await flow.rebound(p.id, start + 125, 'pass')
    if (d.state === 'rebound_failed') await flow.rebound(p.id, start + 140, 'fail')
  }
  return {
    acceptances: waiting.length + CLOSEOUT_PROBLEMS.length,
    closed,
    calendarDays: HOLIDAYS.length,
  }
}

/** The context of a demo account, as the auth plugin would build it. */
async function userCtx(tx: Tx, userId: string): Promise<Ctx> {
  const [u] = await tx
    .select({ user: users, path: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
  const roles = u!.user.roles as Role[]
  const cityWide = roles.some(
    (r) => r === 'office' || r === 'admin' || r === 'leader' || r === 'auditor',
  )
  return {
    actor: {
      type: 'user',
      id: u!.user.id,
      name: u!.user.username,
      unitId: u!.user.unitId,
      unitPath: cityWide ? null : u!.path,
      roles,
      scopes: [],
      sessionId: null,
      cityWide,
    },
    meta: { requestId: null, ip: null, userAgent: 'rectify-cli/seed --demo' },
  }
}

/** Runs the close-out steps of one problem at chosen days relative to today. */
class Flow {
  constructor(
    private readonly tx: Tx,
    private readonly c: LedgerSeedContext,
    private readonly office: Ctx,
  ) {}

  /** The services on a clock `offset` days from today (10:00 Asia/Shanghai). */
  private at(offset: number) {
    const day = addDays(this.c.today, offset)
    // The seed's transaction stands in for the database: each step runs in a savepoint.
    const s = new AcceptanceService(this.tx as unknown as Db, DEFAULT_LIGHT_SETTINGS, {
      clock: () => new Date(`${day}T10:00:00+08:00`),
    })
    return { s, day }
  }

  private version(id: string) {
    return this.tx
      .select({ v: problems.version })
      .from(problems)
      .where(eq(problems.id, id))
      .then((r) => r[0]!.v)
  }

  /** The lead unit applies: the demo `eco` account for the ecology bureau, else its liaison. */
  async apply(p: { id: string; lead: string }, offset: number): Promise<Acceptance> {
    const { s, day } = this.at(offset)
    const eco = await userCtx(this.tx, this.c.users.eco)
    const ctx = eco.actor.unitId === p.lead ? eco : await this.liaison(p.lead)
    const fileIds = ctx.actor.id ? await this.materials(ctx.actor.id, day) : []
    return s.applications.apply(ctx, p.id, await this.version(p.id), {
      selfCheck: `对照整改方案逐项自查：各项整改措施已于${day}前全部完成，整改效果经监测达到规定标准，建立了日常巡查和长效监管机制，申请验收销号。`,
      fileIds,
    })
  }

  /** The office reviews the current level (there is no county reviewer account in the demo). */
  async review(a: Acceptance, offset: number): Promise<Acceptance> {
    const { s, day } = this.at(offset)
    const level = a.levels[a.currentLevel!]
    return s.applications.review(this.office, a.id, a.version, {
      checkDate: day,
      decision: 'pass',
      checklist: a.criteria.map((criterion) => ({ criterion, met: true, note: '现场核查属实' })),
      opinion:
        level === 'county'
          ? '经县级验收组现场核查，整改措施落实到位，同意通过县级验收，报市级复核。'
          : '经市级复核，整改到位，资料齐全，同意通过验收，进入销号公示。',
    })
  }

  async passBoth(a: Acceptance, county: number, city: number) {
    return this.review(await this.review(a, county), city)
  }

  async publicity(problemId: string, offset: number) {
    const { s } = this.at(offset)
    await s.closeout.openPublicity(this.office, problemId, await this.version(problemId), {
      notice:
        '该问题已完成整改并通过验收，现予以公示。公示期间如有异议，请通过本平台“我要反映”提交，我们将认真核实处理。',
    })
  }

  async close(problemId: string, offset: number, notRectified: boolean) {
    const { s } = this.at(offset)
    await s.closeout.close(this.office, problemId, await this.version(problemId), {
      outcome: notRectified ? 'not_rectified' : 'rectified',
      ...(notRectified && {
        reason: '涉事企业已依法关停并拆除生产设施，整改任务灭失，经研究按未整改到位销号。',
      }),
    })
  }

  /** Records the earliest scheduled rebound review of the problem. */
  async rebound(problemId: string, offset: number, result: 'pass' | 'fail') {
    const { s, day } = this.at(offset)
    const file = await s.file(this.office, problemId)
    const review = file.reboundReviews.find((r) => r.status === 'scheduled')!
    await s.closeout.recordRebound(this.office, review.id, review.version, {
      source: result === 'fail' ? 'inspection' : 'office',
      checkDate: day,
      result,
      findings:
        result === 'fail'
          ? '明察暗访发现龙潭河下游又出现2处夜间偷采点，河床新增采砂坑，问题反弹。'
          : '回头看现场核查，违章建筑未见反弹，界标完好，水质稳定达标。',
    })
  }

  /** A lead unit without a demo account acts through its liaison (no login, no id). */
  private async liaison(unitId: string): Promise<Ctx> {
    const [u] = await this.tx.select().from(units).where(eq(units.id, unitId))
    return {
      actor: {
        type: 'user',
        id: null,
        name: `${u!.name} 整改联络员`,
        unitId,
        unitPath: u!.path,
        roles: ['lead_unit'],
        scopes: [],
        sessionId: null,
        cityWide: false,
      },
      meta: { requestId: null, ip: null, userAgent: 'rectify-cli/seed --demo' },
    }
  }

  /** The acceptance report as an uploaded, still unattached file of `userId`. */
  private async materials(userId: string, day: string): Promise<string[]> {
    if (!this.c.store) return []
    const stored = await this.c.store.put(Readable.from([demoPdf(`Acceptance report ${day}`)]))
    const id = uuidv7()
    await this.tx.insert(files).values({
      id,
      name: '整改验收自验报告.pdf',
      size: stored.size,
      mimeType: 'application/pdf',
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedBy: userId,
    })
    return [id]
  }
}

/** A problem in progress with its work done: one finished measure and an accepted report. */
async function insertProblem(
  tx: Tx,
  c: LedgerSeedContext,
  roundId: string,
  d: CloseoutProblem,
  n: number,
) {
  const id = uuidv7()
  const lead = c.unit(d.lead)
  const code = `反馈问题第${n}项`
  const start = addDays(c.today, -420)
  await tx.insert(problems).values({
    id,
    roundId,
    code,
    title: d.title,
    description: d.description,
    source: 'feedback',
    nature: 'individual',
    domain: d.domain,
    regionId: c.unit(d.region),
    mode: 'time_bound',
    target: `${d.measure}，按期完成整改并通过验收。`,
    deadline: addDays(c.today, 30),
    leadLeader: { name: '林志强', post: '副市长' },
    leadUnitId: lead,
    responsiblePersons: sealPhones(c.cipher, [
      { name: '吴晓燕', post: '科长', phone: '0791-8801' },
    ]),
    public: true,
    status: 'in_progress',
    reportedProgress: 100,
    searchTokens: searchTokens(code, d.title, d.description),
    createdAt: new Date(`${start}T09:00:00+08:00`),
  })
  await tx.insert(measures).values({
    id: uuidv7(),
    problemId: id,
    seq: 1,
    content: d.measure,
    unitId: lead,
    personName: '吴晓燕',
    startDate: start,
    deadline: addDays(c.today, -240),
    status: 'done',
    percent: 100,
    doneDate: addDays(c.today, -245),
  })
  await tx.insert(progressReports).values({
    id: uuidv7(),
    problemId: id,
    unitId: c.unit(d.region),
    period: periodOf(addDays(c.today, -250)),
    done: `${d.measure}，已全部完成。`,
    percent: 100,
    nextSteps: '申请验收销号。',
    status: 'accepted',
    reviewNote: '同意。',
    reviewedBy: c.users.office,
    reviewedAt: new Date(`${addDays(c.today, -248)}T10:00:00+08:00`),
    submittedBy: null,
    submittedByName: '县区整改联络员',
  })
  await syncProblemUnits(tx, id)
  await refreshDerived(tx, [id], c.today)
  return { id, lead }
}
