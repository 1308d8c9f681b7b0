import { CreateUnitBodySchema, UNIT_KINDS, type CreateUnitBody } from '@rectify/schemas'
import { cliContext } from '../../lib/context.js'
import { createUnitIn, findUnitByCode } from '../../modules/units/index.js'
import {
  CliError,
  assertBody,
  cliConfig,
  parse,
  required,
  requireCurrentSchema,
  withDatabase,
  type Command,
} from '../support.js'

/**
 * `rectify create-unit`: a unit created through the same rules as POST /units. Without --parent
 * it makes a top unit, which is how a city's first install begins when it has no demo data:
 * migrate, create the city's unit, then its first administrator in it (create-user).
 */
export const createUnit: Command = {
  name: 'create-unit',
  summary: 'create a unit (the top unit of a new install, or one under a parent)',
  usage: `Usage: rectify create-unit --code CODE --name NAME --kind KIND [--parent CODE]

Creates a unit through the same rules as the admin screen: a unique code, an active parent.
Without --parent the unit is a top unit: on a new install without demo data, the city itself,
in which \`rectify create-user\` then makes the first administrator. Audited as the CLI.

  --code CODE         1–32 characters: letters, digits, _ -   (e.g. JZ)
  --name NAME         the unit's name as the interface shows it (e.g. 江州市)
  --kind KIND         one of: ${UNIT_KINDS.join(', ')}
  --parent CODE       the code of the unit it belongs to (none: a top unit)

Example: rectify create-unit --code JZ --name 江州市 --kind city`,

  async run(argv) {
    const { values } = parse(argv, {
      code: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      parent: { type: 'string' },
    })
    const draft = {
      code: required(values.code, 'code'),
      name: required(values.name, 'name').trim(),
      kind: required(values.kind, 'kind'),
      parentId: null,
    }
    assertBody(CreateUnitBodySchema, draft)
    const body = draft as CreateUnitBody
    return withDatabase(cliConfig(), async (database) => {
      await requireCurrentSchema(database)
      if (values.parent) {
        const parent = await findUnitByCode(database.db, values.parent)
        if (!parent) throw new CliError(`no unit with code ${values.parent}`)
        body.parentId = parent.id
      }
      const ctx = cliContext('create-unit')
      const unit = await database.db.transaction((tx) => createUnitIn(tx, ctx, body))
      console.log(
        `created unit ${unit.code} ${unit.name} (${unit.id}), ${values.parent ? `under ${values.parent}` : 'a top unit'}`,
      )
      return 0
    })
  },
}
