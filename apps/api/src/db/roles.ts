import type { Database } from './client.js'

/**
 * Two database roles on PostgreSQL: the owner (DATABASE_OWNER_URL) owns the schema and runs
 * migrations and the CLI's admin commands; the runtime role (DATABASE_URL), the API's, owns
 * nothing and may only read and write rows — on `audit_log` only INSERT and SELECT, so it can
 * neither change an entry nor alter or disable the table's append-only triggers (ALTER TABLE
 * needs ownership). `rectify migrate` calls `ensureRuntimeRole` after migrating.
 */

/** Table privileges the runtime role gets on every table but the audit log. */
const TABLE_PRIVILEGES = 'SELECT, INSERT, UPDATE, DELETE'

export class RoleSetupError extends Error {}

/** The role name (and password) in a connection URL. */
export function roleOf(url: string): { name: string; password: string } {
  const u = new URL(url)
  return { name: decodeURIComponent(u.username), password: decodeURIComponent(u.password) }
}

const ident = async (owner: Database, name: string) =>
  (await owner.query<{ q: string }>('select quote_ident($1) as q', [name]))[0]!.q

/**
 * Creates the runtime role when missing (the owner needs CREATEROLE for that), checks that it is
 * no superuser and owns nothing in this database, and grants exactly what the API needs.
 * Idempotent; run after every migration so new tables are covered. Returns what it did.
 */
export async function ensureRuntimeRole(owner: Database, runtimeUrl: string): Promise<string[]> {
  if (owner.kind !== 'postgres') return []
  const done: string[] = []
  const { name, password } = roleOf(runtimeUrl)
  const [me] = await owner.query<{ me: string; db: string }>(
    'select current_user as me, current_database() as db',
  )
  if (!name) throw new RoleSetupError('DATABASE_URL names no user')
  if (name === me!.me)
    throw new RoleSetupError(
      `DATABASE_URL and DATABASE_OWNER_URL are the same role (${name}): the API must run as a role that owns nothing`,
    )
  const role = await ident(owner, name)
  const exists = await owner.query('select 1 from pg_roles where rolname = $1', [name])
  if (!exists.length) {
    if (!password)
      throw new RoleSetupError(`role ${name} does not exist and DATABASE_URL has no password`)
    const [create] = await owner.query<{ sql: string }>(
      `select format('create role %I login password %L', $1::text, $2::text) as sql`,
      [name, password],
    )
    try {
      await owner.query(create!.sql)
    } catch (err) {
      throw new RoleSetupError(
        `cannot create role ${name} (${(err as Error).message}); create it as a superuser: CREATE ROLE ${role} LOGIN PASSWORD '…'`,
      )
    }
    done.push(`created role ${name}`)
  }
  const [attrs] = await owner.query<{ super: boolean; bypass: boolean; owned: number }>(
    `select r.rolsuper as super, r.rolbypassrls as bypass,
            (select count(*)::int from pg_class c where c.relowner = r.oid)
          + (select count(*)::int from pg_namespace n where n.nspowner = r.oid)
          + (select count(*)::int from pg_proc p where p.proowner = r.oid) as owned
       from pg_roles r where r.rolname = $1`,
    [name],
  )
  if (attrs!.super || attrs!.bypass)
    throw new RoleSetupError(`role ${name} is a superuser or bypasses RLS: use a plain role`)
  if (attrs!.owned > 0)
    throw new RoleSetupError(
      `role ${name} owns ${attrs!.owned} objects in ${me!.db}: the runtime role must own nothing (REASSIGN OWNED BY ${role} TO ${await ident(owner, me!.me)})`,
    )
  const db = await ident(owner, me!.db)
  for (const statement of [
    `grant connect, temporary on database ${db} to ${role}`,
    `grant usage on schema public to ${role}`,
    `revoke create on schema public from ${role}`,
    `grant ${TABLE_PRIVILEGES} on all tables in schema public to ${role}`,
    `grant usage, select on all sequences in schema public to ${role}`,
    // The append-only audit log: add and read, nothing else (and nothing through PUBLIC).
    `revoke all on table audit_log from ${role}, public`,
    `grant insert, select on table audit_log to ${role}`,
    // /ready compares the applied migrations with this build's.
    `grant usage on schema drizzle to ${role}`,
    `grant select on drizzle.__drizzle_migrations to ${role}`,
    // The job engine's rows (pg-boss: its schema and queues are created by the migrations).
    `grant usage on schema pgboss to ${role}`,
    `grant ${TABLE_PRIVILEGES} on all tables in schema pgboss to ${role}`,
  ])
    await owner.query(statement)
  done.push(`granted ${name} rows on every table, insert/select only on audit_log`)
  return done
}
