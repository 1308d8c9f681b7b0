/** Petition batches for the browser tests: the sample table the CLI writes, a new empty batch. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { api } from './harness.mjs'
import { repoRoot } from './system.mjs'
import { shanghaiDay } from './ui.mjs'

/** The sample batch 第`seq`批 as the CLI writes it (it needs no database, only writes a file). */
export function sampleBatch(seq) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rectify-e2e-petitions-'))
  const file = path.join(dir, `第${seq}批交办信访件.xlsx`)
  try {
    execFileSync(
      process.execPath,
      ['apps/api/bin/rectify.mjs', 'petitions-sample', '--out', file, '--batch', String(seq)],
      { cwd: repoRoot, stdio: 'pipe' },
    )
    return { name: path.basename(file), buffer: readFileSync(file) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A new, empty batch of the first round at the next free 第N批, created over the API. */
export async function newBatch(office) {
  const round = (await api(office, 'GET', '/rounds')).items[0]
  const { items } = await api(office, 'GET', '/petition-batches?limit=100')
  const seq = Math.max(0, ...items.map((b) => b.seq)) + 1
  return api(office, 'POST', '/petition-batches', {
    roundId: round.id,
    seq,
    handedOn: shanghaiDay(0),
    source: 'central',
    declaredCount: 50,
    handlingDays: 15,
  })
}
