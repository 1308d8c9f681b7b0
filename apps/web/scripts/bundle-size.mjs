/**
 * `pnpm bench` (SPA part): builds the SPA into a scratch folder and prints the JavaScript the
 * first page load fetches (the entry and its modulepreloads, gzip -9) against the goal of
 * 150 KB, and the largest lazy chunks (ECharts must be among them, never in the initial set).
 * A baseline measured in the same run: Vue's own runtime, gzip -9, so the ratio is not a
 * machine's mood. Prints; never fails on a size.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const web = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = mkdtempSync(join(tmpdir(), 'rectify-bundle-'))
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
try {
  execFileSync('pnpm', ['exec', 'vite', 'build', '--outDir', out, '--emptyOutDir'], {
    cwd: web,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const html = readFileSync(join(out, 'index.html'), 'utf8')
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
  const sizes = initial.map((f) => ({ f, n: gz(join(out, f)) }))
  const total = sizes.reduce((a, s) => a + s.n, 0)
  const vue = gz(
    createRequire(join(web, 'package.json')).resolve('vue/dist/vue.runtime.esm-browser.prod.js'),
  )
  const lazy = readdirSync(join(out, 'assets'))
    .filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
    .map((f) => ({ f, n: gz(join(out, 'assets', f)) }))
    .sort((a, b) => b.n - a.n)
  const echartsInitial = sizes.some((s) => readFileSync(join(out, s.f), 'utf8').includes('echarts'))
  console.log('SPA initial JavaScript (gzip -9)')
  for (const s of sizes) console.log(`  ${s.f.padEnd(48)} ${kb(s.n)}`)
  console.log(`  total ${kb(total)}  (goal ≤ 150 KB: ${total <= 150 * 1024 ? 'met' : 'NOT met'})`)
  console.log(
    `  baseline: Vue runtime alone ${kb(vue)} → initial = ${(total / vue).toFixed(2)}× Vue`,
  )
  console.log(`  ECharts in the initial set: ${echartsInitial ? 'YES (wrong)' : 'no'}`)
  console.log('  largest lazy chunks:')
  for (const s of lazy.slice(0, 5)) console.log(`    ${s.f.padEnd(46)} ${kb(s.n)}`)
} finally {
  rmSync(out, { recursive: true, force: true })
}
