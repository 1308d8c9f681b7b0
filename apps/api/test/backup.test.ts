import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp } from '../src/app.js'
import { filesDir, referencedFiles, tableCounts } from '../src/cli/backup/archive.js'
import { backup } from '../src/cli/commands/backup.js'
import { doctor } from '../src/cli/commands/doctor.js'
import { migrate } from '../src/cli/commands/migrate.js'
import { restore } from '../src/cli/commands/restore.js'
import { seed } from '../src/cli/commands/seed.js'
import { cliConfig, withDatabase } from '../src/cli/support.js'
import { sha256Hex } from '../src/lib/hash.js'
import { loadSigningKey } from '../src/lib/keys.js'
import { BATCH_ONE, BATCH_TWO } from '../src/seed/petitions-data.js'
import { verifyAuditChain } from '../src/modules/audit/audit.service.js'
import { DEMO_PASSWORD } from '../src/seed/demo.js'
import { DEMO_PERSONS } from '../src/seed/ledger.js'
import { TEST_SIGNING_KEY, testConfig } from './build-app.js'
import { TEMPLATE_DB, withDatabase as databaseUrl } from './database.js'
import { client } from './factories.js'

/**
 * `rectify backup` → wipe → `rectify restore` on the database this suite runs on (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL), with the demo city's evidence files; then a tampered archive
 * and `rectify doctor`. The commands run in this process, as the CLI runs them, on a DATA_DIR of
 * their own.
 */
const root = mkdtempSync(join(tmpdir(), 'rectify-backup-'))
const dataDir = join(root, 'data')
const archive = join(root, 'backup.tar')
const passphrase = join(root, 'passphrase')
const pgUrl = process.env.TEST_DATABASE_URL
const dbName = `rectify_backup_${Date.now().toString(36)}`
const saved = { ...process.env }
const TIMEOUT = 240_000

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: pgUrl })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

/** Runs a command in-process; resolves to its exit status and what it printed. */
async function run(command: { run(argv: string[]): Promise<number> }, argv: string[]) {
  const out: string[] = []
  const keep = (...args: unknown[]) => void out.push(args.join(' '))
  const spies = (['log', 'warn', 'error'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation(keep),
  )
  try {
    const status = await command.run(argv)
    return { status, output: out.join('\n') }
  } finally {
    for (const s of spies) s.mockRestore()
  }
}

const counts = () => withDatabase(cliConfig(), tableCounts)

beforeAll(async () => {
  process.env.DATA_DIR = dataDir
  process.env.LOG_LEVEL = 'silent'
  delete process.env.JWT_SECRET
  delete process.env.FILES_DIR
  delete process.env.INIT_CWD
  if (pgUrl) {
    await admin(`create database ${dbName} template ${TEMPLATE_DB}`)
    process.env.DATABASE_URL = databaseUrl(pgUrl, dbName)
  } else delete process.env.DATABASE_URL
  writeFileSync(passphrase, 'a passphrase the operator keeps\n')
  loadSigningKey({ dataDir }) // as the first start does
  expect((await run(migrate, [])).status).toBe(0)
  const seeded = await run(seed, ['--demo'])
  expect(seeded.status, seeded.output).toBe(0)
}, TIMEOUT)

afterAll(async () => {
  process.env = saved
  if (pgUrl) await admin(`drop database if exists ${dbName} with (force)`)
  rmSync(root, { recursive: true, force: true })
})

describe('rectify backup and restore', () => {
  it(
    'round trip: identical row counts, every evidence file downloadable with its SHA-256, keys back, audit OK',
    { timeout: TIMEOUT },
    async () => {
      const before = await counts()
      const key = readFileSync(join(dataDir, 'signing-key'), 'utf8')
      // The key-encryption key the first start generated: the complainants in the database
      // are readable only with it.
      const dataKey = readFileSync(join(dataDir, 'data-key'), 'utf8')
      const made = await run(backup, ['--out', archive, '--passphrase-file', passphrase])
      expect(made.status, made.output).toBe(0)
      expect(made.output).toMatch(/backup written to .+ \d+ files/)
      expect(readFileSync(archive).includes(key)).toBe(false) // never in clear
      expect(readFileSync(archive).includes(dataKey.trim())).toBe(false)
      // The demo's complainants are in the database only sealed, so not in the backup's bytes
      // either (an embedded backup holds the raw data pages; pg_dump's are compressed as well).
      const bytes = readFileSync(archive)
      for (const { complainant } of [...BATCH_ONE, ...BATCH_TWO])
        for (const value of complainant) expect(bytes.includes(Buffer.from(value))).toBe(false)
      // Nor the responsible persons' phones of the demo ledger.
      for (const { phone } of DEMO_PERSONS) expect(bytes.includes(Buffer.from(phone))).toBe(false)

      // Wipe: the database, the files and the key are gone.
      rmSync(dataDir, { recursive: true, force: true })
      if (pgUrl) {
        await admin(`drop database ${dbName} with (force)`)
        await admin(`create database ${dbName}`)
      }
      const back = await run(restore, ['--in', archive, '--passphrase-file', passphrase])
      expect(back.output).toMatch(/row counts match/)
      expect(back.output).toMatch(/audit: {4}chain OK: [1-9]\d* entries/)
      expect(back.status, back.output).toBe(0)
      expect(await counts()).toEqual(before)
      expect(readFileSync(join(dataDir, 'signing-key'), 'utf8')).toBe(key)
      expect(readFileSync(join(dataDir, 'data-key'), 'utf8')).toBe(dataKey)
      expect(statSync(join(dataDir, 'data-key')).mode & 0o777).toBe(0o600)

      await withDatabase(cliConfig(), async (database) => {
        expect((await verifyAuditChain(database)).ok).toBe(true)
        const rows = await referencedFiles(database)
        expect(rows.length).toBeGreaterThan(0)
        // The restored data-key, not the tests' fixed DATA_KEY, opens the restored data keys.
        const app = await buildApp(testConfig({ DATA_DIR: dataDir, DATA_KEY: undefined }), {
          database,
          signingKey: TEST_SIGNING_KEY,
        })
        try {
          const login = await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'office', password: DEMO_PASSWORD },
          })
          const office = client(app, login.json().accessToken)
          for (const row of rows) {
            const res = await office.get(`/api/v1/files/${row.id}`)
            expect(res.statusCode, `${row.id} ${row.name}`).toBe(200)
            expect(sha256Hex(res.rawPayload)).toBe(row.sha256)
          }
        } finally {
          await app.close()
        }
      })
    },
  )

  it('names a file altered in the archive and replaces nothing', { timeout: TIMEOUT }, async () => {
    const bytes = readFileSync(archive)
    const [first] = await withDatabase(cliConfig(), referencedFiles)
    const at = bytes.indexOf(`files/${first!.key}`)
    expect(at).toBeGreaterThan(0)
    bytes[at + 512 + 10]! ^= 0xff // a byte of its content, after the 512-byte header
    const tampered = join(root, 'tampered.tar')
    writeFileSync(tampered, bytes)
    const before = await counts()

    await expect(run(restore, ['--in', tampered, '--yes'])).rejects.toThrow(
      `files/${first!.key} (file ${first!.id}): SHA-256 differs from the manifest`,
    )
    expect(await counts()).toEqual(before)
    const done = await run(doctor, [])
    expect(done.status, done.output).toBe(0)
  })

  it('refuses a non-empty target without --yes', { timeout: TIMEOUT }, async () => {
    await expect(run(restore, ['--in', archive])).rejects.toThrow(/add --yes to confirm/)
  })

  it(
    '--encrypt: nothing readable in the archive; a wrong passphrase restores nothing; the right one and the right data key read complainants back; a wrong data key is named',
    { timeout: TIMEOUT },
    async () => {
      const encrypted = join(root, 'backup.enc')
      const made = await run(backup, [
        '--out',
        encrypted,
        '--passphrase-file',
        passphrase,
        '--encrypt',
      ])
      expect(made.status, made.output).toBe(0)
      expect(made.output).toMatch(/encrypted \(AES-256-GCM\) with the passphrase/)
      // The plain archive names its tables and entries in clear (the manifest); this one nothing.
      const plain = readFileSync(archive)
      const bytes = readFileSync(encrypted)
      const names = ['audit_log', 'petitions', 'data_keys', 'manifest.json', 'rectify-backup.json']
      for (const name of names) expect(plain.includes(name), name).toBe(true)
      for (const name of names) expect(bytes.includes(name), name).toBe(false)
      for (const { complainant, complaint } of [...BATCH_ONE, ...BATCH_TWO])
        for (const value of [...complainant, complaint])
          expect(bytes.includes(Buffer.from(value)), value).toBe(false)
      expect(bytes.includes(readFileSync(join(dataDir, 'data-key'), 'utf8').trim())).toBe(false)

      const before = await counts()
      const wrong = join(root, 'wrong-passphrase')
      writeFileSync(wrong, 'not the passphrase at all\n')
      await expect(run(restore, ['--in', encrypted, '--yes'])).rejects.toThrow(
        /is an encrypted backup: give its passphrase/,
      )
      await expect(
        run(restore, ['--in', encrypted, '--yes', '--passphrase-file', wrong]),
      ).rejects.toThrow(/does not open this encrypted backup .*nothing was restored/)
      expect(await counts()).toEqual(before)

      const dataKey = readFileSync(join(dataDir, 'data-key'), 'utf8')
      rmSync(dataDir, { recursive: true, force: true })
      if (pgUrl) {
        await admin(`drop database ${dbName} with (force)`)
        await admin(`create database ${dbName}`)
      }
      const back = await run(restore, ['--in', encrypted, '--passphrase-file', passphrase])
      expect(back.status, back.output).toBe(0)
      expect(back.output).toMatch(/row counts match/)
      expect(await counts()).toEqual(before)
      expect(readFileSync(join(dataDir, 'data-key'), 'utf8')).toBe(dataKey)

      const names2 = [...BATCH_ONE, ...BATCH_TWO].map((b) => b.complainant[0])
      await withDatabase(cliConfig(), async (database) => {
        const config = testConfig({ DATA_DIR: dataDir, DATA_KEY: undefined })
        const app = await buildApp(config, { database, signingKey: TEST_SIGNING_KEY })
        try {
          const login = await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'office', password: DEMO_PASSWORD },
          })
          const office = client(app, login.json().accessToken)
          const rows = await database.query<{ id: string }>(
            `select id from petitions where complainant_name <> '' order by id limit 3`,
          )
          expect(rows.length).toBeGreaterThan(0)
          for (const { id } of rows) {
            const res = await office.get(`/api/v1/petitions/${id}/complainant`)
            expect(res.statusCode, res.body).toBe(200)
            expect(names2).toContain(res.json().name)
          }
        } finally {
          await app.close()
        }
        // Another key-encryption key: the API refuses to start and names both keys.
        const other = join(root, 'other-key')
        writeFileSync(other, `${'ab'.repeat(32)}\n`, { mode: 0o600 })
        await expect(
          buildApp(testConfig({ DATA_DIR: dataDir, DATA_KEY: undefined, DATA_KEY_FILE: other }), {
            database,
            signingKey: TEST_SIGNING_KEY,
          }),
        ).rejects.toThrow(
          /data key \S+ was wrapped by key-encryption key local:[0-9a-f]{16}, but the configured key is local:[0-9a-f]{16}/,
        )
      })
    },
  )

  it('doctor names a deleted and a corrupted file', { timeout: TIMEOUT }, async () => {
    const [gone, bad] = await withDatabase(cliConfig(), referencedFiles)
    const store = filesDir(cliConfig())
    rmSync(join(store, gone!.key))
    writeFileSync(join(store, bad!.key), 'not what was uploaded')
    const found = await run(doctor, [])
    expect(found.status).toBe(1)
    expect(found.output).toMatch(new RegExp(`1 referenced but missing .*${gone!.id}`))
    expect(found.output).toMatch(new RegExp(`1 whose bytes do not match their SHA-256: ${bad!.id}`))
    expect(found.output).toMatch(/ok {4}audit: chain OK/)
  })
})
