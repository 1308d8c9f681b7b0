import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.js'
import { FieldCipher } from './field-cipher.js'

/**
 * A column holding personal data, sealed; with the blind index kept beside it, if any. A `json`
 * column is a JSON array of objects whose `field` member is sealed (the rest stays readable):
 * `problems.responsible_persons`' phones.
 */
export interface SealedColumn {
  column: string
  index?: { column: string; kind: string }
  json?: { field: string }
}

/**
 * Every column that holds a private person's name or contact. Values are sealed with the column
 * as associated data (`table.column`, `table.column.field` inside JSON), so a value moved to
 * another column does not open.
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
  // modules/problems/problems.persons.ts seals and opens them (PHONE_CONTEXT).
  { table: 'problems', columns: [{ column: 'responsible_persons', json: { field: 'phone' } }] },
]

/** The associated data a value of the column (or of the JSON column's field) is sealed with. */
export function contextOf(table: string, c: SealedColumn): string {
  return c.json ? `${table}.${c.column}.${c.json.field}` : `${table}.${c.column}`
}

export interface SweepOptions {
  /** Also re-encrypt values sealed under any key but the active one (`rectify keys rotate`). */
  reencrypt?: boolean
  batch?: number
  /** Told after every committed batch: rows done so far and rows pending when the table began. */
  progress?: (table: string, done: number, total: number) => void
}

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[]
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`
/** The elements of a JSON column, an empty array for anything but an array. */
const elements = (column: string) =>
  `jsonb_array_elements(case when jsonb_typeof(${column}) = 'array' then ${column} else '[]'::jsonb end)`

/** SQL: the row has a value of `c` to seal (or re-encrypt) or a blind index to recompute. */
function pendingSql(c: SealedColumn, cipher: FieldCipher, reencrypt: boolean): string {
  const active = quote(FieldCipher.prefixOf(cipher.active))
  const needs = (v: string) =>
    `(${v} <> '' and ${reencrypt ? `not starts_with(${v}, ${active})` : `not starts_with(${v}, 'enc:')`})`
  if (c.json) {
    const v = `coalesce(e->>${quote(c.json.field)}, '')`
    return `exists (select 1 from ${elements(c.column)} e where ${needs(v)})`
  }
  const v = `coalesce(${c.column}, '')`
  if (!c.index) return needs(v)
  const idx = c.index.column
  const current = quote(`${cipher.indexKey.id}:`)
  return `${needs(v)} or (${v} <> '' and not starts_with(${idx}, ${current})) or (${v} = '' and ${idx} <> '')`
}

/** A value sealed under the active key, opening (or taking as plaintext) whatever it was. */
function reseal(cipher: FieldCipher, value: string, context: string, reencrypt: boolean): string {
  if (value === '') return value
  if (!FieldCipher.isSealed(value)) return cipher.seal(value, context)
  if (!reencrypt || FieldCipher.keyIdOf(value) === cipher.active.id) return value
  return cipher.seal(cipher.open(value, context), context)
}

type Row = Record<string, unknown>

function rewrite(cipher: FieldCipher, table: string, columns: SealedColumn[], r: Row, re: boolean) {
  const row: Row = { id: r.id }
  for (const c of columns) {
    const context = contextOf(table, c)
    const value = r[c.column] ?? null
    if (c.json) {
      const list = Array.isArray(value) ? (value as Row[]) : []
      const field = c.json.field
      row[c.column] = list.map((e) => {
        const v = e?.[field]
        return typeof v === 'string' ? { ...e, [field]: reseal(cipher, v, context, re) } : e
      })
      continue
    }
    const text = value as string | null
    row[c.column] = text == null ? null : reseal(cipher, text, context, re)
    if (c.index)
      row[c.index.column] = cipher.blindIndex(
        text == null ? '' : cipher.openOrLegacy(text, context),
        c.index.kind,
      )
  }
  return row
}

/**
 * The one migration step for personal data, run at every start (`sealPending`) and by `rectify
 * keys rotate --reencrypt` (`reencrypt`): seals what is not sealed yet (rows written before
 * encryption, or restored from an old backup), recomputes blind indexes made with another index
 * key, and with `reencrypt` also re-seals values under any key but the active one. It works in
 * batches of rows (500), each batch one transaction that locks its rows (FOR UPDATE SKIP LOCKED:
 * a writer's row is taken on a later pass, never overwritten): a row is rewritten whole or not
 * at all, so every value is either plaintext with no envelope or fully sealed, and an
 * interrupted sweep resumes where it stopped — what is done no longer matches. Values under a
 * key not yet swept keep opening throughout. Returns the rows changed per table.
 */
export async function sweepSealed(
  database: Database,
  cipher: FieldCipher,
  opts: SweepOptions = {},
): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  const re = opts.reencrypt ?? false
  const batch = opts.batch ?? 500
  for (const { table, columns } of SEALED_TABLES) {
    const pending = columns.map((c) => `(${pendingSql(c, cipher, re)})`).join(' or ')
    const [count] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql.raw(`select count(*)::int as n from ${table} where ${pending}`),
      ),
    )
    const total = count?.n ?? 0
    const all = columns.flatMap((c) => (c.index ? [c, c.index.column] : [c]))
    const setList = all.map((c) => (typeof c === 'string' ? c : c.column))
    const types = all.map((c) =>
      typeof c === 'string' ? `${c} text` : `${c.column} ${c.json ? 'jsonb' : 'text'}`,
    )
    let done = 0
    while (total > 0) {
      const n = await database.db.transaction(async (tx) => {
        const rows = rowsOf<Row>(
          await tx.execute(
            sql.raw(
              `select id, ${columns.map((c) => c.column).join(', ')} from ${table}
                where ${pending} order by id limit ${batch} for update skip locked`,
            ),
          ),
        )
        if (!rows.length) return 0
        const next = rows.map((r) => rewrite(cipher, table, columns, r, re))
        await tx.execute(sql`
          update ${sql.raw(table)} t set ${sql.raw(setList.map((c) => `${c} = x.${c}`).join(', '))}
            from jsonb_to_recordset(${JSON.stringify(next)}::jsonb)
              as x(${sql.raw(['id uuid', ...types].join(', '))})
           where t.id = x.id`)
        return rows.length
      })
      if (!n) break
      done += n
      opts.progress?.(table, done, total)
    }
    out[table] = done
  }
  return out
}

/** The start-up step: seal what is plaintext and recompute stale blind indexes. */
export function sealPending(
  database: Database,
  cipher: FieldCipher,
  progress?: SweepOptions['progress'],
): Promise<Record<string, number>> {
  return sweepSealed(database, cipher, progress ? { progress } : {})
}

/** How many values (or blind indexes) of which column each key still seals; `null`: plaintext. */
export interface KeyUsage {
  column: string
  keyId: number | null
  purpose: 'data' | 'index'
  values: number
}

/** Counts, per sealed column, the values under each key and those still in plaintext. */
export async function keyUsage(database: Database): Promise<KeyUsage[]> {
  const out: KeyUsage[] = []
  for (const { table, columns } of SEALED_TABLES)
    for (const c of columns) {
      const context = contextOf(table, c)
      const v = c.json ? `(e->>${quote(c.json.field)})` : c.column
      const from = c.json ? `${table}, ${elements(c.column)} e` : table
      const rows = await database.query<{ head: string; n: number }>(
        `select case when starts_with(${v}, 'enc:') then left(${v}, 12) else '' end as head,
                count(*)::int as n
           from ${from} where coalesce(${v}, '') <> '' group by 1`,
      )
      for (const r of rows)
        out.push({
          column: context,
          purpose: 'data',
          keyId: r.head ? FieldCipher.keyIdOf(r.head) : null,
          values: r.n,
        })
      if (!c.index) continue
      const idx = await database.query<{ id: string; n: number }>(
        `select split_part(${c.index.column}, ':', 1) as id, count(*)::int as n
           from ${table} where ${c.index.column} <> '' group by 1`,
      )
      for (const r of idx)
        out.push({
          column: `${table}.${c.index.column}`,
          purpose: 'index',
          keyId: Number(r.id),
          values: r.n,
        })
    }
  return out
}
