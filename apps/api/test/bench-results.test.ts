import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RESULTS_PATH, ResultsFile, measure, record, useResults } from '../bench/results.js'

/**
 * The writer of bench-results.json (bench/results.ts): the shape a script reads to tell which
 * goals are met. No time is measured here: the values are given.
 */
const dir = mkdtempSync(join(tmpdir(), 'rectify-bench-results-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a bench measure', () => {
  it('carries its ratio to the same-run baseline and whether its goal is met', () => {
    const m = measure({
      name: 'dashboard overview p50',
      value: 40,
      unit: 'ms',
      baseline: { name: 'pk p50', value: 2.5 },
      goal: { op: '<=', limit: 50 },
      concurrency: 1,
    })
    expect(m).toEqual({
      name: 'dashboard overview p50',
      value: 40,
      unit: 'ms',
      baseline: 2.5,
      baselineName: 'pk p50',
      ratio: 16,
      goal: '≤ 50 ms',
      met: true,
      concurrency: 1,
    })
    expect(measure({ name: 'x', value: 51, unit: 'ms', goal: { op: '<=', limit: 50 } }).met).toBe(
      false,
    )
  })

  it('checks a ratio goal against the ratio, and fails it without a baseline', () => {
    const goal = { op: '>=', limit: 0.25, of: 'ratio' } as const
    const base = { name: 'pgbench without the lock', value: 2000 }
    const met = measure({ name: 'writes', value: 600, unit: 'writes/s', baseline: base, goal })
    expect(met).toMatchObject({ ratio: 0.3, goal: 'ratio ≥ 0.25', met: true })
    const short = measure({ name: 'writes', value: 400, unit: 'writes/s', baseline: base, goal })
    expect(short).toMatchObject({ ratio: 0.2, met: false })
    const none = measure({ name: 'writes', value: 400, unit: 'writes/s', goal })
    expect(none).toMatchObject({ baseline: null, ratio: null, met: false })
  })

  it('has no ratio and no verdict without a baseline and a goal', () => {
    expect(measure({ name: 'hello req/s', value: 9000, unit: 'req/s' })).toMatchObject({
      baseline: null,
      baselineName: null,
      ratio: null,
      goal: null,
      met: null,
      concurrency: null,
    })
  })

  it('refuses a value that is not a number', () => {
    expect(() => measure({ name: 'broken', value: Number.NaN, unit: 'ms' })).toThrow(/broken/)
  })
})

describe('bench-results.json', () => {
  it('is written at the repository root', () => {
    expect(RESULTS_PATH).toMatch(/[\\/]bench-results\.json$/)
    expect(readFileSync(join(RESULTS_PATH, '..', 'pnpm-workspace.yaml'), 'utf8')).toContain(
      'packages',
    )
  })

  it('holds every measure recorded, the concurrency and the load, complete only at the end', () => {
    const path = join(dir, 'bench-results.json')
    const file = new ResultsFile(path, { database: 'postgres, province', concurrency: 10 })
    useResults(file)
    try {
      record({ name: 'GET /problems req/s', value: 120, unit: 'req/s', concurrency: 10 })
      file.write()
      const partial = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
      expect(partial).toMatchObject({ complete: false, finishedAt: null, concurrency: 10 })
      record(
        { name: 'GET /problems p99', value: 80, unit: 'ms', concurrency: 10 },
        { name: 'export peak RSS', value: 280, unit: 'MB', goal: { op: '<=', limit: 300 } },
      )
      file.write(true)
    } finally {
      useResults(null)
    }
    const data = JSON.parse(readFileSync(path, 'utf8')) as {
      complete: boolean
      finishedAt: string
      database: string
      cores: number
      load: { start: number[]; end: number[] }
      measures: Record<string, unknown>[]
    }
    expect(data.complete).toBe(true)
    expect(Date.parse(data.finishedAt)).not.toBeNaN()
    expect(data.database).toBe('postgres, province')
    expect(data.cores).toBeGreaterThan(0)
    expect(data.load.start).toHaveLength(3)
    expect(data.load.end).toHaveLength(3)
    expect(data.measures.map((m) => m.name)).toEqual([
      'GET /problems req/s',
      'GET /problems p99',
      'export peak RSS',
    ])
    for (const m of data.measures)
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining(['name', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met']),
      )
    expect(data.measures[2]).toMatchObject({ goal: '≤ 300 MB', met: true })
  })

  it('is left alone by record when no run has a file', () => {
    expect(() => record({ name: 'stray', value: 1, unit: 'ms' })).not.toThrow()
  })
})
