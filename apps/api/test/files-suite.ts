import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, files } from '../src/db/schema/index.js'
import { sha256Hex } from '../src/lib/hash.js'
import { cliContext } from '../src/lib/context.js'
import { FilesService } from '../src/modules/files/files.service.js'
import { fileStoreFor } from '../src/modules/files/stores.js'
import type { Config } from '../src/config.js'
import { buildAppOn, createTestApp, type TestApp } from './build-app.js'
import {
  docxBytes,
  elfBytes,
  makeProblem,
  makeRound,
  multipart,
  oleBytes,
  pdfBytes,
  pngBytes,
  upload,
  zipBytes,
} from './evidence-factories.js'
import { client, login, makeWorld } from './factories.js'

/** A file store under test: how to configure it and look inside it. */
export interface StoreUnderTest {
  start?(): Promise<void>
  stop?(): Promise<void>
  /** Configuration of an app with a new, empty store of this kind. */
  config(): Promise<Partial<Config>>
  /** What the store holds for that configuration: keys and any leftover temporary files. */
  list(config: Config): Promise<string[]>
  /** Deletes a key's bytes behind the app's back (as a lost disk or a wrong bucket would). */
  removeBytes(config: Config, key: string): Promise<void>
}

/** The evidence file tests, run against a store (files.test.ts: local; files-s3.test.ts: S3). */
export function fileTests(store: StoreUnderTest) {
  let t: TestApp
  let world: Awaited<ReturnType<typeof makeWorld>>
  const tokens: Record<string, string> = {}
  type Who = 'office' | 'lead' | 'unitA' | 'townA' | 'unitB' | 'leader' | 'auditor' | 'admin'
  const as = (who: Who) => client(t.app, tokens[who])

  beforeAll(async () => {
    await store.start?.()
    t = await createTestApp(await store.config())
    world = await makeWorld(t.database.db)
    for (const who of [
      'office',
      'lead',
      'unitA',
      'townA',
      'unitB',
      'leader',
      'auditor',
      'admin',
    ] as const)
      tokens[who] = (await login(t.app, world.users[who].username)).accessToken
  })
  afterAll(async () => {
    await t.close()
    await store.stop?.()
  })

  describe('uploading evidence', () => {
    it('stores a PNG with its size, sniffed type, SHA-256 and uploader, and gives it back byte for byte', async () => {
      const png = pngBytes(8)
      const res = await upload(t.app, tokens.unitA!, {
        filename: '现场照片.png',
        data: png,
        contentType: 'image/png',
      })
      expect(res.statusCode, res.body).toBe(201)
      const info = res.json()
      expect(info).toMatchObject({
        name: '现场照片.png',
        size: png.length,
        mimeType: 'image/png',
        sha256: sha256Hex(png),
      })
      expect(res.headers.location).toBe(`/api/v1/files/${info.id}`)
      const [row] = await t.database.db.select().from(files).where(eq(files.id, info.id))
      expect(row).toMatchObject({
        uploadedBy: world.users.unitA.id,
        unitId: world.units.countyA.id,
        ownerType: null,
        ownerId: null,
        problemId: null,
      })

      const down = await as('unitA').get(`/api/v1/files/${info.id}`)
      expect(down.statusCode).toBe(200)
      expect(down.rawPayload.equals(png)).toBe(true)
      expect(sha256Hex(down.rawPayload)).toBe(info.sha256)
      expect(down.headers['content-type']).toBe('image/png')
      expect(down.headers['content-length']).toBe(String(png.length))
      expect(down.headers['x-content-type-options']).toBe('nosniff')
      expect(down.headers.etag).toBe(`"${info.sha256}"`)
      expect(down.headers['content-disposition']).toBe(
        `attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`,
      )
      const again = await as('unitA').get(`/api/v1/files/${info.id}`, {
        'if-none-match': `"${info.sha256}"`,
      })
      expect(again.statusCode).toBe(304)
    })

    it('stores a PDF and audits the upload', async () => {
      const pdf = pdfBytes()
      const res = await upload(t.app, tokens.lead!, { filename: '整改方案 (第2版).pdf', data: pdf })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toMatchObject({
        mimeType: 'application/pdf',
        name: '整改方案 (第2版).pdf',
        sha256: sha256Hex(pdf),
      })
      const down = await as('lead').get(`/api/v1/files/${res.json().id}`)
      expect(down.rawPayload.equals(pdf)).toBe(true)
      expect(down.headers['content-disposition']).toContain(
        "filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%96%B9%E6%A1%88%20%28%E7%AC%AC2%E7%89%88%29.pdf",
      )
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'file.uploaded'), eq(auditLog.entityId, res.json().id)))
      expect(entry!.after).toMatchObject({ sha256: sha256Hex(pdf), problemId: null })
    })

    const kinds: [string, () => Buffer, string, string, string][] = [
      [
        'a Word document',
        docxBytes,
        '报告.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        '报告.docx',
      ],
      [
        'a plain ZIP archive',
        () => zipBytes({ 'a.txt': 'hello' }),
        '材料.zip',
        'application/zip',
        '材料.zip',
      ],
      [
        'a legacy Word document',
        () => oleBytes('WordDocument'),
        '旧报告.doc',
        'application/msword',
        '旧报告.doc',
      ],
      [
        'a GIF',
        () => Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20)]),
        'a.gif',
        'image/gif',
        'a.gif',
      ],
      [
        'a JPEG',
        () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20)]),
        'a.jpeg',
        'image/jpeg',
        'a.jpeg',
      ],
      [
        'a WebP',
        () =>
          Buffer.concat([
            Buffer.from('RIFF'),
            Buffer.alloc(4),
            Buffer.from('WEBPVP8 '),
            Buffer.alloc(10),
          ]),
        'a.webp',
        'image/webp',
        'a.webp',
      ],
      ['a PDF named like a photo', pdfBytes, 'photo.png', 'application/pdf', 'photo.png.pdf'],
      ['a PNG without a name', () => pngBytes(), '', 'image/png', 'file.png'],
      [
        'a path and control characters in the name',
        () => pngBytes(),
        '..\\..\\etc\\pass\u202ewd\u0001.png',
        'image/png',
        'pass_wd_.png',
      ],
    ]
    it.each(kinds)(
      'recognises %s from its bytes',
      async (_name, bytes, filename, mimeType, stored) => {
        const res = await upload(t.app, tokens.unitA!, {
          filename,
          data: bytes(),
          contentType: 'text/plain',
        })
        expect(res.statusCode, res.body).toBe(201)
        expect(res.json()).toMatchObject({ mimeType, name: stored })
      },
    )

    it('keeps names to 200 characters, extension included', async () => {
      const res = await upload(t.app, tokens.unitA!, {
        filename: `${'长'.repeat(300)}.pdf`,
        data: pdfBytes(),
      })
      expect(res.json().name).toBe(`${'长'.repeat(196)}.pdf`)
    })

    it('lets office, lead-unit and unit users upload, not leaders, auditors or admins', async () => {
      for (const who of ['office', 'lead', 'townA'] as const)
        expect(
          (await upload(t.app, tokens[who]!, { filename: 'a.png', data: pngBytes() })).statusCode,
        ).toBe(201)
      for (const who of ['leader', 'auditor', 'admin'] as const)
        expect(
          (await upload(t.app, tokens[who]!, { filename: 'a.png', data: pngBytes() })).statusCode,
        ).toBe(403)
    })
  })

  describe('refused uploads leave nothing behind', () => {
    const refused: [string, string, Buffer][] = [
      ['a Linux executable', 'tool.png', elfBytes()],
      ['a Windows executable', 'setup.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)])],
      ['a text file named x.png', 'x.png', Buffer.from('just some text, not an image\n')],
      [
        'an SVG image (scripts inside)',
        'x.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ],
      ['an OLE2 file that is no Office document (an installer)', 'x.doc', oleBytes(null)],
      ['an empty file', 'empty.pdf', Buffer.alloc(0)],
    ]
    it.each(refused)('refuses %s with 415', async (_name, filename, data) => {
      const before = await t.database.db.select().from(files)
      const res = await upload(t.app, tokens.unitA!, { filename, data, contentType: 'image/png' })
      expect(res.statusCode, res.body).toBe(415)
      expect(res.json().code).toBe('unsupported_media_type')
      expect(await t.database.db.select().from(files)).toHaveLength(before.length)
      expect((await store.list(t.config)).filter((f) => f.includes('.part'))).toEqual([])
    })

    it('refuses a body that is not multipart with 415', async () => {
      const res = await as('unitA').post('/api/v1/files', { file: 'aGVsbG8=' })
      expect(res.statusCode).toBe(415)
    })

    it('refuses a multipart body without a part named file (400), and a malformed one (400, never 5xx)', async () => {
      const wrong = multipart([{ name: 'upload', filename: 'a.png', data: pngBytes() }])
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        payload: wrong.payload,
        headers: { ...wrong.headers, authorization: `Bearer ${tokens.unitA}` },
      })
      expect(res.statusCode).toBe(400)
      const onlyField = multipart([{ name: 'note', data: 'hi' }])
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/files',
            payload: onlyField.payload,
            headers: { ...onlyField.headers, authorization: `Bearer ${tokens.unitA}` },
          })
        ).statusCode,
      ).toBe(400)
      const good = multipart([{ name: 'file', filename: 'a.png', data: pngBytes(64) }])
      const rows = (await t.database.db.select().from(files)).length
      for (const at of [20, 120, 200, good.payload.length - 10]) {
        const cut = good.payload.subarray(0, at)
        const broken = await t.app.inject({
          method: 'POST',
          url: '/api/v1/files',
          payload: cut,
          headers: { ...good.headers, authorization: `Bearer ${tokens.unitA}` },
        })
        expect(broken.statusCode, `cut at ${at}`).toBe(400)
      }
      expect(await t.database.db.select().from(files)).toHaveLength(rows)
      const noBoundary = await t.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        payload: good.payload,
        headers: { 'content-type': 'multipart/form-data', authorization: `Bearer ${tokens.unitA}` },
      })
      expect(noBoundary.statusCode).toBe(400)
      expect((await store.list(t.config)).filter((f) => f.includes('.part'))).toEqual([])
    })

    it('refuses a file over FILE_MAX_BYTES with 413: no file on disk, no row, and accepts one at the limit', async () => {
      const own = { ...t.config, ...(await store.config()) }
      const small = await buildAppOn(t.database, { ...own, FILE_MAX_BYTES: 2048 })
      try {
        const token = (await login(small, world.users.unitA.username)).accessToken
        const rows = (await t.database.db.select().from(files)).length
        expect(await store.list(own)).toEqual([])
        const pdf = pdfBytes()
        const over = [
          Buffer.concat([pngBytes(64, [1, 2, 3]), Buffer.alloc(3000)]),
          Buffer.concat([pdf, Buffer.alloc(50_000, 0x20)]),
          Buffer.concat([pdf, Buffer.alloc(2049 - pdf.length, 0x20)]), // one byte over
        ]
        for (const data of over) {
          const res = await upload(small, token, { filename: 'big.pdf', data })
          expect(res.statusCode, res.body).toBe(413)
          expect(res.json().code).toBe('payload_too_large')
        }
        expect(await store.list(own)).toEqual([])
        expect(await t.database.db.select().from(files)).toHaveLength(rows)
        const ok = await upload(small, token, {
          filename: 'exact.pdf',
          data: Buffer.concat([pdf, Buffer.alloc(2048 - pdf.length, 0x20)]),
        })
        expect(ok.statusCode, ok.body).toBe(201)
        expect(ok.json().size).toBe(2048)
        expect((await store.list(own)).filter((f) => !f.endsWith('/'))).toHaveLength(1)
      } finally {
        await small.close()
      }
    })
  })

  describe('downloading evidence', () => {
    it("answers 404 for another user's unattached upload, even to the office", async () => {
      const id = (
        await upload(t.app, tokens.unitA!, { filename: 'a.png', data: pngBytes() })
      ).json().id
      for (const who of ['townA', 'unitB', 'office', 'leader', 'lead'] as const)
        expect((await as(who).get(`/api/v1/files/${id}`)).statusCode).toBe(404)
      expect((await as('unitA').get(`/api/v1/files/${id}`)).statusCode).toBe(200)
      expect(
        (await as('unitA').get(`/api/v1/files/01900000-0000-7000-8000-000000000000`)).statusCode,
      ).toBe(404)
    })

    it("authorises an attached file like its problem: a county never reads another county's evidence", async () => {
      const round = await makeRound(t.database.db)
      const p = await makeProblem(t.database.db, {
        round,
        leadUnit: world.units.eeb,
        region: world.units.countyA,
        status: 'in_progress',
      })
      const png = pngBytes(5)
      const id = (await upload(t.app, tokens.unitA!, { filename: 'a.png', data: png })).json().id
      const report = await as('unitA').post(`/api/v1/problems/${p.id}/reports`, {
        period: '2026-09',
        done: '完成管网改造',
        percent: 30,
        evidenceIds: [id],
      })
      expect(report.statusCode, report.body).toBe(201)
      for (const who of ['unitA', 'office', 'lead', 'leader', 'auditor', 'admin'] as const) {
        const res = await as(who).get(`/api/v1/files/${id}`)
        expect(res.statusCode, who).toBe(200)
        expect(res.rawPayload.equals(png)).toBe(true)
      }
      // Another county, and a township below the county (the problem is not assigned to it).
      for (const who of ['unitB', 'townA'] as const)
        expect((await as(who).get(`/api/v1/files/${id}`)).statusCode, who).toBe(404)
    })

    it('answers 410 problem+json file_missing when the bytes are gone from the store, never 500', async () => {
      const id = (
        await upload(t.app, tokens.unitA!, { filename: 'b.png', data: pngBytes(3) })
      ).json().id
      const [row] = await t.database.db.select().from(files).where(eq(files.id, id))
      await store.removeBytes(t.config, row!.storageKey)
      const res = await as('unitA').get(`/api/v1/files/${id}`)
      expect(res.statusCode).toBe(410)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.json()).toMatchObject({ status: 410, code: 'file_missing' })
      // Someone who may not see the file still gets 404: a missing file reveals nothing.
      expect((await as('unitB').get(`/api/v1/files/${id}`)).statusCode).toBe(404)
    })
  })

  describe('purging unattached uploads', () => {
    it('removes rows and bytes of uploads never attached after 24 hours, and keeps the rest', async () => {
      const service = new FilesService(
        t.database.db,
        fileStoreFor(t.config),
        t.config.FILE_MAX_BYTES,
      )
      const old = (
        await upload(t.app, tokens.townA!, { filename: 'old.png', data: pngBytes(3) })
      ).json().id
      const fresh = (
        await upload(t.app, tokens.townA!, { filename: 'new.png', data: pngBytes(2) })
      ).json().id
      await t.database.query(
        `update files set created_at = now() - interval '25 hours' where id = $1`,
        [old],
      )
      const [oldRow] = await t.database.db.select().from(files).where(eq(files.id, old))
      const before = await store.list(t.config)
      expect(before).toContain(oldRow!.storageKey)
      expect(await service.purgeUnattached(cliContext('purge-files'))).toBeGreaterThanOrEqual(1)
      expect(await t.database.db.select().from(files).where(eq(files.id, old))).toHaveLength(0)
      expect(await store.list(t.config)).not.toContain(oldRow!.storageKey)
      expect(await t.database.db.select().from(files).where(eq(files.id, fresh))).toHaveLength(1)
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'file.purged'), eq(auditLog.entityId, old)))
      expect(entry).toBeTruthy()
    })
  })
}
