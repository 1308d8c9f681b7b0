import { appliedMigrations, expectedMigrations, runMigrations } from '../../db/migrate.js'
import { RoleSetupError, ensureRuntimeRole } from '../../db/roles.js'
import { CliError, cliConfig, parse, withDatabase, type Command } from '../support.js'

/** `rectify migrate [--status]`: applies pending migrations, or reports how many are pending. */
export const migrate: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (--status: report only)',
  usage: `Usage: rectify migrate [--status]

Applies every pending migration in apps/api/drizzle to the configured database (DATABASE_URL,
or the embedded PGlite in DATA_DIR/pglite, which is created when missing). With
DATABASE_OWNER_URL set, migrates as that owner role, then creates the runtime role of
DATABASE_URL if missing and grants it rows on every table (only INSERT and SELECT on audit_log),
refusing a runtime role that is a superuser or owns anything.

  --status   only report applied/expected migrations; exit 1 when any are pending`,

  async run(argv) {
    const { values } = parse(argv, { status: { type: 'boolean' } })
    const config = cliConfig()
    const expected = expectedMigrations()
    if (values.status) {
      const applied = await withDatabase(config, (database) => appliedMigrations(database))
      const state =
        applied === expected
          ? 'up to date'
          : applied < expected
            ? `${expected - applied} pending`
            : 'database is ahead of this build'
      console.log(`migrations: ${applied} applied, ${expected} expected (${state})`)
      return applied === expected ? 0 : 1
    }
    return withDatabase(
      config,
      async (database) => {
        const before = await appliedMigrations(database)
        await runMigrations(database)
        const after = await appliedMigrations(database)
        console.log(
          `migrations: applied ${after - before}, now ${after} of ${expected} (${database.kind})`,
        )
        if (config.DATABASE_OWNER_URL && config.DATABASE_URL) {
          const done = await ensureRuntimeRole(database, config.DATABASE_URL).catch((err) => {
            throw err instanceof RoleSetupError ? new CliError(err.message) : err
          })
          for (const line of done) console.log(`runtime role: ${line}`)
        }
        return after === expected ? 0 : 1
      },
      { create: true },
    )
  },
}
