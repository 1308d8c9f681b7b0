/** The unit tree built from the flat list `GET /units` pages through. */
import type { Unit, UnitKind } from '@rectify/schemas'

export interface UnitNode {
  id: string
  label: string
  unit: Unit
  children: UnitNode[]
}

/** Siblings list departments before counties before townships, each group by code. */
const KIND_ORDER: Record<UnitKind, number> = {
  city: 0,
  department: 1,
  county: 2,
  township: 3,
  other: 4,
}
const byKindThenCode = (a: UnitNode, b: UnitNode) =>
  KIND_ORDER[a.unit.kind] - KIND_ORDER[b.unit.kind] ||
  a.unit.code.localeCompare(b.unit.code, 'en', { numeric: true })

/**
 * Nests units under their parents, sorted by kind and code. A unit whose parent is not in the list is a
 * root: unit staff only see their own subtree, whose top has a parent they cannot see.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>()
  for (const unit of units)
    nodes.set(unit.id, { id: unit.id, label: unit.name, unit, children: [] })
  const roots: UnitNode[] = []
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: UnitNode[]) => {
    list.sort(byKindThenCode)
    for (const node of list) sort(node.children)
  }
  sort(roots)
  return roots
}

/** `id` and every unit below it: the parents a unit may not be moved under. */
export function subtreeIds(units: readonly Unit[], id: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const unit of units) {
    if (!unit.parentId) continue
    const list = children.get(unit.parentId) ?? []
    list.push(unit.id)
    children.set(unit.parentId, list)
  }
  const result = new Set<string>()
  const stack = [id]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (result.has(current)) continue
    result.add(current)
    stack.push(...(children.get(current) ?? []))
  }
  return result
}

/** The ids from the top of the visible tree down to (excluding) `id`, for expanding the tree. */
export function ancestorIds(units: readonly Unit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  const path: string[] = []
  let parentId = byId.get(id)?.parentId ?? null
  while (parentId && byId.has(parentId) && !path.includes(parentId)) {
    path.unshift(parentId)
    parentId = byId.get(parentId)?.parentId ?? null
  }
  return path
}

/** Keeps nodes matching `keep` and the ancestors that lead to them. */
export function filterTree(nodes: readonly UnitNode[], keep: (unit: Unit) => boolean): UnitNode[] {
  const result: UnitNode[] = []
  for (const node of nodes) {
    const children = filterTree(node.children, keep)
    if (keep(node.unit) || children.length > 0) result.push({ ...node, children })
  }
  return result
}
