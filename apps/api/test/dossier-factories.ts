import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import yauzl from 'yauzl'
import type { Db } from '../src/db/client.js'
import {
  acceptanceReviews,
  acceptances,
  closeouts,
  files,
  problems,
  publicReports,
  publicities,
  reboundReviews,
} from '../src/db/schema/index.js'
import { cliContext } from '../src/lib/context.js'
import { uuidv7 } from '../src/lib/ids.js'
import { recordAudit } from '../src/modules/audit/audit.writer.js'
import {
  day,
  makeMeasure,
  makeProblem,
  makeRound,
  pdfBytes,
  pngBytes,
  upload,
} from './evidence-factories.js'
import { client, type makeWorld } from './factories.js'

/** Test data for the dossier (一案一档): a problem through its whole life, and a zip reader. */

type World = Awaited<ReturnType<typeof makeWorld>>

/** What the objection's reporter left: it must never leave the office. */
export const REPORTER = { name: '举报人甲乙丙', contact: '13912345678' }

/** Every entry of a zip, in archive order. */
export function unzip(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err)
      const out: { name: string; data: Buffer }[] = []
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) })
            zip.readEntry()
          })
        }),
      )
      zip.on('end', () => resolve(out))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

/**
 * A closed problem led by the EEB in county A: a measure with a milestone, two reports by county
 * A with evidence (accepted by the office), a passed acceptance with materials and a checklist
 * (one criterion not met), an ended publicity with a rejected objection (whose reporter left a
 * name and contact), a close-out and a scheduled rebound review. The acceptance-side rows are
 * inserted directly: this file tests the dossier, not the services that write them.
 */
export async function makeClosedProblem(
  app: FastifyInstance,
  db: Db,
  world: World,
  tokens: { unitA: string; lead: string; office: string },
) {
  const round = await makeRound(db)
  const p = await makeProblem(db, {
    round,
    leadUnit: world.units.eeb,
    region: world.units.countyA,
    status: 'in_progress',
  })
  await db
    .update(problems)
    .set({ title: '<script>alert(1)</script>污水厂超标' })
    .where(eq(problems.id, p.id))
  await makeMeasure(db, {
    problem: p,
    unit: world.units.countyA,
    milestones: [{ name: '管网铺设完成', dueDate: day(20) }],
  })
  for (const [i, data] of [[pngBytes(), pdfBytes('first')], [pngBytes(8)]].entries()) {
    const ids: string[] = []
    for (const d of data) {
      const up = await upload(app, tokens.unitA, { filename: `现场照片${i}.bin`, data: d })
      expect(up.statusCode, up.body).toBe(201)
      ids.push(up.json().id)
    }
    const r = await client(app, tokens.unitA).post(`/api/v1/problems/${p.id}/reports`, {
      period: `2026-0${i + 8}`,
      done: `第${i + 1}期完成管网改造`,
      percent: 40 + i * 30,
      evidenceIds: ids,
    })
    expect(r.statusCode, r.body).toBe(201)
    const rv = await client(app, tokens.office).post(
      `/api/v1/reports/${r.json().id}/review`,
      { decision: 'accept', note: '材料齐全' },
      { 'if-match': '"1"' },
    )
    expect(rv.statusCode, rv.body).toBe(200)
  }
  const material = await upload(app, tokens.lead, { filename: '自验报告.pdf', data: pdfBytes() })
  const acceptanceId = uuidv7()
  await db.insert(acceptances).values({
    id: acceptanceId,
    problemId: p.id,
    seq: 1,
    status: 'passed',
    selfCheck: '已完成全部措施',
    levels: ['city'],
    criteria: ['整改措施全部落实到位', '长效机制建立健全'],
    appliedByName: '牵头单位经办人',
    appliedUnitId: world.units.eeb.id,
  })
  await db
    .update(files)
    .set({ ownerType: 'acceptance', ownerId: acceptanceId, problemId: p.id })
    .where(eq(files.id, material.json().id))
  await db.insert(acceptanceReviews).values({
    id: uuidv7(),
    acceptanceId,
    problemId: p.id,
    level: 0,
    levelKind: 'city',
    reviewerName: '整改办复核人',
    reviewerUnitId: world.units.office.id,
    checkDate: day(-2),
    checklist: [
      { criterion: '整改措施全部落实到位', met: true, note: '现场核实管网已通水' },
      { criterion: '长效机制建立健全', met: false, note: '制度文件待印发' },
    ],
    opinion: '同意通过验收',
    decision: 'pass',
  })
  const publicityId = uuidv7()
  await db.insert(publicities).values({
    id: publicityId,
    problemId: p.id,
    acceptanceId,
    status: 'ended',
    notice: '拟销号公示：污水厂问题已整改到位',
    days: 5,
    startDate: day(-10),
    endDate: day(-3),
    openedByName: '整改办',
  })
  const objectionId = uuidv7()
  await db.insert(publicReports).values({
    id: objectionId,
    trackingCode: `T${objectionId.slice(-10)}`,
    reporterType: 'citizen',
    name: REPORTER.name,
    contact: REPORTER.contact,
    content: '排口夜间仍有异味',
    problemId: p.id,
    publicityId,
    status: 'objection',
    ruling: 'rejected',
    rulingReason: '经夜间暗访监测达标',
    challengeSalt: uuidv7(),
  })
  // As the public-report service may log it: the dossier must still leave the reporter out.
  await db.transaction((tx) =>
    recordAudit(tx, cliContext('test'), {
      action: 'public_report.received',
      entityType: 'public_report',
      entityId: objectionId,
      after: {
        problemId: p.id,
        ...REPORTER,
        content: '排口夜间仍有异味',
      },
    }),
  )
  const closeoutId = uuidv7()
  await db.insert(closeouts).values({
    id: closeoutId,
    problemId: p.id,
    publicityId,
    outcome: 'rectified',
    closedOn: day(-1),
    closedByName: '整改办',
  })
  await db.insert(reboundReviews).values({
    id: uuidv7(),
    problemId: p.id,
    closeoutId,
    months: 3,
    dueDate: day(90),
  })
  await db
    .update(problems)
    .set({ status: 'closed', outcome: 'rectified', closedOn: day(-1) })
    .where(eq(problems.id, p.id))
  return (await db.select().from(problems).where(eq(problems.id, p.id)))[0]!
}
