import { CreateUserBodySchema, ROLES, type Role } from '@rectify/schemas'
import { cliContext } from '../../lib/context.js'
import { findUnitByCode } from '../../modules/units/index.js'
import { readPassword } from '../password.js'
import {
  CliError,
  UsageError,
  assertBody,
  cliConfig,
  cliServices,
  parse,
  required,
  requireCurrentSchema,
  withDatabase,
  type Command,
} from '../support.js'

/** `rectify create-user`: an account created through the same service as POST /users. */
export const createUser: Command = {
  name: 'create-user',
  summary: 'create an account (password from stdin)',
  usage: `Usage: rectify create-user --username U --unit CODE --role R [--role R…] [--display-name N] --password-stdin

Creates an account in the unit with the given code, through the same rules as the admin screen:
the password policy (PASSWORD_POLICY), a unique username, an active unit, and no account that is
both admin and auditor. Audited as the CLI.

  --username U        2–64 characters: letters, digits, _ . -
  --unit CODE         the unit's code, e.g. JZ-OFFICE
  --role R            repeatable; one of: ${ROLES.join(', ')}
  --display-name N    shown in the interface (default: the username)
  --password-stdin    required: read the password from the first line of standard input
                      (prompted without echo on a terminal)

Example: printf '%s\\n' "$PW" | rectify create-user --username wang --unit JZ-EEB --role lead_unit --password-stdin`,

  async run(argv) {
    const { values } = parse(argv, {
      username: { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string', multiple: true },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    })
    const username = required(values.username, 'username')
    const unitCode = required(values.unit, 'unit')
    const roles = parseRoles(values.role)
    if (!values['password-stdin'])
      throw new UsageError('--password-stdin is required (passwords are never taken as arguments)')
    const draft = { username, displayName: values['display-name'] ?? username, roles }
    assertBody(CreateUserBodySchema, {
      ...draft,
      unitId: '00000000-0000-7000-8000-000000000000',
      password: 'x',
    })

    const password = await readPassword()
    const config = cliConfig()
    return withDatabase(config, async (database) => {
      await requireCurrentSchema(database)
      const unit = await findUnitByCode(database.db, unitCode)
      if (!unit) throw new CliError(`no unit with code ${unitCode}`)
      const { users } = cliServices(database, config)
      const user = await users.create(cliContext('create-user'), {
        ...draft,
        unitId: unit.id,
        password,
      })
      console.log(
        `created user ${user.username} (${user.id}) in ${unit.code} ${unit.name}, roles: ${user.roles.join(', ')}`,
      )
      return 0
    })
  },
}

/** The --role values, each one a known role. */
function parseRoles(given: string[] | undefined): Role[] {
  if (!given?.length) throw new UsageError('at least one --role is required')
  for (const r of given)
    if (!(ROLES as readonly string[]).includes(r))
      throw new UsageError(`unknown role ${r} (one of: ${ROLES.join(', ')})`)
  return [...new Set(given)] as Role[]
}
