import { writeFile } from 'node:fs/promises'
import { buildSampleBatch } from '../../modules/petitions/index.js'
import { CliError, UsageError, parse, required, userPath, type Command } from '../support.js'

const positive = (text: string | undefined, flag: string, fallback: number) => {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a positive integer`)
  return n
}

/** `rectify petitions-sample`: writes a sample batch of petition cases (.xlsx) to import. */
export const petitionsSample: Command = {
  name: 'petitions-sample',
  summary: 'write a sample petition batch .xlsx (petitions-sample --out file [--invalid])',
  usage: `Usage: rectify petitions-sample --out <file.xlsx> [--invalid] [--batch <n>] [--count <n>] [--seed <n>]

Writes a realistic batch of petition cases (交办信访件) in the layout inspection teams hand
over: a title row, wrapped headers with synonym variants, about 50 cases across the demo city's
counties and domains, several receipt-number forms, a few multi-domain and multi-region cases,
blank counts and a few deliberate repeats (batch N restates cases of batch N−1).
Needs no database.

  --out <file>   where to write the workbook (required)
  --invalid      add rows that must be refused: an unknown region, an unknown domain, a missing
                 complaint and a duplicate receipt number
  --batch <n>    which 第N批 (default 1): receipt numbers and repeats follow it
  --count <n>    cases in the file (default 50)
  --seed <n>     the same seed writes the same file (default 1)`,

  async run(argv) {
    const { values } = parse(argv, {
      out: { type: 'string' },
      invalid: { type: 'boolean' },
      batch: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
    })
    const out = userPath(required(values.out, 'out'))
    const count = positive(values.count, 'count', 50)
    const buffer = await buildSampleBatch({
      kind: values.invalid ? 'invalid' : 'valid',
      batchSeq: positive(values.batch, 'batch', 1),
      count,
      seed: positive(values.seed, 'seed', 1),
    })
    try {
      await writeFile(out, buffer)
    } catch (err) {
      throw new CliError(`cannot write ${out}: ${(err as Error).message}`)
    }
    console.log(`wrote ${count} cases to ${out}`)
    return 0
  },
}
