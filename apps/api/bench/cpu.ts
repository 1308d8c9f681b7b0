/**
 * CPU time of a bench step, which a loaded machine does not inflate the way it does wall time:
 * this process's (process.cpuUsage) and, on a PostgreSQL server on this machine, its backends'
 * for the bench database (user + system time from /proc/<pid>/stat of each backend
 * pg_stat_activity lists). On PGlite the database runs in this process, so its time is in the
 * process's; on a server elsewhere (no /proc entry of a postgres process) the database's is null.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Database } from '../src/db/client.js'

/** Clock ticks per second of /proc/<pid>/stat's times (100 on Linux unless told otherwise). */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** A reading: this process's CPU ms, and each backend's CPU ms by pid (null: not measurable). */
export interface CpuReading {
  node: number
  backends: Map<number, number> | null
}

/** utime + stime of a postgres process in ms, or null when it is not one on this machine. */
function processMs(pid: number): number | null {
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) return null
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS
  } catch {
    return null
  }
}

export async function readCpu(database: Database): Promise<CpuReading> {
  const node = (() => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  })()
  if (database.kind !== 'postgres') return { node, backends: null }
  const pids = await database.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  )
  const backends = new Map<number, number>()
  for (const { pid } of pids) {
    const ms = processMs(pid)
    if (ms === null) return { node, backends: null }
    backends.set(pid, ms)
  }
  return { node, backends }
}

/** CPU spent between two readings: a backend that appeared in between counts whole. */
export function cpuSince(
  from: CpuReading,
  to: CpuReading,
): { nodeMs: number; dbMs: number | null } {
  let db: number | null = null
  if (from.backends && to.backends) {
    db = 0
    for (const [pid, ms] of to.backends) db += ms - (from.backends.get(pid) ?? 0)
  }
  return { nodeMs: to.node - from.node, dbMs: db }
}

/** "CPU 1.23 s here + 0.45 s postgres" (or "CPU 1.23 s, database in process" on PGlite). */
export function cpuText(c: { nodeMs: number; dbMs: number | null }, database: Database): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  if (database.kind !== 'postgres') return `CPU ${s(c.nodeMs)} (database in process)`
  return c.dbMs === null
    ? `CPU ${s(c.nodeMs)} here (server's not measurable from here)`
    : `CPU ${s(c.nodeMs)} here + ${s(c.dbMs)} postgres = ${s(c.nodeMs + c.dbMs)}`
}
