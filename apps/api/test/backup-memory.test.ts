import { spawn } from 'node:child_process'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it, inject } from 'vitest'
import { openDatabase } from '../src/db/client.js'

/**
 * `rectify backup` and `rectify restore` keep their memory bounded on the embedded database: the
 * peak RSS of the CLI process (measured in the child, by the kernel) grows by less than a fixed
 * bound when the data directory and the evidence files grow by hundreds of MiB. Each peak is
 * compared with the same command's on the same database before it grew, so PGlite's own memory
 * (a few hundred MiB) cancels out. A backup that held the database (PGlite's dumpDataDir) or an
 * entry in memory grows by more than the data itself and fails.
 */
const api = fileURLToPath(new URL('..', import.meta.url))
const root = mkdtempSync(join(tmpdir(), 'rectify-backup-memory-'))
const dataDir = join(root, 'data')
const TIMEOUT = 300_000
const MiB = 1024 * 1024
/** Growth allowed: chunks in flight, V8's heap before it collects, nothing proportional to data. */
const BOUND = 64 * MiB
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Reports the process's peak RSS (bytes) on stderr as it exits. */
const PEAK = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write(`\\npeak-rss ${process.resourceUsage().maxRSS * 1024}\\n`))",
)}`

/** Runs `rectify <args>` in a child process on `dir`; its exit status, output and peak RSS. */
function rectify(dir: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent' }
  for (const name of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'JWT_SECRET', 'FILES_DIR', 'INIT_CWD'])
    delete env[name]
  const child = spawn(process.execPath, ['--import', PEAK, 'bin/rectify.mjs', ...args], {
    cwd: api,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  return new Promise<{ status: number | null; output: string; peak: number }>((resolve) =>
    child.on('close', (status) => {
      const peak = Number(/peak-rss (\d+)/.exec(output)?.[1] ?? NaN)
      resolve({ status, output, peak })
    }),
  )
}

/** Grows the database by `rows` rows of 4 MiB (random, so nothing compresses) and adds evidence. */
async function grow(rows: number, evidence: number[]) {
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite') })
  try {
    const blob = join(dataDir, 'pglite', 'blob')
    writeFileSync(blob, randomBytes(4 * MiB))
    await database.query('create table ballast (id serial primary key, b bytea)')
    await database.query('alter table ballast alter column b set storage external')
    // Filled inside PostgreSQL (no 4 MiB parameters through the wire protocol: fast).
    await database.query(
      `insert into ballast (b) select pg_read_binary_file('blob') from generate_series(1, ${rows})`,
    )
    rmSync(blob)
    for (const size of evidence) {
      const id = randomBytes(16).toString('hex')
      const key = `${id.slice(-2)}/${id}`
      const bytes = randomBytes(size)
      mkdirSync(join(dataDir, 'files', id.slice(-2)), { recursive: true })
      writeFileSync(join(dataDir, 'files', key), bytes)
      await database.query(
        `insert into files (id, name, size, mime_type, sha256, storage_key) values ($1, 'scan.pdf', $2, 'application/pdf', $3, $4)`,
        [randomUUID(), size, createHash('sha256').update(bytes).digest('hex'), key],
      )
    }
  } finally {
    await database.close()
  }
}

describe.skipIf(!inject('pgliteSnapshot'))('backup and restore memory (PGlite)', () => {
  it(
    'peak RSS grows by less than 64 MiB for a data directory and files hundreds of MiB larger',
    { timeout: TIMEOUT },
    async () => {
      // A migrated database (the test snapshot, unpacked into a data directory of its own).
      const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))])
      const seeded = await openDatabase({ dataDir: join(dataDir, 'pglite'), loadDataDir: snapshot })
      await seeded.close()

      const small = join(root, 'small.tar')
      const large = join(root, 'large.tar')
      const b0 = await rectify(dataDir, ['backup', '--out', small])
      expect(b0.status, b0.output).toBe(0)
      await grow(24, [32 * MiB, 32 * MiB])
      const b1 = await rectify(dataDir, ['backup', '--out', large])
      expect(b1.status, b1.output).toBe(0)
      const grown = statSync(large).size - statSync(small).size
      expect(grown).toBeGreaterThan(200 * MiB) // the data grew by far more than the bound
      const mib = (n: number) => `${(n / MiB).toFixed(1)} MiB`
      console.log(
        `archive +${mib(grown)}; backup peak RSS ${mib(b0.peak)} → ${mib(b1.peak)} (+${mib(b1.peak - b0.peak)})`,
      )
      expect(b1.peak - b0.peak).toBeLessThan(BOUND)

      const r0 = await rectify(join(root, 'restored-small'), ['restore', '--in', small])
      expect(r0.status, r0.output).toBe(0)
      const r1 = await rectify(join(root, 'restored-large'), ['restore', '--in', large])
      expect(r1.status, r1.output).toBe(0)
      expect(r1.output).toMatch(/row counts match/)
      expect(r1.output).toMatch(/files: {4}2 of 2 verified \(64\.0 MiB\)/)
      console.log(`restore peak RSS ${mib(r0.peak)} → ${mib(r1.peak)} (+${mib(r1.peak - r0.peak)})`)
      expect(r1.peak - r0.peak).toBeLessThan(BOUND)
    },
  )
})
