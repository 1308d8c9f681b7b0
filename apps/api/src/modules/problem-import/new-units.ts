import type { ProblemImportBody, ProblemImportReport } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { uuidv7 } from '../../lib/ids.js'
import { createUnitIn } from '../units/index.js'
import type { ImportContext } from './analyse.js'
import { nameKey } from './collectives.js'
import type { UnitCandidate } from './units-parse.js'

/**
 * Units the office creates from its own task table: a name the sheet gives that matches no unit
 * (a city's first import names departments nobody has entered yet), created under an existing
 * active unit. Separation of duties: units are otherwise the admin's (POST /units), but they are
 * the organisation data the ledger needs, so the office may add one — only under an existing unit,
 * only a name its sheet uses, only in the commit's transaction with the problems that name it,
 * and audited like any unit (`unit.created`, with `via: problem-import` and the file).
 */

/** The unit's kind when the caller gives none: what its name and its parent say. */
export function inferKind(name: string, parent: UnitCandidate): UnitCandidate['kind'] {
  const n = nameKey(name).replace(/(人民政府|政府|办事处|党委|管委会)$/, '')
  if (/(乡|镇|街道)$/.test(n) && parent.kind !== 'township') return 'township'
  if (/(县|区|市)$/.test(n) && parent.kind === 'city') return 'county'
  return 'department'
}

/**
 * Stages `createUnits` for the analysis: each name not already a unit gets an id (kept when the
 * commit creates it) and its parent, keyed by name and by id. 422 when a parent is unknown.
 */
export function stageUnits(
  create: NonNullable<ProblemImportBody['createUnits']>,
  units: UnitCandidate[],
  byId: Map<string, UnitCandidate>,
): Map<string, UnitCandidate> {
  const existing = new Set(units.map((u) => nameKey(u.name)))
  const out = new Map<string, UnitCandidate>()
  for (const [name, spec] of Object.entries(create)) {
    const key = nameKey(name)
    if (!key || existing.has(key) || out.has(key)) continue
    const parent = byId.get(spec.parentId)
    if (!parent)
      throw new AppError(
        'unprocessable',
        `createUnits: the parent of "${name}" is not an active unit`,
      )
    const id = uuidv7()
    const unit: UnitCandidate = {
      id,
      // Unit codes are [A-Za-z0-9_-]{1,32}: the parent's code and the new id's random tail.
      code: `${parent.code.slice(0, 19)}-${id.replace(/-/g, '').slice(-12)}`,
      name: name.trim(),
      kind: spec.kind ?? inferKind(name, parent),
      parentId: parent.id,
    }
    out.set(key, unit)
    out.set(id, unit)
  }
  return out
}

/** Creates the staged units the sheet uses, through the units module, before the problems. */
export async function createStagedUnits(
  tx: DbOrTx,
  ctx: Ctx,
  used: ProblemImportReport['newUnits'],
  c: ImportContext,
  fileId: string,
): Promise<void> {
  for (const u of used) {
    const staged = c.pending.get(nameKey(u.name))
    if (!staged) continue
    await createUnitIn(
      tx,
      ctx,
      {
        code: staged.code,
        name: u.name,
        kind: staged.kind as 'department',
        parentId: staged.parentId,
      },
      { id: staged.id, via: { via: 'problem-import', fileId } },
    )
  }
}
