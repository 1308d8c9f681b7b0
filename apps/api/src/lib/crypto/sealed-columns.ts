import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.js'
import { FieldCipher } from './field-cipher.js'

/** A column holding personal data, sealed; with the blind index kept beside it, if any. */
export interface SealedColumn {
  column: string
  index?: { column: string; kind: string }
}

/**
 * Every column that holds a private person's name or contact. Values are sealed with the column
 * as associated data (`table.column`), so a value moved to another column does not open.
 */
export const SEALED_TABLES: { table: string; columns: SealedColumn[] }[] = [
  {
    table: 'petitions',
    columns: [
      {
        column: 'complainant_name',
        index: { column: 'complainant_name_index', kind: 'name' },
      },
      {
        column: 'complainant_contact',
        index: { column: 'complainant_contact_index', kind: 'contact' },
      },
    ],
  },
  { table: 'public_reports', columns: [{ column: 'name' }, { column: 'contact' }] },
]

const BATCH = 500

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[]

/**
 * Seals what is not sealed yet (rows written before encryption, or restored from an old
 * backup) and recomputes blind indexes made with another index key (after CRYPTO_SUITE
 * changed), in batches of 500 rows, each batch one transaction: a row is rewritten whole or
 * not at all, and a stopped sweep resumes where it was on the next start. Returns the rows
 * changed per table; `progress` is told after every batch.
 */
export async function sealPending(
  database: Database,
  cipher: FieldCipher,
  progress: (table: string, done: number) => void = () => undefined,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  const indexPrefix = `${cipher.indexKey.id}:`
  for (const { table, columns } of SEALED_TABLES) {
    const pending = columns
      .map((c) => {
        const v = `coalesce(${c.column}, '')`
        const unsealed = `(${v} <> '' and ${v} not like 'enc:%')`
        if (!c.index) return unsealed
        const idx = c.index.column
        return `${unsealed} or (${v} <> '' and ${idx} not like '${indexPrefix}%') or (${v} = '' and ${idx} <> '')`
      })
      .join(' or ')
    const cols = columns.map((c) => c.column)
    let done = 0
    for (;;) {
      const n = await database.db.transaction(async (tx) => {
        const result = await tx.execute(
          sql.raw(
            `select id, ${cols.join(', ')} from ${table} where ${pending}
              order by id limit ${BATCH} for update skip locked`,
          ),
        )
        const rows = rowsOf<Record<string, string | null>>(result)
        if (!rows.length) return 0
        const next = rows.map((r) => {
          const row: Record<string, string | null> = { id: r.id! }
          for (const c of columns) {
            const value = r[c.column] ?? null
            const context = `${table}.${c.column}`
            const plain = value == null ? null : cipher.openOrLegacy(value, context)
            row[c.column] =
              value == null || FieldCipher.isSealed(value) ? value : cipher.seal(plain!, context)
            if (c.index) row[c.index.column] = cipher.blindIndex(plain ?? '', c.index.kind)
          }
          return row
        })
        const all = columns.flatMap((c) => (c.index ? [c.column, c.index.column] : [c.column]))
        await tx.execute(sql`
          update ${sql.raw(table)} t set ${sql.raw(all.map((c) => `${c} = x.${c}`).join(', '))}
            from jsonb_to_recordset(${JSON.stringify(next)}::jsonb)
              as x(${sql.raw(['id uuid', ...all.map((c) => `${c} text`)].join(', '))})
           where t.id = x.id`)
        return rows.length
      })
      if (!n) break
      done += n
      progress(table, done)
    }
    out[table] = done
  }
  return out
}
