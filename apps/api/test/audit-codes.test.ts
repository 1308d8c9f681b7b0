import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, LIFECYCLE_ACTIONS } from '@rectify/schemas'

/**
 * The audit log's actions and entity types have one list (@rectify/schemas AUDIT_ACTIONS and
 * AUDIT_ENTITY_TYPES), which the SPA names in zh-CN and en and offers as filters. This test
 * fails when the API writes a code the list lacks: every `action: '…'` and `entityType: '…'`
 * literal in src, every code handed to a module's audit helper (its `action: string`
 * parameter), and the codes built from a step's name.
 */

const SRC = join(import.meta.dirname, '../src')
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return files(p)
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
}
const sources = files(SRC).map((p) => ({ p, text: readFileSync(p, 'utf8') }))
const actions = new Set<string>(AUDIT_ACTIONS)
const entityTypes = new Set<string>(AUDIT_ENTITY_TYPES)

describe('the audit log’s one list of codes', () => {
  it('holds every action literal the API writes', () => {
    const found = new Map<string, string>()
    for (const { p, text } of sources) {
      for (const m of text.matchAll(/\baction: '([a-z_]+\.[a-z_]+)'/g)) found.set(m[1]!, p)
      // A module's audit helper takes the action as a parameter: its callers pass literals.
      if (/\baction: string,/.test(text) && /recordAudit/.test(text))
        for (const m of text.matchAll(/, '([a-z_]+\.[a-z_]+)'\)/g)) found.set(m[1]!, p)
    }
    expect(found.size).toBeGreaterThan(60)
    const missing = [...found].filter(([a]) => !actions.has(a))
    expect(missing).toEqual([])
  })

  it('holds the actions built from a step’s name', () => {
    const built = [
      ...LIFECYCLE_ACTIONS.map((a) => `problem.${a}`),
      ...['requested', 'granted', 'denied'].map((s) => `extension.${s}`),
      ...['reply', 'link', 'open_problem', 'mark_objection'].map((a) => `public_report.${a}`),
      ...['close', 'partly_close', 'return'].map((d) => `petition.review_${d}`),
    ]
    expect(built.filter((a) => !actions.has(a))).toEqual([])
  })

  it('has an action for every code the API builds from a template', () => {
    // `petition.review_${decision}`: the prefix must begin at least one listed action, so a
    // built family of codes cannot be missed altogether (the browser test found one that was).
    const prefixes = new Set<string>()
    for (const { text } of sources)
      for (const m of text.matchAll(/`([a-z_]+\.[a-z_]*)\$\{/g)) prefixes.add(m[1]!)
    expect(prefixes.size).toBeGreaterThan(0)
    expect([...prefixes].filter((x) => ![...actions].some((a) => a.startsWith(x)))).toEqual([])
  })

  it('holds every entity type the API writes', () => {
    const found = new Set<string>()
    for (const { text } of sources)
      for (const m of text.matchAll(/\bentityType: '([a-z_]+)'/g)) found.add(m[1]!)
    expect(found.size).toBeGreaterThan(25)
    expect([...found].filter((e) => !entityTypes.has(e))).toEqual([])
  })
})
