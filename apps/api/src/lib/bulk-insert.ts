import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.js'

/**
 * Inserts many rows as one JSON parameter per chunk (`jsonb_populate_recordset` over the table's
 * own row type), instead of a multi-row VALUES with a parameter per cell: building and parsing a
 * 500-row, 17-column VALUES costs more than the database's own work (5,000 imported problems:
 * most of the time went there). The same SQL on PostgreSQL and PGlite.
 *
 * The columns written are those any row gives: a column a row leaves out (undefined) is then
 * written NULL for it, not its default — give every row the same columns. Values are converted as JSON (Date → ISO text,
 * bigint → text), which PostgreSQL casts to the column's type.
 */
export async function insertJson<T extends Table>(
  db: DbOrTx,
  table: T,
  rows: T['$inferInsert'][],
  options: InsertJsonOptions = {},
): Promise<void> {
  for (const statement of insertJsonStatements(table, rows, options)) await db.execute(statement)
}

export interface InsertJsonOptions {
  chunk?: number
  onConflictDoNothing?: boolean
}

/** insertJson's statements, one per chunk, for a caller that sends them itself. */
export function insertJsonStatements<T extends Table>(
  table: T,
  rows: T['$inferInsert'][],
  options: InsertJsonOptions = {},
): SQL[] {
  if (!rows.length) return []
  const all = getTableColumns(table) as Record<string, { name: string }>
  const given = new Set<string>()
  for (const r of rows as Record<string, unknown>[])
    for (const k in r) if (r[k] !== undefined && all[k]) given.add(k)
  const keys = [...given]
  const names = keys.map((k) => all[k]!.name)
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  )
  const size = options.chunk ?? 2000
  const statements: SQL[] = []
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size).map((r) => {
      const out: Record<string, unknown> = {}
      for (let j = 0; j < keys.length; j++) {
        const v = (r as Record<string, unknown>)[keys[j]!]
        out[names[j]!] = typeof v === 'bigint' ? v.toString() : v
      }
      return out
    })
    const json = toJson(chunk)
    statements.push(sql`insert into ${table} (${list})
      select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)
      ${options.onConflictDoNothing ? sql`on conflict do nothing` : sql``}`)
  }
  return statements
}

/**
 * JSON without a replacer first (JSON.stringify runs several times slower with one; a column's
 * bigint is already text); only a bigint nested in a JSON value needs the replacer.
 */
function toJson(rows: Record<string, unknown>[]): string {
  try {
    return JSON.stringify(rows)
  } catch (err) {
    if (!(err instanceof TypeError)) throw err
    return JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
  }
}
