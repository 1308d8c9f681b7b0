import { sql } from 'drizzle-orm'
import { auditLog } from '../db/schema/index.js'

/**
 * Who made an audit entry, in words, resolved when it is read: the audit log keeps what the
 * actor was called at the time (a person's login name, a client's name) and is never rewritten,
 * while readers want the person's name and unit (issue 16: no login names on the screen). For a
 * client or the CLI there is no person: both are null and the stored name stands.
 *
 * The CASE keeps the cast to uuid to the entries of people, whose actor id is always a user id.
 * Tables are aliased by hand: drizzle leaves columns unqualified in a one-table select.
 */
const actorUser = sql`(case when ${auditLog.actorType} = 'user' then ${auditLog.actorId}::uuid end)`

/** The person's name (users.display_name), or null for anyone who is not a person. */
export const actorDisplayName = sql<string | null>`(
  select au.display_name from users au where au.id = ${actorUser}
)`

/** The name of the person's unit, or null. */
export const actorUnitName = sql<string | null>`(
  select aun.name from users au join units aun on aun.id = au.unit_id where au.id = ${actorUser}
)`
