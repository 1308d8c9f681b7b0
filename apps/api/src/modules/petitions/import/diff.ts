import type { PetitionImportDifference } from '@rectify/schemas'
import type { petitions } from '../../../db/schema/index.js'
import { closureOf, COUNTS, REPORTED, type RowHandling } from './handling.js'
import type { ParsedCase } from './rows.js'

/*
 * How a re-imported row differs from its case, field by field: what the dry run shows, the
 * audit keeps (before and after), and the office chooses on (keep / take) for a case that is
 * reported, closed or in a published disclosure table.
 */

type PetitionRow = typeof petitions.$inferSelect
type Field = PetitionImportDifference['field']

const text = (v: unknown): string =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join('、') : String(v)

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

/**
 * Where an existing case and the row state a field differently. Only what the row states is
 * compared — a blank cell keeps the case's value, so it never differs. A region compares by the
 * units it names (江东区 written as 江东 is the same region); domains as a set; the handling
 * (`h`, what the row states merged with the case) field by field, the closure as closed /
 * partly closed / open. `regionName` names an existing case's region units.
 */
export function differences(
  before: PetitionRow,
  c: ParsedCase,
  h: RowHandling | null,
  mapped: ReadonlySet<string>,
  regionName: (ids: readonly string[]) => string,
): PetitionImportDifference[] {
  const out: PetitionImportDifference[] = []
  const add = (field: Field, current: unknown, incoming: unknown) => {
    if (text(current) !== text(incoming))
      out.push({ field, current: text(current), incoming: text(incoming) })
  }
  if (c.regionText) {
    const same =
      c.regions.length > 0 &&
      sameSet(
        c.regions.map((u) => u.id),
        before.regionIds,
      )
    if (!same) add('region', before.regionText || regionName(before.regionIds), c.regionText)
  }
  if (c.reportedParty) add('reportedParty', before.reportedParty, c.reportedParty)
  if (c.address) add('address', before.address, c.address)
  if (c.domains.length && !sameSet(c.domains, before.domains))
    add('domains', before.domains, c.domains)
  if (c.complaint) add('complaint', before.complaint, c.complaint)
  if (mapped.has('keyCase')) add('keyCase', before.keyCase, c.keyCase)
  if (h) {
    add('finding', before.finding, h.finding)
    add('investigation', before.investigation, h.investigation)
    add('measures', before.measures, h.measures)
    add('accountability', before.accountability, h.accountability)
    for (const f of COUNTS) add(f, before[f], h[f])
    add('closure', closureOf(before.status), h.closure)
  }
  return out
}

/**
 * A case the sheet may not change without the office's choice: one with a report (submitted,
 * partly closed, closed) or one in a published disclosure table.
 */
export function isProtected(before: PetitionRow, published: ReadonlySet<string>): boolean {
  return REPORTED.includes(before.status) || published.has(before.id)
}
