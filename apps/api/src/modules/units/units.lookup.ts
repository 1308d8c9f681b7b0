import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { units } from '../../db/schema/index.js'
import { unitsRepository as repo } from './units.repository.js'

// What other modules read of the unit tree: a unit to check (exists, active) or to scope by
// (its materialised path), and the refs a view embeds. Changing the tree is this module's own.

/** A unit by id, whatever its state. */
export function findUnit(db: DbOrTx, id: string) {
  return repo.findById(db, id)
}

/** A unit by its code (the CLI names units so). */
export function findUnitByCode(db: DbOrTx, code: string) {
  return repo.findByCode(db, code)
}

/**
 * A unit locked FOR SHARE: what it is now (e.g. active) stays so until the transaction ends,
 * while the tree's writers wait.
 */
export function holdUnit(tx: DbOrTx, id: string) {
  return repo.lockById(tx, id, 'share')
}

/** The materialised path of a unit; null when there is no such unit. */
export function findUnitPath(db: DbOrTx, id: string) {
  return db
    .select({ path: units.path })
    .from(units)
    .where(eq(units.id, id))
    .then((r) => r[0]?.path ?? null)
}

/** Units by id (id, code, name, kind, path, active), for validation and embedded refs. */
export function unitRefs(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([])
  return db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      path: units.path,
      active: units.active,
    })
    .from(units)
    .where(inArray(units.id, [...ids]))
}
