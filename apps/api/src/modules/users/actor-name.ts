import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../../lib/context.js'
import { usersRepository } from './users.repository.js'

/**
 * The name records show for the actor (who applied, replied, reviewed): a person's display name,
 * else the client's or the CLI's name, else its type. Read inside the writer's transaction.
 */
export async function actorName(db: DbOrTx, actor: Actor): Promise<string> {
  const person =
    actor.type === 'user' && actor.id ? await usersRepository.displayName(db, actor.id) : null
  return person ?? actor.name ?? actor.type
}
