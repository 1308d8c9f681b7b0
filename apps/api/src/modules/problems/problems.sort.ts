import { asc, desc, sql, type SQL } from 'drizzle-orm'
import { problems } from '../../db/schema/index.js'
import { LIGHT_RANK, lightRank } from './problems.filter.js'

/** What a sort reads off a row to make the cursor after it. */
interface SortRow {
  id: string
  deadline: string
  codeKey: string
  updatedKey: string
  light: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

/**
 * A sort of the ledger: its keys (each ending in the id, so the order is total), the cast and
 * shape of each key in a cursor, and how to read the keys off a row. Every sort runs on an index.
 */
interface SortSpec {
  keys: { expr: SQL | typeof problems.id; cast: string; shape: RegExp }[]
  of(row: SortRow): string[]
}
const id = { expr: problems.id, cast: 'uuid', shape: UUID }
const deadline = { expr: sql`${problems.deadline}`, cast: 'date', shape: DATE }
const SORTS: Record<'deadline' | 'code' | 'updated' | 'light', SortSpec> = {
  deadline: { keys: [deadline, id], of: (r) => [r.deadline, r.id] },
  code: {
    // The natural key (lib/natural-sort.ts): 第2项 before 第10项, on problems_code_key_idx.
    keys: [{ expr: sql`${problems.codeKey}`, cast: 'text', shape: /^[0-9a-z]{1,1000}$/ }, id],
    of: (r) => [r.codeKey, r.id],
  },
  updated: {
    keys: [{ expr: sql`${problems.updatedAt}`, cast: 'timestamptz', shape: TS }, id],
    of: (r) => [r.updatedKey, r.id],
  },
  light: {
    keys: [{ expr: LIGHT_RANK, cast: 'int', shape: /^[0-3]$/ }, deadline, id],
    of: (r) => [String(lightRank(r.light)), r.deadline, r.id],
  },
}

export type ProblemSort =
  'deadline' | '-deadline' | 'code' | '-code' | 'updated' | '-updated' | 'light' | '-light'

export function sortSpec(sort: ProblemSort) {
  const descending = sort.startsWith('-')
  const spec = SORTS[(descending ? sort.slice(1) : sort) as keyof typeof SORTS]
  return {
    descending,
    arity: spec.keys.length,
    /** True when cursor values have the shape of this sort's keys. */
    accepts: (values: string[]) =>
      values.length === spec.keys.length && spec.keys.every((k, i) => k.shape.test(values[i]!)),
    cursorOf: spec.of,
    orderBy: spec.keys.map((k) => (descending ? desc(k.expr) : asc(k.expr))),
    after(values: string[]): SQL {
      const left = sql.join(
        spec.keys.map((k) => sql`${k.expr}`),
        sql`, `,
      )
      const right = sql.join(
        spec.keys.map((k, i) => sql`${values[i]}::${sql.raw(k.cast)}`),
        sql`, `,
      )
      return descending ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`
    },
  }
}
