/**
 * bench-results.json at the repository root: every figure `pnpm bench` prints, also as data, so
 * a script can tell which goals are met — `{name, value, unit, baseline, ratio, goal, met}` per
 * measure, with the concurrency it was measured at, next to the run's machine load (the load
 * average at the start and at the end, and the number of cores): on a shared machine only the
 * same-run ratios mean something, and the load says how much.
 *
 * The file is rewritten after every bench section, so a run that fails half-way still leaves
 * what it measured (with `complete: false`).
 */
import { writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The goal of a measure: its value (or, with `of: 'ratio'`, its ratio) at most or at least `limit`. */
export interface Goal {
  op: '<=' | '>='
  limit: number
  /** What the limit bounds: the value (default) or the ratio to the baseline. */
  of?: 'value' | 'ratio'
}

export interface MeasureInput {
  name: string
  value: number
  unit: string
  /** The same-run reference this measure is compared with: its value (same unit) and name. */
  baseline?: { name: string; value: number } | null
  goal?: Goal | null
  /** Concurrent connections or writers the figure was measured at (1 = one at a time). */
  concurrency?: number | null
}

export interface Measure {
  name: string
  value: number
  unit: string
  /** The baseline's value, in the same unit; null when the measure has none. */
  baseline: number | null
  baselineName: string | null
  /** value ÷ baseline; null without a baseline. */
  ratio: number | null
  /** The goal as text (`≤ 50 ms`, `ratio ≥ 0.25`); null without one. */
  goal: string | null
  /** Whether the goal is met; null without a goal. */
  met: boolean | null
  concurrency: number | null
}

export interface BenchResults {
  startedAt: string
  finishedAt: string | null
  complete: boolean
  database: string
  /** The default concurrency of the route loads (BENCH_CONNECTIONS). */
  concurrency: number
  cores: number
  /** 1, 5 and 15-minute load averages, when the run started and when the file was last written. */
  load: { start: number[]; end: number[] }
  measures: Measure[]
}

const round = (n: number, digits = 4) => Number(n.toFixed(digits))

function goalText(g: Goal, unit: string): string {
  const sign = g.op === '<=' ? '≤' : '≥'
  return g.of === 'ratio' ? `ratio ${sign} ${g.limit}` : `${sign} ${g.limit} ${unit}`
}

/** One measure as written: the ratio computed, the goal checked. */
export function measure(m: MeasureInput): Measure {
  if (!Number.isFinite(m.value)) throw new Error(`bench result ${m.name}: value ${m.value}`)
  const baseline = m.baseline && m.baseline.value > 0 ? m.baseline : null
  const ratio = baseline ? m.value / baseline.value : null
  let met: boolean | null = null
  if (m.goal) {
    const subject = m.goal.of === 'ratio' ? ratio : m.value
    met =
      subject === null
        ? false
        : m.goal.op === '<='
          ? subject <= m.goal.limit
          : subject >= m.goal.limit
  }
  return {
    name: m.name,
    value: round(m.value),
    unit: m.unit,
    baseline: baseline ? round(baseline.value) : null,
    baselineName: baseline?.name ?? null,
    ratio: ratio === null ? null : round(ratio),
    goal: m.goal ? goalText(m.goal, m.unit) : null,
    met,
    concurrency: m.concurrency ?? null,
  }
}

/** The repository root's bench-results.json (this file is apps/api/bench/results.ts). */
export const RESULTS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../bench-results.json',
)

/** Collects the run's measures and (re)writes the file. */
export class ResultsFile {
  private readonly data: BenchResults

  constructor(
    private readonly path: string,
    info: { database: string; concurrency: number },
  ) {
    this.data = {
      startedAt: new Date().toISOString(),
      finishedAt: null,
      complete: false,
      database: info.database,
      concurrency: info.concurrency,
      cores: availableParallelism(),
      load: { start: loadavg().map((n) => round(n, 2)), end: [] },
      measures: [],
    }
  }

  add(...inputs: MeasureInput[]): void {
    for (const m of inputs) this.data.measures.push(measure(m))
  }

  /** Writes what there is so far; `complete` once the run has finished. */
  write(complete = false): BenchResults {
    this.data.load.end = loadavg().map((n) => round(n, 2))
    this.data.complete = complete
    if (complete) this.data.finishedAt = new Date().toISOString()
    writeFileSync(this.path, `${JSON.stringify(this.data, null, 2)}\n`)
    return this.data
  }
}

let current: ResultsFile | null = null

/** Makes `file` the run's results file, which `record` adds to. */
export function useResults(file: ResultsFile | null): void {
  current = file
}

/** Adds measures to the run's bench-results.json (nothing when no run has one, e.g. in a test). */
export function record(...inputs: MeasureInput[]): void {
  current?.add(...inputs)
}

/** `load 2.39 2.47 3.21 on 2 cores` for the printed report. */
export function loadLine(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`
}
