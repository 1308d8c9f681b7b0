import { canonicalJson, sha256Hex } from '../../lib/hash.js'
import type { Analysis, ImportContext } from './analyse.js'

/**
 * The dry run's analysis, kept a short while so that the commit which follows it — the same
 * file, the same choices — need not read and analyse the workbook again (for 5,000 tasks that is
 * about a second of CPU, a third of the commit).
 *
 * `analyse(sheet, body, context)` is a pure function of its three inputs, so reuse is exact when
 * all three are the same:
 * - the sheet, by the upload (its id and SHA-256; an upload's bytes never change);
 * - the body, by its canonical JSON without `dryRun`; the round, the actor and the dates likewise;
 * - the context, by a fingerprint of what it read from the database (units, remembered mappings,
 *   the round's existing problems). The commit reads them again inside its transaction, after
 *   locking the upload, and reuses the analysis only when the fingerprint is the same; anything
 *   that changed in between (a unit renamed, a problem edited) makes it analyse afresh.
 *
 * The units the office chose to create get their ids when the context is built; the entry keeps
 * the dry run's context with the analysis so that those ids and the analysis agree.
 *
 * Per process and bounded: a commit on another API instance, or after the entry expired, analyses
 * as before. An entry is taken once (a second commit of the same file analyses afresh and finds
 * everything unchanged).
 */
export class AnalysisCache {
  private readonly entries = new Map<
    string,
    { print: string; context: ImportContext; analysis: Analysis; timer: NodeJS.Timeout }
  >()

  constructor(
    /** Analyses of 5,000 rows weigh tens of MB: only the last few dry runs are kept. */
    private readonly max = 2,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  /** Keeps a dry run's analysis under `key`, with the fingerprint of its context. */
  put(key: string, context: ImportContext, analysis: Analysis): void {
    this.drop(key)
    while (this.entries.size >= this.max) this.drop(this.entries.keys().next().value!)
    const timer = setTimeout(() => this.drop(key), this.ttlMs)
    timer.unref()
    this.entries.set(key, { print: contextPrint(context), context, analysis, timer })
  }

  /**
   * The analysis kept under `key` and the context it was made with, if that context read the
   * same from the database as `fresh`; removed either way.
   */
  take(key: string, fresh: ImportContext): { context: ImportContext; analysis: Analysis } | null {
    const entry = this.entries.get(key)
    if (!entry) return null
    this.drop(key)
    return entry.print === contextPrint(fresh) ? entry : null
  }

  private drop(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    clearTimeout(entry.timer)
    this.entries.delete(key)
  }
}

/** The key of one analysis: upload, round, actor, dates and the body without `dryRun`. */
export function analysisKey(parts: {
  fileId: string
  sha256: string
  roundId: string
  actorId: string
  dates: unknown
  body: { dryRun?: boolean | undefined }
}): string {
  const { dryRun: _dryRun, ...body } = parts.body
  return sha256Hex(canonicalJson({ ...parts, body }))
}

/**
 * What the analysis read from the database, as one digest. `pending` (the units to create) is
 * left out: it follows from the body, which is in the key, and carries fresh ids on every read.
 */
function contextPrint(c: ImportContext): string {
  return sha256Hex(
    JSON.stringify([c.units, [...c.remembered], [...c.existing], c.base, c.today, c.feedbackDate]),
  )
}
