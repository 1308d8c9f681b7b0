import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

/** A chunk made of everything a set of lazily loaded files needs that the entry does not. */
export interface RouteChunk {
  /** The chunk's name (its file is `<name>-<hash>.js`). */
  name: string
  /** The files (absolute paths) whose static imports, followed to the end, make the chunk. */
  roots: string[]
  /**
   * Takes only what its roots need out of the chunk of this name (given before it), so that
   * code (a route's data prefetch) comes without waiting for the rest of that chunk.
   */
  within?: string
}

/** The group of modules more than one RouteChunk needs. */
const SHARED = 'shared'
/** Element Plus's index, through which the SPA imports every component. */
const BARREL = /[\\/]element-plus[\\/]es[\\/]index\.mjs$/
/** `import { ElTable, ElButton as B } from 'element-plus'` in a module's code. */
const BARREL_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']element-plus["']/g

/**
 * Each name Element Plus's index exports → the file it comes from. The index is
 * `import { a, b as c } from "./x.mjs"` lines and one `export { a, c as D, … }`.
 */
function barrelFiles(barrel: string): Map<string, string> {
  const text = readFileSync(barrel, 'utf8')
  const local = new Map<string, string>()
  for (const m of text.matchAll(/import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+"([^"]+)"/g)) {
    const file = resolve(dirname(barrel), m[3]!)
    if (m[1]) local.set(m[1], file)
    for (const spec of m[2]?.split(',') ?? []) {
      const name = spec.trim().split(/\s+as\s+/)
      if (name[0]) local.set(name.at(-1)!, file)
    }
  }
  const files = new Map<string, string>()
  for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const spec of m[1]!.split(',')) {
      const [name, as] = spec.trim().split(/\s+as\s+/)
      const file = name && local.get(name)
      if (file) files.set(as ?? name!, file)
    }
  }
  return files
}

/**
 * Groups the code a first page load needs into a few files (issue 15). Left to itself the
 * bundler cuts a chunk for every set of views sharing a module, so the staff layout and the
 * ledger came as some 70 script files (one per Element Plus component, nearly), and on a cold
 * load they held all six of the browser's connections to the host while /auth/refresh waited
 * behind them. Here the entry takes its whole static closure; each RouteChunk takes what its
 * roots statically import that the entry does not, and what more than one of them needs goes
 * to one `shared` chunk: a reload of the ledger loads the entry, shared, layout, ledger and
 * ledger-data, the login page the entry, shared and login. Other views keep the bundler's own
 * chunks, and load a group's file when they need one of its modules.
 *
 * A module imported through Element Plus's index counts only the components it names, not the
 * whole index (else the entry, which imports ElConfigProvider from it, would take them all).
 */
export function routeChunks(groups: RouteChunk[]): Plugin {
  /** Module id → the group that takes it (`app` for the entry's static closure). */
  const owner = new Map<string, string>()
  /** Module id → the Element Plus names it imports from the index. */
  const named = new Map<string, string[]>()
  return {
    name: 'rectify-route-chunks',
    apply: 'build',
    config() {
      // Rolldown fills a group with its modules' dependencies too, unless a group before it
      // took them: so the groups a later one depends on come first (a `within` group before
      // the one it is cut from).
      const names = [
        'app',
        SHARED,
        ...groups.filter((g) => g.within).map((g) => g.name),
        ...groups.filter((g) => !g.within).map((g) => g.name),
      ]
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: names.map((name, i) => ({
                  name,
                  test: (id: string) => owner.get(id) === name,
                  priority: names.length - i,
                })),
              },
            },
          },
        },
      }
    },
    transform(code, id) {
      if (id.includes('node_modules')) return
      const found = [...code.matchAll(BARREL_IMPORT)].flatMap((m) =>
        m[1]!.split(',').map((spec) => spec.trim().split(/\s+as\s+/)[0]!),
      )
      if (found.length) named.set(id, found)
    },
    buildEnd() {
      owner.clear()
      const ids = [...this.getModuleIds()]
      const barrel = ids.find((id) => BARREL.test(id))
      const files = barrel ? barrelFiles(barrel) : new Map<string, string>()
      const imports = (id: string): string[] => {
        const direct = this.getModuleInfo(id)?.importedIds ?? []
        if (!barrel || !direct.includes(barrel)) return [...direct]
        const through = (named.get(id) ?? []).map((name) => files.get(name) ?? barrel)
        return [...direct.filter((d) => d !== barrel), ...through]
      }
      /** Every module `starts` statically import, to the end, that the entry has not. */
      const closure = (starts: Iterable<string>) => {
        const seen = new Set<string>()
        const queue = [...starts]
        for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
          if (seen.has(id) || owner.has(id)) continue
          seen.add(id)
          queue.push(...imports(id))
        }
        return seen
      }
      for (const id of closure(ids.filter((id) => this.getModuleInfo(id)?.isEntry)))
        owner.set(id, 'app')
      const reached = new Map<string, string>()
      for (const group of groups) {
        if (group.within) continue
        for (const id of closure(group.roots))
          reached.set(id, reached.has(id) ? SHARED : group.name)
      }
      for (const group of groups) {
        if (!group.within) continue
        for (const id of closure(group.roots))
          if (reached.get(id) === group.within) reached.set(id, group.name)
      }
      for (const [id, name] of reached) owner.set(id, name)
    },
  }
}

/** An absolute path under apps/web/src, as the bundler names the module. */
export function source(path: string): string {
  return fileURLToPath(new URL(`../src/${path}`, import.meta.url))
}
