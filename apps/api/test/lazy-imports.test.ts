import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Heavy libraries load when first used (a dynamic import at the use site), not when the API
 * starts: the server's static import graph, followed from src/server.ts through every
 * `import … from` and `export … from` that is not type-only, must not reach them. PGlite (and
 * drizzle's driver for it) loads only when the embedded database is opened, not with PostgreSQL.
 */
const HEAVY = [
  'exceljs',
  'docx',
  '@e965/xlsx',
  '@aws-sdk/client-s3',
  'pg-boss',
  '@electric-sql/pglite',
  'drizzle-orm/pglite',
]
const SRC = resolve(import.meta.dirname, '../src')

const STATIC = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gmu

/** Every package a module reaches through static, non-type imports, with the path to it. */
function reach(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>()
  const seen = new Set<string>()
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(STATIC)) {
      const spec = m[1]!
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec.replace(/\.js$/u, '.ts'))
        if (existsSync(target)) walk(target, [...trail, target.slice(SRC.length + 1)])
      } else if (!spec.startsWith('node:') && !packages.has(spec)) packages.set(spec, trail)
    }
  }
  walk(entry, ['server.ts'])
  return packages
}

describe('start-up imports', () => {
  const reached = reach(join(SRC, 'server.ts'))

  it('follows the graph (a broken walker would find nothing and prove nothing)', () => {
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['fastify', 'drizzle-orm']))
  })

  it.each(HEAVY)('does not load %s when the server starts', (pkg) => {
    const hits = [...reached.entries()].filter(
      ([spec]) => spec === pkg || spec.startsWith(`${pkg}/`),
    )
    expect(hits.map(([spec, trail]) => `${spec} via ${trail.join(' → ')}`)).toEqual([])
  })
})
