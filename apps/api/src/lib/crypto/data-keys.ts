import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.js'
import { FieldCipher, type DataKey } from './field-cipher.js'
import { KeyConfigError, LocalKeyService, loadKeyEncryptionKey, type KeyService } from './kek.js'
import { DecryptError, KEY_BYTES, SUITES, type SuiteName } from './suites.js'

export interface StoredKey {
  id: number
  purpose: 'data' | 'index'
  suite: SuiteName
  kek_id: string
  wrapped: string
  status: 'active' | 'retired'
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

export async function storedKeys(database: Database): Promise<StoredKey[]> {
  return database.query<StoredKey>(
    `select id, purpose, suite, kek_id, wrapped, status from data_keys order by id`,
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

/** A new random data key of the suite, wrapped; it becomes the purpose's active key. */
async function createKey(
  database: Database,
  kms: KeyService,
  purpose: 'data' | 'index',
  suite: SuiteName,
): Promise<void> {
  const wrapped = await kms.wrap(randomBytes(KEY_BYTES), SUITES[suite], wrapContext(purpose, suite))
  // Two instances starting together: the unique index leaves one active key per purpose.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`
      update data_keys set status = 'retired', retired_at = now()
       where purpose = ${purpose} and status = 'active' and suite <> ${suite}`)
    await tx.execute(sql`
      insert into data_keys (purpose, suite, kek_id, wrapped)
      values (${purpose}, ${suite}, ${kms.keyId}, ${wrapped.toString('base64')})
      on conflict do nothing`)
  })
}
