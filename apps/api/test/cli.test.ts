import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { afterAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../src/seed/demo.js'

/**
 * The admin CLI, run as the operator runs it: a child process on an embedded PGlite data
 * directory. The cases build on one another (migrate → seed → create → verify → back up and
 * restore → tamper), sharing one temporary DATA_DIR, since every PGlite start costs a second or two.
 */
const apiDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = join(apiDir, '../..')
const root = mkdtempSync(join(tmpdir(), 'rectify-cli-'))
const dataDir = join(root, 'data')
const STRONG = 'Jiangzhou#2026'
/**
 * Every run starts Node, tsx and PGlite: 2–5 s on an idle machine, but several times that on a
 * busy CI runner, and a case makes up to four runs (the demo seed alone is ~20 s under load).
 */
const TIMEOUT = 240_000

/** Runs still going when the file ends (a timed-out case) are stopped before the cleanup. */
const running = new Set<ChildProcess>()
afterAll(() => {
  for (const child of running) child.kill('SIGKILL')
  rmSync(root, { recursive: true, force: true, maxRetries: 3 })
})

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

interface RunOptions {
  input?: string
  /** DATA_DIR as given to the command (the shared one by default). */
  dir?: string
  /**
   * Run as the README shows, `pnpm rectify …` at the repo root: the root script
   * (`node apps/api/bin/rectify.mjs`) in the root directory, which pnpm passes on as INIT_CWD.
   */
  fromRoot?: boolean
}

/** Runs `rectify <args>` on `dir` (the shared DATA_DIR by default), optionally feeding stdin. */
function rectify(args: string[], opts: RunOptions = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: opts.dir ?? dataDir,
    PASSWORD_POLICY: 'mlps3',
  }
  delete env.DATABASE_URL
  delete env.INIT_CWD
  if (opts.fromRoot) env.INIT_CWD = repoRoot
  const argv = opts.fromRoot
    ? ['apps/api/bin/rectify.mjs', ...args]
    : ['--import', 'tsx', 'src/cli/index.ts', ...args]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: opts.fromRoot ? repoRoot : apiDir, env })
    running.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (status) => {
      running.delete(child)
      resolve({ status, stdout, stderr })
    })
    child.stdin.end(opts.input ?? '')
  })
}

/** Opens a data directory directly, as a superuser with shell access could (the CLI has exited). */
async function withPglite<T>(dir: string, fn: (db: PGlite) => Promise<T>): Promise<T> {
  const db = await PGlite.create(join(dir, 'pglite'), { extensions: { pg_trgm } })
  try {
    return await fn(db)
  } finally {
    await db.close()
  }
}

/**
 * The CLI always runs here on an embedded data directory of its own (DATABASE_URL is removed from
 * its environment), whatever database the suite runs on: the PostgreSQL pass would repeat these
 * runs unchanged, so only the embedded pass makes them. The commands themselves run on
 * PostgreSQL in backup.test.ts (migrate, seed, backup, restore, doctor, in-process).
 */
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('rectify CLI', () => {
  it(
    'refuses bad arguments with the usage text and exit status 2',
    { timeout: TIMEOUT },
    async () => {
      const bad = await rectify(['create-user', '--username', 'x', '--nope'])
      expect(bad.status).toBe(2)
      expect(bad.stderr).toMatch(/^rectify create-user: Unknown option '--nope'/)
      expect(bad.stderr).toContain('Usage: rectify create-user')
      expect(bad.stderr).not.toMatch(/\n\s+at /) // no stack trace
    },
  )

  it('migrates, and reports the migration status', { timeout: TIMEOUT }, async () => {
    const migrate = await rectify(['migrate'])
    expect(migrate.stderr).toBe('')
    expect(migrate.status).toBe(0)

    const status = await rectify(['migrate', '--status'])
    expect(status.status).toBe(0)
    expect(status.stdout).toMatch(/(\d+) applied, \1 expected \(up to date\)/)
  })

  it('seeds the demo city once and refuses a second seed', { timeout: TIMEOUT }, async () => {
    const first = await rectify(['seed', '--demo'])
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/seeded the demo city: \d+ units, 7 accounts/)

    const second = await rectify(['seed', '--demo'])
    expect(second.status).toBe(1)
    expect(second.stderr.trim()).toBe(
      'rectify seed: the database already has units: seed --demo needs an empty database',
    )
  })

  it(
    'creates a user only with a password that meets the policy, and resets it',
    { timeout: TIMEOUT },
    async () => {
      const args = [
        'create-user',
        '--username',
        'wangfang',
        '--unit',
        'JZ-EEB',
        '--role',
        'lead_unit',
        '--password-stdin',
      ]
      const weak = await rectify(args, { input: 'password\n' })
      expect(weak.status).not.toBe(0)
      expect(weak.stderr).toMatch(/^rectify create-user: Password .+\n$/)

      const good = await rectify([...args, '--display-name', '市生态环境局 王芳'], {
        input: `${STRONG}\n`,
      })
      expect(good.stderr).toBe('')
      expect(good.status).toBe(0)
      expect(good.stdout).toMatch(/created user wangfang \(.+\) in JZ-EEB/)

      const reset = await rectify(
        ['reset-password', '--username', 'wangfang', '--password-stdin'],
        { input: `${STRONG}!\n` },
      )
      expect(reset.status).toBe(0)
      expect(reset.stdout).toContain('password reset for wangfang')
    },
  )

  it(
    'creates a unit under a parent, as the admin screen does, and refuses a taken code',
    { timeout: TIMEOUT },
    async () => {
      const args = [
        'create-unit',
        '--code',
        'JZ-NEW',
        '--name',
        ' 市新建局 ',
        '--kind',
        'department',
      ]
      const made = await rectify([...args, '--parent', 'JZ'])
      expect(made.stderr).toBe('')
      expect(made.status).toBe(0)
      expect(made.stdout).toMatch(/^created unit JZ-NEW 市新建局 \(.+\), under JZ$/m)
      const again = await rectify(args)
      expect(again.status).toBe(1)
      expect(again.stderr).toContain('JZ-NEW is taken')
      const rows = await withPglite(dataDir, async (db) => {
        const r = await db.query<{ parent: string | null; path: string; audited: number }>(
          `select (select code from units p where p.id = u.parent_id) parent, u.path,
             (select count(*)::int from audit_log a where a.action = 'unit.created'
               and a.entity_id = u.id::text and a.actor_type = 'cli') audited
           from units u where u.code = 'JZ-NEW'`,
        )
        return r.rows
      })
      expect(rows).toEqual([
        { parent: 'JZ', path: expect.stringMatching(/^\/.+\/.+\/$/), audited: 1 },
      ])
    },
  )

  it('creates an API client and prints its secret once', { timeout: TIMEOUT }, async () => {
    const run = await rectify([
      'create-client',
      '--name',
      '12345 热线',
      '--scope',
      'units:read',
      '--scope',
      'problems:read',
      '--unit',
      'JZ-LH',
    ])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^client_id: rc_\S+$/m)
    expect(run.stdout).toMatch(/^client_secret: [\w-]{40,}$/m)
  })

  it(
    'run from the repo root, reads a relative DATA_DIR against apps/api as the server does',
    { timeout: TIMEOUT },
    async () => {
      // The default DATA_DIR (./data) is such a relative path: apps/api/data, not <root>/data.
      const relativeDir = relative(apiDir, dataDir)
      expect(relativeDir.startsWith('..')).toBe(true)
      const args = ['create-client', '--name', '省督察平台', '--scope', 'problems:read']
      const run = await rectify(args, { fromRoot: true, dir: relativeDir })
      expect(run.stderr).not.toContain('no database')
      expect(run.status).toBe(0)
      expect(run.stdout).toMatch(/^client_id: rc_\S+$/m)
      const names = await withPglite(dataDir, async (db) =>
        (await db.query<{ name: string }>('select name from api_clients')).rows.map((r) => r.name),
      )
      expect(names).toContain('省督察平台')
    },
  )

  it('backs up and restores into a fresh data directory', { timeout: TIMEOUT }, async () => {
    const file = join(root, 'backup.tar.gz')
    const backup = await rectify(['backup', '--out', file])
    expect(backup.stderr).toMatch(/^NOTE: no keys are in this backup/)
    expect(backup.status).toBe(0)

    const fresh = join(root, 'restored')
    const restore = await rectify(['restore', '--in', file], { dir: fresh })
    expect(restore.stderr).toBe('')
    expect(restore.status).toBe(0)
    const names = await withPglite(fresh, async (db) =>
      (await db.query<{ username: string }>('select username from users')).rows.map(
        (r) => r.username,
      ),
    )
    expect(names).toEqual(
      expect.arrayContaining([...DEMO_USERS.map((u) => u.username), 'wangfang']),
    )

    // A second restore over a database needs --yes, and keeps the replaced one aside.
    const refused = await rectify(['restore', '--in', file], { dir: fresh })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('add --yes')
    const confirmed = await rectify(['restore', '--in', file, '--yes'], { dir: fresh })
    expect(confirmed.status).toBe(0)
    expect(confirmed.stdout).toMatch(/previous database was moved to .*pglite\.before-restore-/)
  })

  it(
    'verifies the audit chain, and names the entry a superuser altered',
    { timeout: TIMEOUT },
    async () => {
      const ok = await rectify(['audit', 'verify'])
      expect(ok.status).toBe(0)
      expect(ok.stdout).toMatch(/^audit chain OK: [1-9]\d* entries$/m)

      // Disabling the append-only triggers (session_replication_role) is what a superuser can do.
      const seq = await withPglite(dataDir, async (db) => {
        await db.exec('SET session_replication_role = replica')
        const res = await db.query<{ seq: string }>(
          `update audit_log set after = jsonb_set(after, '{roles}', '["admin"]')
          where seq = (select seq from audit_log where action = 'user.created' limit 1) returning seq::text`,
        )
        return res.rows[0]!.seq
      })

      const broken = await rectify(['audit', 'verify'])
      expect(broken.status).toBe(1)
      expect(broken.stderr).toContain(`audit chain BROKEN at entry ${seq}:`)
    },
  )
})
