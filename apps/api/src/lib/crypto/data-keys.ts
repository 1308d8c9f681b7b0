import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Database, Tx } from '../../db/client.js'
import { FieldCipher, type DataKey } from './field-cipher.js'
import { KeyConfigError, LocalKeyService, loadKeyEncryptionKey, type KeyService } from './kek.js'
import { DecryptError, KEY_BYTES, SUITES, type SuiteName } from './suites.js'

/** How often a running API reloads the stored keys (server.ts); a rotation waits twice that. */
export const KEY_REFRESH_MS = 10_000

export interface StoredKey {
  id: number
  purpose: 'data' | 'index'
  suite: SuiteName
  kek_id: string
  wrapped: string
  status: 'active' | 'retired'
  rewraps: number
}

/** What the wrapping authenticates a data key as: its purpose and suite. */
export function wrapContext(purpose: string, suite: string): string {
  return `rectify:data_keys:${purpose}:${suite}`
}

export interface CryptoSettings {
  DATA_KEY?: string | undefined
  DATA_KEY_FILE?: string | undefined
  CRYPTO_SUITE: SuiteName
}

export interface OpenedCipher {
  cipher: FieldCipher
  kms: KeyService
  /** Where the key-encryption key came from, for the start log. */
  source: string
  /** Set when this start generated the key file (logged: it must be backed up). */
  generated?: string
}

/**
 * Re-wraps every stored data key under another key-encryption key, in one transaction: either
 * all keys move to `next` or none does (a failed run is simply run again). Keys already wrapped
 * by `next` are left as they are, so a run interrupted after its commit finds nothing to do.
 * Returns the ids re-wrapped.
 */
export async function rewrapKeys(tx: Tx, current: KeyService, next: KeyService): Promise<number[]> {
  {
    const rows = rowsOf<StoredKey>(
      await tx.execute(sql`
        select id, purpose, suite, kek_id, wrapped, status, rewraps from data_keys order by id for update`),
    )
    const todo = rows.filter((r) => r.kek_id !== next.keyId)
    const keys = await unwrapAll(current, todo)
    for (const [i, r] of todo.entries()) {
      const wrapped = await next.wrap(
        keys[i]!.key,
        SUITES[r.suite],
        wrapContext(r.purpose, r.suite),
      )
      await tx.execute(sql`
        update data_keys set kek_id = ${next.keyId}, wrapped = ${wrapped.toString('base64')},
               rewraps = rewraps + 1
         where id = ${r.id}`)
    }
    return todo.map((r) => r.id)
  }
}

/**
 * Deletes retired keys no value (or blind index) uses any more: their key material is gone from
 * the database. `inUse` are the key ids the caller counted just before.
 */
export async function destroyUnused(tx: Tx, inUse: Set<number>): Promise<StoredKey[]> {
  const retired = rowsOf<StoredKey>(
    await tx.execute(sql`
      select id, purpose, suite, kek_id, wrapped, status, rewraps from data_keys
       where status = 'retired' order by id for update`),
  ).filter((k) => !inUse.has(k.id))
  if (!retired.length) return []
  const ids = retired.map((k) => k.id)
  await tx.execute(
    sql`delete from data_keys where status = 'retired' and id in ${sql.raw(`(${ids.join(',')})`)}`,
  )
  return retired
}

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[]

export async function storedKeys(database: Database): Promise<StoredKey[]> {
  return database.query<StoredKey>(
    `select id, purpose, suite, kek_id, wrapped, status, rewraps from data_keys order by id`,
  )
}

/**
 * Loads the key-encryption key, unwraps every stored data key with it and makes sure an active
 * data key and index key of the configured suite exist (creating them on first start or after
 * the suite changed; the previous ones are retired and still read). Throws KeyConfigError —
 * the API does not start — when the key is missing, malformed, or not the one the stored keys
 * were wrapped with.
 */
export async function openFieldCipher(
  database: Database,
  settings: CryptoSettings,
  dataDir: string,
  kmsOverride?: KeyService,
): Promise<OpenedCipher> {
  let rows = await storedKeys(database)
  let source = 'key service'
  let generated: string | undefined
  let kms = kmsOverride
  if (!kms) {
    const kek = loadKeyEncryptionKey({
      dataKey: settings.DATA_KEY,
      dataKeyFile: settings.DATA_KEY_FILE,
      dataDir,
      mayGenerate: rows.length === 0,
    })
    kms = new LocalKeyService(kek.key)
    source = kek.source
    generated = kek.generated
  }
  const keys = await unwrapAll(kms, rows)
  const suite = settings.CRYPTO_SUITE
  let changed = false
  for (const purpose of ['data', 'index'] as const) {
    const active = rows.find((r) => r.purpose === purpose && r.status === 'active')
    if (active?.suite === suite) continue
    await createKey(database, kms, purpose, suite)
    changed = true
  }
  if (changed) {
    rows = await storedKeys(database)
    keys.push(
      ...(await unwrapAll(
        kms,
        rows.filter((r) => !keys.some((k) => k.id === r.id)),
      )),
    )
  }
  const activeOf = (purpose: string) => {
    const row = rows.find((r) => r.purpose === purpose && r.status === 'active')!
    return keys.find((k) => k.id === row.id)!
  }
  const cipher = new FieldCipher(keys, activeOf('data'), activeOf('index'))
  return { cipher, kms, source, ...(generated ? { generated } : {}) }
}

async function unwrapAll(kms: KeyService, rows: StoredKey[]): Promise<DataKey[]> {
  const out: DataKey[] = []
  for (const r of rows) {
    if (r.kek_id !== kms.keyId)
      throw new KeyConfigError(
        `data key ${r.id} was wrapped by key-encryption key ${r.kek_id}, but the configured key is ${kms.keyId}: wrong DATA_KEY or key file (a restored database needs the data-key of the installation it came from: restore with --passphrase-file, or configure that key)`,
      )
    const suite = SUITES[r.suite]
    try {
      out.push({
        id: r.id,
        suite,
        key: await kms.unwrap(
          Buffer.from(r.wrapped, 'base64'),
          suite,
          wrapContext(r.purpose, r.suite),
        ),
      })
    } catch (err) {
      if (err instanceof DecryptError)
        throw new KeyConfigError(
          `data key ${r.id} does not unwrap with the configured key-encryption key: wrong DATA_KEY or key file, or the data_keys table was altered`,
        )
      throw err
    }
  }
  return out
}

/**
 * A new random data key of the suite, wrapped; it becomes the purpose's active key. At start
 * (`replace` false) only an active key of another suite is retired — two instances starting
 * together leave one active key per purpose (the unique index); a rotation (`replace`) retires
 * whatever is active.
 */
export async function createKey(
  database: Database,
  kms: KeyService,
  purpose: 'data' | 'index',
  suite: SuiteName,
  replace = false,
  /** Runs in the same transaction, after the insert, with the new key's id (the audit entry). */
  also?: (tx: Tx, id: number | undefined) => Promise<void>,
): Promise<void> {
  const wrapped = await kms.wrap(randomBytes(KEY_BYTES), SUITES[suite], wrapContext(purpose, suite))
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`
      update data_keys set status = 'retired', retired_at = now()
       where purpose = ${purpose} and status = 'active' and (${replace} or suite <> ${suite})`)
    const inserted = await tx.execute(sql`
      insert into data_keys (purpose, suite, kek_id, wrapped)
      values (${purpose}, ${suite}, ${kms.keyId}, ${wrapped.toString('base64')})
      on conflict do nothing
      returning id`)
    await also?.(tx, rowsOf<{ id: number }>(inserted)[0]?.id)
  })
}

/**
 * Brings a running process's cipher up to the stored keys: unwraps keys it does not hold yet
 * and makes the stored active keys its own (the API calls it every KEY_REFRESH_MS, so a
 * rotation run by `rectify keys rotate` beside it is picked up). Returns whether anything changed.
 */
export async function refreshFieldCipher(
  database: Database,
  kms: KeyService,
  cipher: FieldCipher,
): Promise<boolean> {
  const rows = await storedKeys(database)
  const fresh = await unwrapAll(
    kms,
    rows.filter((r) => !cipher.holds(r.id)),
  )
  const byId = new Map(fresh.map((k) => [k.id, k]))
  const activeOf = (purpose: string, held: DataKey) => {
    const row = rows.find((r) => r.purpose === purpose && r.status === 'active')
    if (!row || row.id === held.id) return held
    return byId.get(row.id) ?? cipher.key(row.id) ?? held
  }
  const active = activeOf('data', cipher.active)
  const index = activeOf('index', cipher.indexKey)
  if (!fresh.length && active === cipher.active && index === cipher.indexKey) return false
  cipher.adopt(fresh, active, index)
  return true
}
