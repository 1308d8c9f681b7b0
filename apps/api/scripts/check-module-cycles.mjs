#!/usr/bin/env node
// Fails when the domain modules import each other in a circle (STYLE.md §17).
//
// The graph is folder level: an edge A → B is any import (static `import … from`, `export … from`
// or dynamic `import('…')`, type-only ones included: they couple the modules just the same) from a
// file under src/modules/A/ of a file under src/modules/B/. Cycles are found as the strongly
// connected components of that graph (Tarjan); each one with more than one module is printed with
// one import per edge that keeps it closed, so the fix can start there.
//
// It also keeps the modules' READMEs true: each module has a README.md whose `Depends on:` and
// `Used by:` lines name exactly the modules the graph says (in any order; `nothing` and
// `no other module` for none), so a new import between modules fails until its README says so.
//
// Usage: node apps/api/scripts/check-module-cycles.mjs [--graph]
//   --graph  also print every module's outgoing edges
// Exit status: 0 without cycles and with true READMEs, 1 otherwise.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const modulesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../src/modules')

/** Every .ts file below `dir`. */
function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** The module (first folder below src/modules) a path lies in, or undefined outside them. */
function moduleOf(path) {
  const rel = relative(modulesDir, path)
  if (rel.startsWith('..') || !rel.includes(sep)) return undefined
  return rel.split(sep)[0]
}

const specifier =
  /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

const modules = readdirSync(modulesDir).filter((name) =>
  statSync(join(modulesDir, name)).isDirectory(),
)
/** edges.get(A).get(B): one example import that makes A depend on B. */
const edges = new Map(modules.map((m) => [m, new Map()]))
for (const module of modules) {
  for (const file of sourceFiles(join(modulesDir, module))) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(specifier)) {
      const spec = match[1] ?? match[2]
      if (!spec.startsWith('.')) continue
      const target = moduleOf(resolve(dirname(file), spec))
      if (target && target !== module && !edges.get(module).has(target)) {
        edges.get(module).set(target, `${relative(modulesDir, file)} → ${spec}`)
      }
    }
  }
}

// Tarjan's strongly connected components.
let index = 0
const stack = []
const state = new Map()
const components = []
function connect(v) {
  state.set(v, { index, low: index, onStack: true })
  index += 1
  stack.push(v)
  for (const w of edges.get(v).keys()) {
    if (!state.has(w)) {
      connect(w)
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low)
    } else if (state.get(w).onStack) {
      state.get(v).low = Math.min(state.get(v).low, state.get(w).index)
    }
  }
  if (state.get(v).low === state.get(v).index) {
    const component = []
    let w
    do {
      w = stack.pop()
      state.get(w).onStack = false
      component.push(w)
    } while (w !== v)
    components.push(component)
  }
}
for (const m of modules) if (!state.has(m)) connect(m)

if (process.argv.includes('--graph')) {
  for (const m of modules) console.log(`${m} → ${[...edges.get(m).keys()].sort().join(', ')}`)
}

const cycles = components.filter((c) => c.length > 1).map((c) => c.sort())
const edgeCount = [...edges.values()].reduce((sum, out) => sum + out.size, 0)
if (cycles.length === 0) {
  console.log(`module graph: ${modules.length} modules, ${edgeCount} edges, no cycles`)
} else {
  console.error(`module graph: ${modules.length} modules, ${cycles.length} cycle(s)`)
  for (const cycle of cycles) {
    console.error(`\n  cycle of ${cycle.length} modules: ${cycle.join(', ')}`)
    const members = new Set(cycle)
    for (const from of cycle) {
      for (const [to, example] of edges.get(from)) {
        if (members.has(to)) console.error(`    ${from} → ${to}   (${example})`)
      }
    }
  }
  process.exitCode = 1
}

/** The module names a README line lists (`Depends on: a, b.`), or null without such a line. */
function listed(readme, label, none) {
  const line = new RegExp(`^${label}: (.*?)\\.?$`, 'm').exec(readme)
  if (!line) return null
  return line[1] === none ? [] : line[1].split(',').map((s) => s.trim())
}
const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x))
let untrue = 0
for (const m of modules) {
  const path = join(modulesDir, m, 'README.md')
  const readme = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const deps = [...edges.get(m).keys()].sort()
  const users = modules.filter((u) => edges.get(u).has(m))
  for (const [label, none, actual] of [
    ['Depends on', 'nothing', deps],
    ['Used by', 'no other module', users],
  ]) {
    const said = listed(readme, label, none)
    if (!said || !sameSet(said, actual)) {
      untrue += 1
      const want = actual.length ? actual.join(', ') : none
      console.error(`modules/${m}/README.md: the line should read \`${label}: ${want}.\``)
    }
  }
}
if (untrue) process.exitCode = 1
