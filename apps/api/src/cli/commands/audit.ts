import { verifyAuditChain } from '../../modules/audit/index.js'
import {
  UsageError,
  cliConfig,
  parse,
  requireCurrentSchema,
  withDatabase,
  type Command,
} from '../support.js'

/** `rectify audit verify`: recomputes the audit log's hash chain from the first entry. */
export const audit: Command = {
  name: 'audit',
  summary: 'verify the audit log hash chain (audit verify)',
  usage: `Usage: rectify audit verify

Walks the whole audit log in order, recomputing every entry's hash and its link to the previous
one. Prints "audit chain OK: N entries", or names the first entry that was altered, removed or
inserted and exits 1.`,

  async run(argv) {
    const { positionals } = parse(argv, {}, true)
    if (positionals.length !== 1 || positionals[0] !== 'verify')
      throw new UsageError(
        positionals.length
          ? `unknown audit subcommand: ${positionals.join(' ')}`
          : 'missing subcommand: verify',
      )
    return withDatabase(cliConfig(), async (database) => {
      await requireCurrentSchema(database)
      const result = await verifyAuditChain(database)
      if (result.ok) {
        console.log(`audit chain OK: ${result.checked} entries`)
        return 0
      }
      console.error(`audit chain BROKEN at entry ${result.broken!.seq}: ${result.broken!.reason}`)
      return 1
    })
  },
}
