import type { FieldCipher } from '../lib/crypto/field-cipher.js'
import { and, asc, eq } from 'drizzle-orm'
import type { Role } from '@rectify/schemas'
import type { Db, Tx } from '../db/client.js'
import { problems, rounds, units, users } from '../db/schema/index.js'
import type { Actor, Ctx } from '../lib/context.js'
import { addDays } from '../lib/dates.js'
import { PetitionBatchesService } from '../modules/petitions/index.js'
import { PetitionHandlingService } from '../modules/petitions/index.js'
import { PetitionsService } from '../modules/petitions/index.js'
import { DEFAULT_LIGHT_SETTINGS } from '../modules/problems/index.js'
import { ProblemsService } from '../modules/problems/index.js'
import { BATCH_ONE, BATCH_TWO, type DemoCase } from './petitions-data.js'

export interface PetitionsSeedContext {
  cipher: FieldCipher
  officeId: string
  countyId: string
  unit: (code: string) => string
  today: string
}

const META = { requestId: null, ip: null, userAgent: 'rectify-cli/seed --demo' }

async function userCtx(tx: Tx, userId: string, unitPath: string | null): Promise<Ctx> {
  const [u] = await tx.select().from(users).where(eq(users.id, userId))
  const actor: Actor = {
    type: 'user',
    id: u!.id,
    name: u!.displayName,
    unitId: u!.unitId,
    unitPath,
    roles: u!.roles as Role[],
    scopes: [],
    sessionId: null,
    cityWide: unitPath === null,
  }
  return { actor, meta: META }
}

/** A county without a demo account reports through the CLI acting as its handling staff. */
function unitCtx(unit: { id: string; name: string; path: string }): Ctx {
  return {
    actor: {
      type: 'cli',
      id: null,
      name: `${unit.name}信访件办理专班`,
      unitId: unit.id,
      unitPath: unit.path,
      roles: ['unit'],
      scopes: [],
      sessionId: null,
      cityWide: false,
    },
    meta: META,
  }
}

/**
 * The demo petition cases, through the services (so audit, events, inbox messages and the
 * derived columns are as in real use): 第一批 handed over 40 days ago, assigned, reported and
 * reviewed — mostly closed, one partly closed, a call-back — and published; 第二批 handed over
 * 12 days ago, being handled (临湖县's cases wait for the `county` account), one reported and
 * waiting for review, one not assigned yet, and one repeat of a 第一批 case. One case is linked
 * to a ledger problem of 临湖县. Complainants are fake (张先生, 138****0001 ...).
 */
export async function seedPetitions(
  tx: Tx,
  c: PetitionsSeedContext,
): Promise<{ petitionBatches: number; petitions: number }> {
  const db = tx as unknown as Db
  const petitions = new PetitionsService(db, DEFAULT_LIGHT_SETTINGS, c.cipher)
  const handling = new PetitionHandlingService(
    db,
    new ProblemsService(db, DEFAULT_LIGHT_SETTINGS, c.cipher),
  )
  const batches = new PetitionBatchesService(db)
  const office = await userCtx(tx, c.officeId, null)
  const lh = await tx
    .select()
    .from(units)
    .where(eq(units.id, c.unit('JZ-LH')))
  const county = await userCtx(tx, c.countyId, lh[0]!.path)
  const [round] = await tx.select({ id: rounds.id }).from(rounds).orderBy(asc(rounds.id)).limit(1)

  const ids = new Map<string, { id: string; version: number }>()
  const seed = async (seq: number, daysAgo: number, cases: DemoCase[]) => {
    const batch = await batches.create(office, {
      roundId: round!.id,
      seq,
      handedOn: addDays(c.today, -daysAgo),
      source: 'central',
      declaredCount: cases.length,
      handlingDays: 10,
      note: `中央第五生态环境保护督察组第${seq}批交办信访件`,
    })
    for (const d of cases) {
      const unitId = c.unit(d.county)
      const [u] = await tx.select().from(units).where(eq(units.id, unitId))
      const created = await petitions.create(office, {
        batchId: batch.id,
        receiptNo: d.receiptNo,
        regionText: u!.name,
        regionIds: [unitId],
        reportedParty: d.reportedParty,
        address: d.address,
        domains: d.domains,
        complaint: d.complaint,
        keyCase: d.keyCase ?? false,
        complainantName: d.complainant[0],
        complainantContact: d.complainant[1],
      })
      let version = created.version
      if (d.state !== 'received') {
        await handling.assign(office, { petitionIds: [created.id], unitId })
        version++
      }
      if (d.report) {
        const by = d.county === 'JZ-LH' ? county : unitCtx(u!)
        await handling.report(by, created.id, version++, d.report)
      }
      if (d.state === 'closed' || d.state === 'partly_closed') {
        const decision = d.state === 'closed' ? 'close' : 'partly_close'
        await handling.review(office, created.id, version++, { decision })
      }
      ids.set(d.receiptNo, { id: created.id, version })
    }
    return batch
  }

  const first = await seed(1, 40, BATCH_ONE)
  await seed(2, 12, BATCH_TWO)
  const at = (receiptNo: string) => ids.get(receiptNo)!
  const bump = (receiptNo: string) => at(receiptNo).version++

  await handling.callback(office, at('X5JZ202609010001').id, bump('X5JZ202609010001'), {
    satisfaction: 'satisfied',
    note: '回访举报人，对整改结果表示满意，河水已明显好转。',
    on: addDays(c.today, -8),
  })
  await handling.callback(office, at('X5JZ202609010003').id, bump('X5JZ202609010003'), {
    satisfaction: 'basically_satisfied',
    note: '回访举报人，认为养殖场已关停，希望加快水塘修复。',
    on: addDays(c.today, -6),
  })
  // A case linked to a ledger problem of 临湖县 still being rectified (never a closed one:
  // the demo's close-outs stay as the acceptance seed made them).
  const [problem] = await tx
    .select({ id: problems.id })
    .from(problems)
    .where(and(eq(problems.regionId, c.unit('JZ-LH')), eq(problems.status, 'in_progress')))
    .orderBy(asc(problems.code))
    .limit(1)
  if (problem)
    await handling.problem(office, at('X5JZ202609010001').id, bump('X5JZ202609010001'), {
      problemId: problem.id,
    })
  // 第二批's 恒昌化工 complaint repeats 第一批's.
  await petitions.setRepeat(
    office,
    at('X5JZ202609130001').id,
    bump('X5JZ202609130001'),
    at('X5JZ202609010001').id,
  )
  await batches.publish(office, first.id, first.version)
  return { petitionBatches: 2, petitions: BATCH_ONE.length + BATCH_TWO.length }
}
