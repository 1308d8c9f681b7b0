import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * One process at a time on an embedded (PGlite) data directory. PGlite has no lock of its own: a
 * second process opening the same directory runs a second PostgreSQL over the same files and
 * corrupts them. The holder writes its pid into `<dir>.lock` (created exclusively); a lock whose
 * process is gone (a crash, `kill -9`) is stale and taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the embedded database at ${dir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}): ` +
        `stop it first (one data directory cannot be opened by two processes). ` +
        `If no such process is running, delete ${lockFile(dir)}`,
    )
  }
}

export interface LockHolder {
  pid: number
  /** What holds it: `server` or `rectify <command>`. */
  command: string
  since: string
}

const held = new Set<string>()
const lockFile = (dir: string) => `${dir}.lock`

/** What this process is, for the lock file: the server or a CLI command. */
function describeSelf(): string {
  const args = process.argv.slice(1).map((a) => a.replace(/^.*[\\/]/, ''))
  // The CLI from source (cli/index.ts), from the bin, or from the build (dist/cli.js).
  if (args.some((a) => a === 'rectify.mjs' || a === 'index.ts' || a === 'cli.js')) {
    const command = process.argv.slice(2).find((a) => !a.startsWith('-') && !a.includes('/'))
    return `rectify ${command ?? ''}`.trim()
  }
  return ['server.ts', 'server.js', 'start.mjs'].some((a) => args.includes(a))
    ? 'server'
    : args.join(' ')
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder
    return Number.isInteger(holder.pid) ? holder : null
  } catch {
    return null
  }
}

/**
 * True while `pid` runs a Node process. A pid reused by another program after a crash (common in
 * containers, where pids restart from 1) does not count: on Linux its command line is checked.
 */
function alive(pid: number): boolean {
  if (pid === process.pid) return false // ours only if `held` says so; else a reused pid
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node')
  } catch {
    return true // no /proc (macOS): the pid exists, assume it is the holder
  }
}

/**
 * Takes the lock on `dir` for this process, or throws DataDirLockedError naming the holder.
 * Returns the release function (also run when the process exits).
 */
export function lockDataDir(dir: string): () => void {
  const file = lockFile(dir)
  if (held.has(file))
    throw new DataDirLockedError(dir, {
      pid: process.pid,
      command: 'this process',
      since: 'now',
    })
  mkdirSync(dirname(file), { recursive: true })
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644)
      const holder: LockHolder = {
        pid: process.pid,
        command: describeSelf(),
        since: new Date().toISOString(),
      }
      writeSync(fd, `${JSON.stringify(holder)}\n`)
      closeSync(fd)
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw err
      const holder = readHolder(file)
      if (holder && alive(holder.pid)) throw new DataDirLockedError(dir, holder)
      // Stale (its process is gone) or unreadable (a crash while writing it): take it over.
      rmSync(file, { force: true })
    }
  }
  held.add(file)
  const release = () => {
    if (!held.delete(file)) return
    if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true })
    process.off('exit', release)
  }
  process.on('exit', release)
  return release
}
