import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import type { Config } from '../../config.js'
import { openDatabase } from '../../db/client.js'
import { appliedMigrations, expectedMigrations } from '../../db/migrate.js'
import { ensureRuntimeRole } from '../../db/roles.js'
import { archiveKind, runPgTool } from '../pg-tools.js'
import {
  CliError,
  adminUrl,
  lockPglite,
  cliConfig,
  nonEmptyDir,
  openCliDatabase,
  parse,
  pgliteDir,
  required,
  userPath,
  type Command,
} from '../support.js'

/** `rectify restore --in FILE --yes`: replaces the database with a backup. */
export const restore: Command = {
  name: 'restore',
  summary: 'replace the database with a backup (needs --yes)',
  usage: `Usage: rectify restore --in FILE --yes

Replaces the configured database with a backup made by \`rectify backup\`. Destructive: refused
without --yes when there is a database to replace.
  PostgreSQL (DATABASE_URL set): pg_restore --clean --if-exists --no-owner --single-transaction
                                 into the existing database; needs pg_restore on PATH. Stop the
                                 server first.
  embedded PGlite:               the current DATA_DIR/pglite is moved aside to
                                 DATA_DIR/pglite.before-restore-<time>, and the archive unpacked in
                                 its place. The server must not be running on this DATA_DIR.
Afterwards run \`rectify migrate\` if the backup came from an older version.

  --in FILE   the backup file
  --yes       confirm replacing the current database`,

  async run(argv) {
    const { values } = parse(argv, { in: { type: 'string' }, yes: { type: 'boolean' } })
    const file = userPath(required(values.in, 'in'))
    if (!existsSync(file)) throw new CliError(`${file} does not exist`)
    const config = cliConfig()
    const pgUrl = adminUrl(config)
    const kind = archiveKind(file)
    const wanted = pgUrl ? 'pg_dump' : 'pglite'
    if (kind !== wanted)
      throw new CliError(
        kind === 'unknown'
          ? `${file} is not a Rectify backup`
          : `${file} is a ${kind === 'pg_dump' ? 'PostgreSQL (pg_dump) backup: restore it with DATABASE_URL set' : 'PGlite backup: restore it with DATABASE_URL unset'}`,
      )
    const restored = pgUrl
      ? await restorePostgres(config, pgUrl, file, !!values.yes)
      : await restorePglite(config, file, !!values.yes)
    const expected = expectedMigrations()
    const hint =
      restored < expected
        ? `; run \`rectify migrate\` to apply the ${expected - restored} newer ones`
        : ''
    console.log(`restored ${file}: ${restored} of ${expected} migrations applied${hint}`)
    return 0
  },
}

const confirm = (what: string) => new CliError(`restore replaces ${what}: add --yes to confirm`, 2)

async function restorePostgres(
  config: Config,
  databaseUrl: string,
  file: string,
  yes: boolean,
): Promise<number> {
  if (!yes) throw confirm('the PostgreSQL database at DATABASE_URL')
  await runPgTool('pg_restore', databaseUrl, (url) => [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    '--dbname',
    url,
    file,
  ])
  const database = await openCliDatabase(config)
  try {
    // Restored objects belong to the owner; the runtime role's grants are made again.
    if (config.DATABASE_OWNER_URL && config.DATABASE_URL)
      await ensureRuntimeRole(database, config.DATABASE_URL)
    return await appliedMigrations(database)
  } finally {
    await database.close()
  }
}

async function restorePglite(config: Config, file: string, yes: boolean): Promise<number> {
  const dir = pgliteDir(config)
  const release = lockPglite(dir)
  try {
    return await restorePgliteLocked(dir, file, yes)
  } finally {
    release()
  }
}

async function restorePgliteLocked(dir: string, file: string, yes: boolean): Promise<number> {
  let aside: string | null = null
  if (nonEmptyDir(dir)) {
    if (!yes) throw confirm(`the embedded database at ${dir}`)
    aside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
    renameSync(dir, aside)
  }
  try {
    const database = await openDatabase({
      dataDir: dir,
      loadDataDir: new Blob([readFileSync(file)]),
    })
    let applied: number
    try {
      applied = await appliedMigrations(database)
    } finally {
      await database.close()
    }
    if (applied === 0) throw new Error('the archive holds no Rectify database')
    if (aside) console.log(`the previous database was moved to ${aside}`)
    return applied
  } catch (err) {
    // Put the previous database back, so a failed restore leaves things as they were.
    rmSync(dir, { recursive: true, force: true })
    if (aside) renameSync(aside, dir)
    throw new CliError(
      `restore failed: ${(err as Error).message}${aside ? '; the previous database is back in place' : ''}`,
    )
  }
}
