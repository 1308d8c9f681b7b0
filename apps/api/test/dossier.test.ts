import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { and, asc, eq, isNotNull, lte, or, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, files } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import type { DossierFile } from '../src/modules/dossier/dossier.repository.js'
import { zipDossier } from '../src/modules/dossier/dossier.zip.js'
import { createTestApp, type TestApp } from './build-app.js'
import { REPORTER, makeClosedProblem, unzip } from './dossier-factories.js'
import { client, login, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
const tokens: Record<string, string> = {}
const WHO = ['office', 'lead', 'unitA', 'unitB', 'auditor'] as const
const as = (who: (typeof WHO)[number]) => client(t.app, tokens[who])
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function download(problemId: string, who: (typeof WHO)[number] = 'office') {
  const res = await as(who).get(`/api/v1/problems/${problemId}/dossier`)
  expect(res.statusCode, res.body).toBe(200)
  const entries = await unzip(res.rawPayload)
  const byName = new Map(entries.map((e) => [e.name, e.data]))
  const manifest = JSON.parse(byName.get('manifest.json')!.toString('utf8'))
  return { res, entries, byName, manifest, html: byName.get('index.html')!.toString('utf8') }
}

let problem: Awaited<ReturnType<typeof makeClosedProblem>>
let dossier: Awaited<ReturnType<typeof download>>

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  for (const who of WHO) tokens[who] = (await login(t.app, world.users[who].username)).accessToken
  problem = await makeClosedProblem(t.app, t.database.db, world, {
    unitA: tokens.unitA!,
    lead: tokens.lead!,
    office: tokens.office!,
  })
  dossier = await download(problem.id)
})
afterAll(() => t.close())

describe('GET /problems/:id/dossier', () => {
  it('sends a zip named after the problem, with an ASCII fallback name', () => {
    expect(dossier.res.headers['content-type']).toBe('application/zip')
    const disposition = String(dossier.res.headers['content-disposition'])
    expect(disposition).toContain(`filename="dossier-${problem.id}.zip"`)
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(`一案一档-${problem.code}.zip`)}`,
    )
  })

  it('lists every other entry in a last manifest.json whose sizes and hashes match the bytes', () => {
    const names = dossier.entries.map((e) => e.name)
    expect(names[0]).toBe('index.html')
    expect(names.at(-1)).toBe('manifest.json')
    expect(names).toContain('audit.jsonl')
    const listed = dossier.manifest.entries as { path: string; size: number; sha256: string }[]
    expect(listed.map((e) => e.path).sort()).toEqual(names.slice(0, -1).sort())
    for (const e of listed) {
      const data = dossier.byName.get(e.path)!
      expect(e.size, e.path).toBe(data.length)
      expect(e.sha256, e.path).toBe(sha(data))
    }
    expect(dossier.manifest.problem).toMatchObject({ id: problem.id, code: problem.code })
    expect(dossier.manifest.generator.version).toEqual(expect.any(String))
  })

  it('holds every evidence file of the problem with the hash the files table recorded', async () => {
    const rows = await t.database.db
      .select()
      .from(files)
      .where(and(eq(files.problemId, problem.id), isNotNull(files.ownerType)))
    expect(rows).toHaveLength(4)
    const evidence = (
      dossier.manifest.entries as { fileId?: string; sha256: string; mismatch?: boolean }[]
    ).filter((e) => e.fileId)
    expect(evidence.map((e) => e.fileId).sort()).toEqual(rows.map((r) => r.id).sort())
    for (const row of rows) {
      const entry = evidence.find((e) => e.fileId === row.id)!
      expect(entry).toMatchObject({ sha256: row.sha256, storedSha256: row.sha256 })
      expect(entry.mismatch).toBeUndefined()
    }
    expect(dossier.manifest.missingFiles).toEqual([])
  })

  it('summarises the records in a printable, escaped Chinese page', () => {
    const { html } = dossier
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('@page { size: A4')
    for (const heading of ['基本情况', '整改方案与措施', '节点', '进展报告', '验收记录'])
      expect(html).toContain(heading)
    for (const heading of ['公示与异议', '销号', '回头看']) expect(html).toContain(heading)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;污水厂超标')
    expect(html).not.toMatch(/<script/i)
    for (const text of [
      problem.code,
      '管网铺设完成',
      '第2期完成管网改造',
      '材料齐全',
      '自验报告.pdf',
      '制度文件待印发',
      '未达到',
      '排口夜间仍有异味',
      '经夜间暗访监测达标',
      '异议不成立',
      '整改到位',
      '销号后3个月',
    ])
      expect(html, text).toContain(text)
  })

  it('never carries the reporter of an objection', () => {
    for (const e of dossier.entries) {
      expect(e.data.includes(REPORTER.contact), e.name).toBe(false)
      expect(e.data.includes(REPORTER.name), e.name).toBe(false)
    }
  })

  it("carries the problem's whole audit trail, this export included, one entry a line", async () => {
    const lines = dossier.byName
      .get('audit.jsonl')!
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    const actions = lines.map((l) => l.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'report.submitted',
        'report.accepted',
        'file.attached',
        'public_report.received',
        'problem.dossier_exported',
      ]),
    )
    for (const l of lines)
      expect(l).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    // Exactly the timeline's selection up to the export, in chain order.
    const last = BigInt(lines.at(-1).seq)
    const expected = await t.database.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(
        and(
          or(
            and(eq(auditLog.entityType, 'problem'), eq(auditLog.entityId, problem.id)),
            sql`(${auditLog.after} ->> 'problemId') = ${problem.id}`,
          ),
          lte(auditLog.seq, last),
        ),
      )
      .orderBy(asc(auditLog.seq))
    expect(lines.map((l) => l.seq)).toEqual(expected.map((r) => r.seq.toString()))
  })

  it('records each export in the audit log under the lead unit', async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'problem.dossier_exported'), eq(auditLog.entityId, problem.id)),
      )
    expect(rows.length).toBeGreaterThanOrEqual(1)
    expect(rows[0]).toMatchObject({ entityType: 'problem', unitId: world.units.eeb.id })
  })

  it('lets the auditor and the region unit download, and answers 404 to another unit and for a missing problem', async () => {
    await download(problem.id, 'auditor')
    await download(problem.id, 'unitA')
    expect((await as('unitB').get(`/api/v1/problems/${problem.id}/dossier`)).statusCode).toBe(404)
    expect((await as('office').get(`/api/v1/problems/${uuidv7()}/dossier`)).statusCode).toBe(404)
  })

  it('marks a file whose bytes no longer match, and lists a lost one, instead of failing', async () => {
    const rows = await t.database.db.select().from(files).where(eq(files.problemId, problem.id))
    const [changed, lost] = rows
    await t.database.db
      .update(files)
      .set({ sha256: '0'.repeat(64) })
      .where(eq(files.id, changed!.id))
    await t.database.db
      .update(files)
      .set({ storageKey: `00/${'0'.repeat(32)}` })
      .where(eq(files.id, lost!.id))
    const { manifest } = await download(problem.id)
    expect(manifest.entries).toContainEqual(
      expect.objectContaining({ fileId: changed!.id, sha256: changed!.sha256, mismatch: true }),
    )
    expect(manifest.missingFiles).toEqual([expect.objectContaining({ fileId: lost!.id })])
  })
})

describe('zipDossier', () => {
  it('stops reading and closes the open file when the client goes away', async () => {
    const opened: Readable[] = []
    const fake = (id: string) => ({ id, ownerType: 'report', ownerId: 'r', name: `${id}.bin` })
    const zip = zipDossier({
      problem: { id: 'p', code: 'c', title: 't' },
      generatedAt: new Date(),
      html: async function* () {
        yield '<p>x</p>'
      },
      evidence: async function* () {
        for (const id of ['a', 'b', 'c']) yield fake(id) as unknown as DossierFile
      },
      audit: async function* () {
        yield '{}\n'
      },
      open: async () => {
        // 8 MB that is produced only as fast as it is read.
        const source = Readable.from(
          (function* () {
            for (let i = 0; i < 512; i++) yield Buffer.alloc(16 * 1024, i)
          })(),
        )
        opened.push(source)
        return source
      },
    })
    let received = 0
    await new Promise<void>((resolve) => {
      zip.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > 256 * 1024) {
          zip.destroy()
          resolve()
        }
      })
    })
    await new Promise((r) => setTimeout(r, 50))
    expect(opened).toHaveLength(1)
    expect(opened[0]!.destroyed).toBe(true)
  })
})
