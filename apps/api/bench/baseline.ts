/**
 * The bulk INSERT baseline of the import benches: the very rows an import wrote, copied under
 * fresh ids into the same tables (same indexes, constraints, generated columns and triggers), as
 * plain `INSERT … SELECT … FROM jsonb_populate_recordset(…)` statements of 2,000 rows — what the
 * database alone costs for the import's writes, without reading the workbook, checking rows or
 * computing anything. Neither lighter than the import (every row it wrote, every table) nor
 * heavier (no per-row statements, the rows prepared before the clock starts).
 */
import { sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../src/db/client.js'
import type { Database } from '../src/db/client.js'
import { uuidv7 } from '../src/lib/ids.js'
import { cpuSince, readCpu } from './cpu.js'

/** One table's rows the import wrote: `where` selects them from `t` (the table's alias). */
export interface Written {
  table: string
  where: SQL
  /** Adjusts a copy (a unique text, a sequence number) before it is inserted. */
  tweak?: (row: Record<string, unknown>) => void
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const CHUNK = 2000
/** A tweak that moves a sequence number (audit seq) past the rows already there. */
export const shift = (column: string, by: number) => (row: Record<string, unknown>) => {
  row[column] = Number(row[column]) + by
}

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[]

/**
 * Reads the written rows (not timed), gives every copied row's `id` — and each id in `remap` —
 * a fresh uuid wherever it appears in the copies, then times inserting the copies in the order
 * given (parents first). Returns the milliseconds, the CPU time (bench/cpu.ts, of `database`'s
 * process and backends) and the rows inserted.
 */
export async function copyWritten(
  db: DbOrTx,
  written: Written[],
  database: Database,
  remap: Map<string, string> = new Map(),
): Promise<{
  ms: number
  cpu: { nodeMs: number; dbMs: number | null }
  rows: number
  tables: string
}> {
  const sets: { table: string; columns: string[]; rows: Record<string, unknown>[] }[] = []
  for (const w of written) {
    const columns = rowsOf<{ name: string }>(
      await db.execute(sql`select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${w.table}
          and is_generated = 'NEVER' and is_identity = 'NO'
          and coalesce(column_default, '') not like 'nextval(%' order by ordinal_position`),
    ).map((c) => c.name)
    const rows = rowsOf<{ r: Record<string, unknown> }>(
      await db.execute(sql`select to_jsonb(t) as r from ${sql.raw(w.table)} t where ${w.where}`),
    ).map((x) => x.r)
    for (const r of rows)
      if (typeof r.id === 'string' && !remap.has(r.id)) remap.set(r.id, uuidv7())
    sets.push({ table: w.table, columns, rows })
    for (const r of rows) w.tweak?.(r)
  }
  const statements: { table: string; columns: string[]; json: string }[] = []
  for (const s of sets)
    for (let i = 0; i < s.rows.length; i += CHUNK)
      statements.push({
        table: s.table,
        columns: s.columns,
        json: JSON.stringify(s.rows.slice(i, i + CHUNK)).replace(UUID, (id) => remap.get(id) ?? id),
      })
  const cpu = await readCpu(database)
  const started = performance.now()
  const byTable = new Map<string, number>()
  for (const st of statements) {
    const list = st.columns.map((c) => `"${c}"`).join(', ')
    const at = performance.now()
    await db.execute(
      sql`${sql.raw(`insert into ${st.table} (${list}) select ${list} from jsonb_populate_recordset(null::${st.table}, `)}${st.json}::jsonb)`,
    )
    byTable.set(st.table, (byTable.get(st.table) ?? 0) + performance.now() - at)
  }
  const ms = performance.now() - started
  const count = new Map(sets.map((s) => [s.table, s.rows.length]))
  return {
    ms,
    cpu: cpuSince(cpu, await readCpu(database)),
    rows: sets.reduce((n, s) => n + s.rows.length, 0),
    /** Where the time went: `table rows ms` each. */
    tables: [...byTable].map(([t, ms]) => `${t} ${count.get(t)} ${ms.toFixed(0)} ms`).join(', '),
  }
}
