import type { ParsedUnit, ProblemImportBody, UnitRef } from '@rectify/schemas'
import { normalizeValue } from '../../lib/workbook/normalize.js'
import type { ImportContext } from './analyse.js'
import type { UnitCandidate, UnitMatch, UnitMention } from './units-parse.js'

export const ref = (u: UnitCandidate): UnitRef => ({ id: u.id, code: u.code, name: u.name })

/** A unit name as the import key compares it (NFKC, simplified characters, no spaces). */
export const nameKey = (name: string) => normalizeValue(name).replace(/\s/g, '')

/**
 * The units a collective phrase means in the unit tree: counties (各县（市、区）), townships
 * (各乡镇（街道）), the departments directly under the city (市直/区直各单位, 有关部门), or every
 * level below the city (各级党委、政府: counties and townships).
 */
export function expandCollective(
  kind: NonNullable<UnitMention['collective']>,
  ctx: ImportContext,
): UnitCandidate[] {
  const of = (k: string) => ctx.units.filter((u) => u.kind === k)
  switch (kind) {
    case 'counties':
      return of('county')
    case 'townships':
      return of('township')
    case 'levels':
      return [...of('county'), ...of('township')]
    case 'departments':
      return of('department').filter(
        (u) => !u.parentId || ctx.byId.get(u.parentId)?.kind === 'city',
      )
  }
}

export interface Resolved {
  parsed: ParsedUnit
  /** The units the mention stands for (none when in error). */
  ids: string[]
  /** True when the mention is recorded as a collective responsibility. */
  collective: boolean
  error: [string, string] | null
}

/**
 * One mention resolved: a collective by the caller's choice (expand, or record with a
 * coordinating unit; `expandCollective` expands what was not chosen), a name by the caller's
 * alias, a unit to create (createUnits, staged in `ctx.pending`), or a match; else an error with
 * the closest units.
 */
export function resolveMention(
  m: UnitMention,
  body: ProblemImportBody,
  ctx: ImportContext,
  match: (name: string) => UnitMatch,
): Resolved {
  const base: ParsedUnit = {
    text: m.text,
    role: m.role,
    unit: null,
    collective: m.collective !== null,
    collectiveKind: m.collective,
    expandsTo: [],
    choice: null,
    coordinator: null,
    suggestions: [],
    create: null,
  }
  if (m.collective) {
    const members = expandCollective(m.collective, ctx)
    const parsed = { ...base, expandsTo: members.map(ref) }
    const choice =
      body.collectives?.[m.text] ?? (body.expandCollective ? { action: 'expand' as const } : null)
    if (!choice)
      return {
        parsed,
        ids: [],
        collective: false,
        error: [
          `“${m.text}”是集合名称：请选择展开到所指单位（勾选“展开集合名称”），或作为集体责任并指定牵头协调单位`,
          `"${m.text}" names several units: expand it to the units it means, or record it as a collective responsibility with a coordinating unit`,
        ],
      }
    if (choice.action === 'expand') {
      parsed.choice = 'expand'
      if (!members.length)
        return {
          parsed,
          ids: [],
          collective: false,
          error: [
            `“${m.text}”在单位树中没有对应的单位，无法展开`,
            `"${m.text}" means no unit in the unit tree: it cannot be expanded`,
          ],
        }
      return { parsed, ids: members.map((u) => u.id), collective: false, error: null }
    }
    const coordinator = ctx.byId.get(choice.coordinatorId)
    parsed.choice = 'collective'
    if (!coordinator)
      return {
        parsed,
        ids: [],
        collective: false,
        error: [
          `“${m.text}”的牵头协调单位不存在或已停用`,
          `The coordinating unit of "${m.text}" does not exist or is deactivated`,
        ],
      }
    parsed.coordinator = ref(coordinator)
    return { parsed, ids: [coordinator.id], collective: true, error: null }
  }
  const alias = body.unitAliases?.[m.text]
  const pending = ctx.pending.get(nameKey(m.text))
  const found = alias ? ctx.byId.get(alias) : match(m.text).unit
  if (found)
    return {
      parsed: { ...base, unit: ref(found) },
      ids: [found.id],
      collective: false,
      error: null,
    }
  if (pending) {
    const parent = ctx.byId.get(pending.parentId!)!
    return {
      parsed: { ...base, create: { parent: ref(parent), kind: pending.kind as 'department' } },
      ids: [pending.id],
      collective: false,
      error: null,
    }
  }
  const suggestions = match(m.text).suggestions
  const hint = suggestions.length ? `，是否为：${suggestions.map((s) => s.name).join('、')}` : ''
  const hintEn = suggestions.length
    ? `; did you mean ${suggestions.map((s) => s.name).join(', ')}?`
    : ''
  return {
    parsed: { ...base, suggestions: suggestions.map(ref) },
    ids: [],
    collective: false,
    error: [
      `找不到单位“${m.text}”${hint}；可选择相近单位，或新建该单位`,
      `Unknown unit "${m.text}"${hintEn} — choose a close unit or create it`,
    ],
  }
}
