import { spawn } from 'node:child_process'
import { openSync, readSync, closeSync } from 'node:fs'
import { CliError } from './support.js'

/**
 * Runs a PostgreSQL client program (pg_dump, pg_restore) against `databaseUrl`. The password is
 * passed in PGPASSWORD rather than in the URL argument, so it never shows in the process list.
 * The program's own messages go straight to our stderr.
 */
export function runPgTool(
  program: string,
  databaseUrl: string,
  args: (url: string) => string[],
): Promise<void> {
  const url = new URL(databaseUrl)
  const password = decodeURIComponent(url.password)
  url.password = ''
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }
  return new Promise((resolve, reject) => {
    const child = spawn(program, args(url.toString()), {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new CliError(
              `${program} not found on PATH: install the PostgreSQL client tools (the same major version as the server)`,
            )
          : err,
      ),
    )
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new CliError(`${program} failed (${signal ?? `exit ${code}`}); see its messages above`),
          ),
    )
  })
}

/** What a backup file is, from its first bytes: a pg_dump custom archive or a gzip (PGlite) archive. */
export function archiveKind(file: string): 'pg_dump' | 'pglite' | 'unknown' {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(5)
    const n = readSync(fd, head, 0, 5, 0)
    if (n === 5 && head.toString('latin1') === 'PGDMP') return 'pg_dump'
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite'
    return 'unknown'
  } finally {
    closeSync(fd)
  }
}
