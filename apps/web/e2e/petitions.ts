/** Petition batches for the browser tests: the sample table the CLI writes, a new empty batch. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unique, type City, type Versioned, type World } from './fixtures'
import { repoRoot } from './system.mjs'
import { shanghaiDay } from './ui.mjs'

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The sample batch 第`seq`批 as the CLI writes it (it needs no database, only writes a file). */
export function sampleBatch(seq: number): { name: string; mimeType: string; buffer: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rectify-e2e-petitions-'))
  const file = path.join(dir, `第${seq}批交办信访件.xlsx`)
  try {
    execFileSync(
      process.execPath,
      ['apps/api/bin/rectify.mjs', 'petitions-sample', '--out', file, '--batch', String(seq)],
      { cwd: repoRoot, stdio: 'pipe' },
    )
    return { name: path.basename(file), mimeType: XLSX, buffer: readFileSync(file) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export type Batch = Versioned & { seq: number }

/** The counties the CLI's sample cases come from (its SAMPLE_REGIONS, the demo city's). */
const SAMPLE_REGIONS = ['江东区', '江西区', '临湖县', '青山县', '平川县', '云溪县']

/**
 * The counties the sample batch's cases name, found or made: the import matches 所属区域 by
 * name, so on a system without the demo city the sample would read as unknown regions.
 */
export async function sampleRegions(world: World): Promise<void> {
  for (const name of SAMPLE_REGIONS) await world.unitNamed(name, 'county')
}

/**
 * A new, empty batch of `city`'s round. Its 第N批 is the next after every batch the office sees,
 * so the sample table of that number (whose receipt numbers follow N) holds only new cases.
 */
export async function newBatch(city: City): Promise<Batch> {
  const { items } = await city.officeApi.call<{ items: Batch[] }>(
    'GET',
    '/petition-batches?limit=100',
  )
  const seq = Math.max(0, ...items.map((b) => b.seq)) + 1
  return city.officeApi.call<Batch>('POST', '/petition-batches', {
    roundId: city.round.id,
    seq,
    handedOn: shanghaiDay(0),
    source: 'central',
    declaredCount: 50,
    handlingDays: 15,
  })
}

export interface Petition extends Versioned {
  receiptNo: string
  reportedParty: string | null
  status: string
  handlingUnit: { name: string } | null
}

/** One case of a new batch of `city`'s, entered by the office and assigned to its county. */
export async function assignedCase(city: City): Promise<Petition> {
  const batch = await newBatch(city)
  const petition = await city.officeApi.call<Petition>('POST', '/petitions', {
    batchId: batch.id,
    receiptNo: unique('E2E'),
    regionIds: [city.county.id],
    reportedParty: `${city.county.name}城关镇恒昌化工有限公司`,
    domains: ['water'],
    complaint: '企业夜间偷排生产废水，河水发黑发臭，群众反映强烈。',
  })
  await city.officeApi.call('POST', '/petitions/assign', {
    petitionIds: [petition.id],
    unitId: city.county.id,
    deadline: shanghaiDay(15),
  })
  return petition
}
