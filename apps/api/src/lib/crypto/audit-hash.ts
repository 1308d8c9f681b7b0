import { createHash } from 'node:crypto'
import type { Database } from '../../db/client.js'
import { KeyConfigError } from './kek.js'
import type { SuiteName } from './suites.js'

/** The hash function of an audit chain link: SHA-256, or SM3 (GB/T 32905) with CRYPTO_SUITE=sm. */
export type AuditHash = 'sha256' | 'sm3'

export const AUDIT_HASHES: readonly AuditHash[] = ['sha256', 'sm3']

const SM3_ABC = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'

let current: AuditHash = 'sha256'

/** The hash new audit entries are linked with in this process (set at start from the suite). */
export function auditHash(): AuditHash {
  return current
}

/** The audit hash a suite uses for new entries. */
export function auditHashOf(suite: SuiteName): AuditHash {
  return suite === 'sm' ? 'sm3' : 'sha256'
}

/**
 * Chooses the hash of new audit entries from CRYPTO_SUITE. The chain is hashed inside the
 * database (rectify_audit_append, migration 0025): for SM3 that is pgcrypto's digest(..., 'sm3'),
 * which needs pgcrypto and an OpenSSL with SM3 on the database server. Both are checked here,
 * against the standard's test vector, so a server without them refuses to start (KeyConfigError,
 * "Rectify cannot start: …") instead of failing every write later.
 */
export async function configureAuditHash(database: Database, suite: SuiteName): Promise<void> {
  const wanted = auditHashOf(suite)
  if (wanted === 'sm3') {
    let got: string | undefined
    try {
      const [row] = await database.query<{ h: string }>(
        `select encode(digest(convert_to('abc', 'UTF8'), 'sm3'), 'hex') as h`,
      )
      got = row?.h
    } catch (err) {
      throw new KeyConfigError(
        `CRYPTO_SUITE=sm hashes the audit chain with SM3 in the database, which needs pgcrypto with SM3 support on the PostgreSQL server: ${(err as Error).message}`,
      )
    }
    if (got !== SM3_ABC)
      throw new KeyConfigError(
        'CRYPTO_SUITE=sm: the database server computes SM3 wrongly (pgcrypto digest(..., sm3) does not match GB/T 32905)',
      )
  }
  current = wanted
}

/** The hex digest of `text` (UTF-8) with an audit hash, as the database computes it. */
export function auditDigest(alg: AuditHash, text: string): string {
  return createHash(alg).update(text, 'utf8').digest('hex')
}
