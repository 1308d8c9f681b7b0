import { DEMO_PASSWORD, isEmpty, seedDemo } from '../../seed/demo.js'
import { CliError, UsageError, cliConfig, parse, requireCurrentSchema, withDatabase, type Command } from '../support.js'

/** `rectify seed --demo`: the demo city and one account per role, into an empty database. */
export const seed: Command = {
  name: 'seed',
  summary: 'load the demo city and accounts into an empty database',
  usage: `Usage: rectify seed --demo

Creates the demo city (江州市: departments, counties, townships) and one account per role, all
with the demo password, in one audited transaction. Refuses a database that already has units.

  --demo   required: the demo data set is the only one there is`,

  async run(argv) {
    const { values } = parse(argv, { demo: { type: 'boolean' } })
    if (!values.demo) throw new UsageError('--demo is required')
    return withDatabase(cliConfig(), async (database) => {
      await requireCurrentSchema(database)
      if (!(await isEmpty(database.db)))
        throw new CliError('the database already has units: seed --demo needs an empty database')
      const result = await seedDemo(database.db)
      console.log(`seeded the demo city: ${result.units} units, ${result.users} accounts (password ${DEMO_PASSWORD}, demo only)`)
      return 0
    })
  },
}
