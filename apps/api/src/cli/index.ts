/**
 * `rectify`: the admin CLI. Run it on the server, with the server's environment:
 *
 *   pnpm rectify <command> [options]          (from the repository root)
 *   node apps/api/dist/cli.js <command> [options]      (the build, as the bin runs it)
 *   node --import tsx apps/api/src/cli/index.ts <command> [options]   (from source)
 *
 * Exit status: 0 success, 1 failure (one line on stderr), 2 bad arguments or configuration.
 */
import { ConfigError } from '../config.js'
import { AppError } from '../errors.js'
import { audit } from './commands/audit.js'
import { backup } from './commands/backup.js'
import { createClient } from './commands/create-client.js'
import { createUnit } from './commands/create-unit.js'
import { createUser } from './commands/create-user.js'
import { doctor } from './commands/doctor.js'
import { keys } from './commands/keys.js'
import { migrate } from './commands/migrate.js'
import { petitionsSample } from './commands/petitions-sample.js'
import { resetPassword } from './commands/reset-password.js'
import { restore } from './commands/restore.js'
import { seed } from './commands/seed.js'
import { CliError, UsageError, type Command } from './support.js'

const COMMANDS: readonly Command[] = [
  migrate,
  seed,
  createUnit,
  createUser,
  resetPassword,
  createClient,
  audit,
  backup,
  restore,
  keys,
  doctor,
  petitionsSample,
]

const USAGE = `Usage: rectify <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(18)}${c.summary}`).join('\n')}

Run \`rectify <command> --help\` for a command's options. The CLI reads the same environment as
the server (DATABASE_URL, or DATA_DIR for the embedded PGlite database, PASSWORD_POLICY, …).
With PGlite, stop the server first: one data directory cannot be opened by two processes.
Exit status: 0 success, 1 failure, 2 bad arguments or configuration.`

const isHelp = (a: string) => a === '--help' || a === '-h'

/** Runs one command line; resolves to the exit status. Never throws. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    console.error(USAGE)
    return 2
  }
  if (isHelp(name) || name === 'help') {
    console.log(USAGE)
    return 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    console.error(`rectify: unknown command ${name}\n\n${USAGE}`)
    return 2
  }
  if (rest.some(isHelp)) {
    console.log(command.usage)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (err) {
    return report(command, err)
  }
}

/** Prints a failure: expected ones as one line, unexpected ones with their stack. */
function report(command: Command, err: unknown): number {
  const prefix = `rectify ${command.name}:`
  if (err instanceof UsageError) {
    console.error(`${prefix} ${err.message}\n\n${command.usage}`)
    return err.exitCode
  }
  if (err instanceof CliError) {
    console.error(`${prefix} ${err.message}`)
    return err.exitCode
  }
  if (err instanceof ConfigError) {
    console.error(`${prefix} invalid configuration: ${err.problems.join('; ')}`)
    return 2
  }
  if (err instanceof AppError) {
    console.error(`${prefix} ${err.message}`)
    return 1
  }
  if (isOperational(err)) {
    console.error(`${prefix} ${describe(err)}`)
    return 1
  }
  console.error(`${prefix} unexpected error:`, err)
  return 1
}

/**
 * Failures of the environment rather than bugs: the database unreachable or refusing us (Node
 * system errors carry `syscall`, PostgreSQL errors `severity`), a file that cannot be written.
 */
function isOperational(err: unknown): err is Error & { code?: string; errors?: Error[] } {
  if (!(err instanceof Error)) return false
  const e = err as Error & { syscall?: unknown; severity?: unknown; errors?: unknown }
  return (
    e.syscall !== undefined ||
    e.severity !== undefined ||
    (e instanceof AggregateError && 'code' in e)
  )
}

function describe(err: Error & { code?: string; errors?: Error[] }): string {
  // net.connect to several addresses fails with an AggregateError whose own message is empty.
  const message = err.message || err.errors?.[0]?.message || ''
  return message || err.code || 'failed'
}

process.exit(await main(process.argv.slice(2)))
