import { chmodSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { runPgTool } from '../pg-tools.js'
import {
  CliError,
  adminUrl,
  cliConfig,
  parse,
  pgliteDir,
  required,
  userPath,
  withDatabase,
  type Command,
} from '../support.js'

/** `rectify backup --out FILE`: pg_dump on PostgreSQL, a data-directory archive on PGlite. */
export const backup: Command = {
  name: 'backup',
  summary: 'write a backup of the database to a file',
  usage: `Usage: rectify backup --out FILE

Writes a backup of the configured database to FILE (which must not exist yet):
  PostgreSQL (DATABASE_URL set): pg_dump --format=custom; needs pg_dump on PATH, of the server's
                                 major version; the server may keep running.
  embedded PGlite:               a gzip archive of DATA_DIR/pglite. Stop the server first: PGlite
                                 cannot be opened by two processes at once.
Only the database is in it: copy the evidence files (FILES_DIR, default DATA_DIR/files) and
JWT_SECRET (or DATA_DIR/signing-key) separately.

  --out FILE   where to write the backup (relative to the current directory)`,

  async run(argv) {
    const { values } = parse(argv, { out: { type: 'string' } })
    const out = userPath(required(values.out, 'out'))
    if (existsSync(out))
      throw new CliError(`${out} already exists; choose another name or delete it`)
    const config = cliConfig()
    const pgUrl = adminUrl(config)
    // Written under a temporary name and renamed when complete, so FILE is never a partial backup.
    const partial = `${out}.partial`
    try {
      if (pgUrl) {
        await runPgTool('pg_dump', pgUrl, (url) => ['--format=custom', '--file', partial, url])
        chmodSync(partial, 0o600) // it holds password hashes
      } else {
        await withDatabase(config, async (database) => {
          const archive = await database.pglite!.dumpDataDir('gzip')
          writeFileSync(partial, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 })
        })
      }
      renameSync(partial, out)
    } finally {
      rmSync(partial, { force: true })
    }
    const source = pgUrl ? 'PostgreSQL (pg_dump custom format)' : `PGlite ${pgliteDir(config)}`
    console.log(`backup written to ${out} from ${source}`)
    return 0
  },
}
