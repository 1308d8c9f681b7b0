import { cliContext } from '../../lib/context.js'
import { findAccount } from '../../modules/auth/index.js'
import { readPassword } from '../password.js'
import {
  CliError,
  UsageError,
  cliConfig,
  cliServices,
  parse,
  required,
  requireCurrentSchema,
  withDatabase,
  type Command,
} from '../support.js'

/** `rectify reset-password`: the admin's reset, for when no admin can log in. */
export const resetPassword: Command = {
  name: 'reset-password',
  summary: "set an account's password (from stdin), end its sessions, lift any lock",
  usage: `Usage: rectify reset-password --username U --password-stdin

Sets a new password (checked against PASSWORD_POLICY), ends all of the account's sessions and
lifts a login lock. Audited as the CLI. Use it to recover the admin account.

  --username U        the account
  --password-stdin    required: read the password from the first line of standard input
                      (prompted without echo on a terminal)`,

  async run(argv) {
    const { values } = parse(argv, {
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    })
    const username = required(values.username, 'username')
    if (!values['password-stdin'])
      throw new UsageError('--password-stdin is required (passwords are never taken as arguments)')
    const password = await readPassword('New password: ')
    const config = cliConfig()
    return withDatabase(config, async (database) => {
      await requireCurrentSchema(database)
      const user = await findAccount(database.db, username)
      if (!user) throw new CliError(`no user named ${username}`)
      const { users } = cliServices(database, config)
      await users.resetPassword(cliContext('reset-password'), user.id, password)
      console.log(`password reset for ${user.username}: all sessions ended, any lock lifted`)
      return 0
    })
  },
}
