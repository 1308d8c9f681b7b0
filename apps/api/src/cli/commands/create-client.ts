import { SCOPES, type Scope } from '@rectify/schemas'
import { cliContext } from '../../lib/context.js'
import { findUnitByCode } from '../../modules/units/index.js'
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

/** `rectify create-client`: an API client for another government system. */
export const createClient: Command = {
  name: 'create-client',
  summary: 'create an API client and print its secret (once)',
  usage: `Usage: rectify create-client --name N --scope S [--scope S…] [--unit CODE]

Creates an API client (OAuth 2 client credentials) and prints its client_id and client_secret.
The secret is stored only as a digest: this is the one time it is shown. Audited as the CLI.

  --name N       what the client is, e.g. "12345 hotline"
  --scope S      repeatable; one of: ${SCOPES.join(', ')}
  --unit CODE    confine the client to this unit and its subtree (default: the whole city)`,

  async run(argv) {
    const { values } = parse(argv, {
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      unit: { type: 'string' },
    })
    const name = required(values.name, 'name')
    if (name.length > 100) throw new UsageError('--name must be at most 100 characters')
    const scopes = parseScopes(values.scope)
    const config = cliConfig()
    return withDatabase(config, async (database) => {
      await requireCurrentSchema(database)
      let unitId: string | null = null
      if (values.unit !== undefined) {
        const unit = await findUnitByCode(database.db, values.unit)
        if (!unit) throw new CliError(`no unit with code ${values.unit}`)
        unitId = unit.id
      }
      const { clients } = cliServices(database, config)
      const { client, clientSecret } = await clients.create(cliContext('create-client'), {
        name,
        scopes,
        unitId,
      })
      console.log(`id: ${client.id}`)
      console.log(`client_id: ${client.clientId}`)
      console.log(`client_secret: ${clientSecret}`)
      console.error(
        'Store the secret now: it is not shown again (rotate it from the admin screen if lost).',
      )
      return 0
    })
  },
}

function parseScopes(given: string[] | undefined): Scope[] {
  if (!given?.length) throw new UsageError('at least one --scope is required')
  for (const s of given)
    if (!(SCOPES as readonly string[]).includes(s))
      throw new UsageError(`unknown scope ${s} (one of: ${SCOPES.join(', ')})`)
  return [...new Set(given)] as Scope[]
}
