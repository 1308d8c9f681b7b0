import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

/**
 * A PostgreSQL 15 cluster of the fault test's own (own directory, own port), started and stopped
 * with pg_ctl like scripts/pg-test.sh does: as the `postgres` user when we are root. An
 * immediate stop is a crash of the server, and its recovery is part of what is tested.
 */
const run = promisify(execFile)
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'
const asRoot = process.getuid?.() === 0

/** Why the fault tests cannot run here, or null. In CI (CI=true) they must run: no skip there. */
export function missingPostgres(): string | null {
  if (!existsSync(join(PG_BIN, 'pg_ctl')))
    return `PostgreSQL 15 binaries not found at ${PG_BIN} (install postgresql-15 or set PG_BIN)`
  return null
}

function asOwner(bin: string, args: string[]) {
  const file = join(PG_BIN, bin)
  return asRoot
    ? run('runuser', ['-u', 'postgres', '--', file, ...args], { timeout: 120_000 })
    : run(file, args, { timeout: 120_000 })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number }
        s.close(() => resolve(port))
      })
  })
}

export class Cluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  private get data() {
    return join(this.dir, 'data')
  }

  static async create(): Promise<Cluster> {
    const dir = mkdtempSync('/tmp/rectify-fault-pg-')
    chmodSync(dir, 0o755)
    mkdirSync(join(dir, 'data'), { mode: 0o700 })
    mkdirSync(join(dir, 'socket'))
    if (asRoot) await run('chown', ['-R', 'postgres:', dir])
    const { stdout: locales } = await run('locale', ['-a']).catch(() => ({ stdout: '' }))
    const locale = /^c\.utf-?8$/im.test(locales) ? ['--locale=C.UTF-8'] : ['--no-locale']
    const c = new Cluster(dir, await freePort())
    await asOwner('initdb', [
      ...['-D', c.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', ...locale],
    ])
    await c.start()
    return c
  }

  url(application = 'rectify-fault-test') {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres?application_name=${application}`
  }

  /** Starts the server and waits until it accepts connections (pg_ctl -w). */
  async start() {
    // fsync off only spares the disk (a crash of the server, not of the machine, loses nothing
    // with or without it); commits still wait for their WAL write.
    const opts = `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${join(this.dir, 'socket')} -c fsync=off`
    await asOwner('pg_ctl', [
      ...['-D', this.data, '-l', join(this.dir, 'postgres.log'), '-w', '-t', '60'],
      ...['start', '-o', opts],
    ])
  }

  /** `immediate`: every backend is killed at once, as in a crash; `fast`: rolled back, then down. */
  async stop(mode: 'fast' | 'immediate') {
    await asOwner('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop'])
  }

  log() {
    try {
      return readFileSync(join(this.dir, 'postgres.log'), 'utf8')
    } catch {
      return ''
    }
  }

  async destroy() {
    if (existsSync(join(this.data, 'postmaster.pid'))) await this.stop('immediate').catch(() => {})
    rmSync(this.dir, { recursive: true, force: true })
  }
}
