import { columnLetter } from './cells.js'
import { normalizeLabel } from './normalize.js'

/** An import's columns: for each field, the labels published tables head it with. */
export type FieldDictionary<F extends string> = Readonly<Record<F, readonly string[]>>

/** A user's choice for a header (null: ignore the column), keyed by the header as reported. */
export type FieldMapping<F extends string> = Readonly<Record<string, F | null>>

/**
 * The field a label names in a dictionary, or null. Labels compare normalised (normalizeLabel:
 * no spaces or line breaks, ASCII brackets and digits, simplified characters); a label with a
 * bracketed note (整改时限(年月), 罚款(万元)) is also tried without it. The dictionary is
 * normalised on the first call, not when the matcher is made (modules make theirs as they load,
 * and normalising loads the traditional-to-simplified dictionary, which an idle API need not hold).
 */
export function fieldMatcher<F extends string>(dict: FieldDictionary<F>) {
  let byLabel: Map<string, F> | undefined
  const index = () => {
    const map = new Map<string, F>()
    for (const [field, labels] of Object.entries(dict) as [F, readonly string[]][])
      for (const label of labels) {
        const key = normalizeLabel(label)
        if (!map.has(key)) map.set(key, field)
      }
    return map
  }
  return (label: string): F | null => {
    const key = normalizeLabel(label)
    if (!key) return null
    byLabel ??= index()
    return byLabel.get(key) ?? byLabel.get(key.replace(/\([^()]*\)$/u, '')) ?? null
  }
}

/** One column of a table as the dry run reports it. */
export interface TableColumn<F extends string> {
  /** 0-based (A = 0). */
  index: number
  /** The column as Excel names it (A, B, … AA). */
  letter: string
  /**
   * The header the dry run shows and a mapping names: the leaf label, normalised. Where two
   * columns share a leaf label under different groups, the group is put in front (整改情况/时间).
   */
  header: string
  /** The labels above the leaf in a merged header (整改责任 over 责任单位), normalised; or null. */
  group: string | null
  field: F | null
  /** How the field was chosen: the user's mapping (now or remembered), a synonym, or none. */
  by: 'synonym' | 'mapping' | 'none'
}

/** The labels of one column in the header block, top to bottom (group labels, then the leaf). */
export interface ColumnLabels {
  index: number
  leaf: string
  groups: string[]
}

export interface MappingSources<F extends string> {
  match: (label: string) => F | null
  /** What the user chose in this dry run or commit (keys: headers as reported, normalised). */
  mapping?: FieldMapping<F>
  /** What users of this office chose for these headers before (import_mappings). */
  remembered?: ReadonlyMap<string, F | null>
}

/**
 * Maps each column to a field: the user's mapping first (null ignores the column), then a
 * remembered choice, then the dictionary — the leaf label, else the leaf read with its group
 * (责任单位 over 牵头 | 配合 → 牵头责任单位). A field claimed by an earlier column leaves later ones
 * unmapped, so one value never comes from two places; such a column is still listed by name so
 * the user can map it.
 */
export function mapColumns<F extends string>(
  labels: readonly ColumnLabels[],
  src: MappingSources<F>,
): TableColumn<F>[] {
  const given = new Map<string, F | null>()
  for (const [h, f] of Object.entries(src.mapping ?? {})) given.set(normalizeLabel(h), f ?? null)
  const leafCount = new Map<string, number>()
  for (const l of labels) leafCount.set(l.leaf, (leafCount.get(l.leaf) ?? 0) + 1)
  const taken = new Set<F>()
  const out: TableColumn<F>[] = []
  for (const l of labels) {
    if (!l.leaf) continue
    const group = l.groups.length ? l.groups.join('/') : null
    const header = group && (leafCount.get(l.leaf) ?? 0) > 1 ? `${group}/${l.leaf}` : l.leaf
    let field: F | null
    let by: TableColumn<F>['by'] = 'none'
    const choice = [header, l.leaf].find((h) => given.has(h))
    const past = [header, l.leaf].find((h) => src.remembered?.has(h))
    if (choice !== undefined) [field, by] = [given.get(choice) ?? null, 'mapping']
    else if (past !== undefined) [field, by] = [src.remembered!.get(past) ?? null, 'mapping']
    else {
      const g = l.groups.at(-1) ?? ''
      field = src.match(l.leaf) ?? (g ? (src.match(g + l.leaf) ?? src.match(l.leaf + g)) : null)
      if (field) by = 'synonym'
    }
    if (field && taken.has(field)) [field, by] = [null, 'none']
    if (field) taken.add(field)
    out.push({ index: l.index, letter: columnLetter(l.index), header, group, field, by })
  }
  return out
}
