import type { AcceptanceSnapshot } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { canonicalJson, sha256Hex } from '../../lib/hash.js'
import { loadMeasures } from '../measures/index.js'
import type { LightSettings } from '../problems/index.js'
import { readProblem } from '../problems/index.js'
import { reportsOfProblem } from '../reports/index.js'
import { toReport } from '../reports/index.js'
import { acceptanceRepository } from './acceptance.repository.js'
import { filesOf, toFileInfo } from '../files/index.js'

export type SnapshotContent = AcceptanceSnapshot['content']

/** More reports than any problem files in a rectification period; a guard, not a page size. */
const MAX_REPORTS = 100_000

/**
 * What a passing review accepted, frozen: the problem, its measures with milestones, its
 * reports with their evidence, and every file of the problem with its SHA-256, as the API
 * showed them on `today`. Stored as it is returned, so later edits never change it.
 */
export async function freezeSnapshot(
  db: DbOrTx,
  problemId: string,
  today: string,
  settings: LightSettings,
): Promise<{ content: SnapshotContent; sha256: string }> {
  const reports = await reportsOfProblem(db, problemId, MAX_REPORTS)
  const evidence = await filesOf(
    db,
    'report',
    reports.map((r) => r.report.id),
  )
  const content: SnapshotContent = {
    // Without the responsible persons' phones: a frozen record is kept and copied for years.
    problem: await readProblem(db, problemId, today, settings, null),
    measures: await loadMeasures(db, problemId, today, settings),
    reports: reports.map((r) =>
      toReport(
        r,
        evidence.filter((f) => f.ownerId === r.report.id),
      ),
    ),
    files: (await acceptanceRepository.filesOfProblem(db, problemId)).map(toFileInfo),
  }
  // Through JSON once, so the hash covers exactly what jsonb keeps (no undefined fields).
  const stored = JSON.parse(JSON.stringify(content)) as SnapshotContent
  return { content: stored, sha256: snapshotSha256(stored) }
}

/** The SHA-256 of a snapshot's canonical JSON (lib/hash.ts), as stored and as anyone can recompute. */
export function snapshotSha256(content: unknown): string {
  return sha256Hex(canonicalJson(content))
}
