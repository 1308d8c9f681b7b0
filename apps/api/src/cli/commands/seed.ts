import { dataDir } from '../../config.js'
import { openFieldCipher } from '../../lib/crypto/data-keys.js'
import { fileStoreFor } from '../../modules/files/index.js'
import { DEMO_PASSWORD, isEmpty, seedDemo } from '../../seed/demo.js'
import { PROVINCE_DEFAULTS, seedProvince } from '../../seed/province.js'
import {
  CliError,
  UsageError,
  cliConfig,
  parse,
  requireCurrentSchema,
  withDatabase,
  type Command,
} from '../support.js'

/** One line that redraws itself on a terminal (and prints plain lines when piped). */
function progressBar(phase: string, done: number, total: number) {
  const width = 30
  const share = total ? Math.min(1, done / total) : 1
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.')
  const line = `${phase.padEnd(9)} [${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`)
  else if (done >= total || done === 0) process.stderr.write(`${line}\n`)
}

/** `rectify seed --demo | --profile province`: demo data into an empty database. */
export const seed: Command = {
  name: 'seed',
  summary: 'load the demo city, or a province-sized data set, into an empty database',
  usage: `Usage: rectify seed --demo
       rectify seed --profile province [--problems N]

--demo                 the demo city (江州市: departments, counties, townships), one account per
                       role with the demo password, and its problem list (about 46 problems in
                       every state, with measures, reports and evidence files), in one audited
                       transaction. Refuses a database that already has units.
--profile province     a province-sized data set for benchmarks: 11 cities, ${PROVINCE_DEFAULTS.problems}
                       problems, ${PROVINCE_DEFAULTS.problems * PROVINCE_DEFAULTS.measuresPerProblem} measures and ${PROVINCE_DEFAULTS.problems * PROVINCE_DEFAULTS.measuresPerProblem * PROVINCE_DEFAULTS.reportsPerMeasure} progress reports, with a progress
                       bar; added beside whatever the database holds.
--problems N           with --profile: how many problems (measures and reports scale with it)`,

  async run(argv) {
    const { values } = parse(argv, {
      demo: { type: 'boolean' },
      profile: { type: 'string' },
      problems: { type: 'string' },
    })
    if (values.demo === !!values.profile)
      throw new UsageError('give either --demo or --profile province')
    if (values.profile && values.profile !== 'province')
      throw new UsageError(`unknown profile ${values.profile}`)
    const problems =
      values.problems === undefined ? PROVINCE_DEFAULTS.problems : Number(values.problems)
    if (!Number.isInteger(problems) || problems < 1 || problems > 1_000_000)
      throw new UsageError('--problems takes a whole number from 1 to 1000000')
    const config = cliConfig()
    return withDatabase(config, async (database) => {
      await requireCurrentSchema(database)
      if (values.profile) {
        const started = Date.now()
        const r = await seedProvince(database, {
          ...PROVINCE_DEFAULTS,
          problems,
          onProgress: progressBar,
        })
        console.log(
          `seeded the province profile in ${Math.round((Date.now() - started) / 1000)} s: ${r.units} units, ${r.problems} problems, ${r.measures} measures, ${r.reports} progress reports`,
        )
        return 0
      }
      if (!(await isEmpty(database.db)))
        throw new CliError('the database already has units: seed --demo needs an empty database')
      const { cipher } = await openFieldCipher(database, config, dataDir(config))
      const r = await seedDemo(database.db, fileStoreFor(config), cipher)
      console.log(
        `seeded the demo city: ${r.units} units, ${r.users} accounts (password ${DEMO_PASSWORD}, demo only), ${r.problems} problems, ${r.reports} reports, ${r.files} evidence files`,
      )
      return 0
    })
  },
}
