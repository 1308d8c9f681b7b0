import type { Database } from '../../db/client.js'
import type { Ctx } from '../../lib/context.js'
import {
  createKey,
  destroyUnused,
  rewrapKeys,
  storedKeys,
  type StoredKey,
} from '../../lib/crypto/data-keys.js'
import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import type { KeyService } from '../../lib/crypto/kek.js'
import {
  keyUsage,
  sweepSealed,
  type KeyUsage,
  type SweepOptions,
} from '../../lib/crypto/sealed-columns.js'
import type { SuiteName } from '../../lib/crypto/suites.js'
import { recordAudit } from '../audit/index.js'

export interface KeyReport extends Omit<StoredKey, 'wrapped'> {
  /** Values (data keys) or blind indexes (index keys) it still seals, by column. */
  uses: Record<string, number>
  total: number
}

export interface KeysStatus {
  keys: KeyReport[]
  /** Values still in plaintext, by column (the start-up sweep seals them). */
  plaintext: Record<string, number>
  /** Values naming a key that is not stored (they cannot be opened). */
  orphaned: KeyUsage[]
}

export interface FinishResult {
  destroyed: number[]
  /** Retired keys that still seal values (a writer was still using the old key). */
  stillUsed: { id: number; values: number }[]
}

/**
 * Key rotation (`rectify keys`): re-wrapping the data keys under a new key-encryption key, and
 * re-encrypting every sealed value under new data keys — begin (new active keys, the old ones
 * retired), sweep (resumable, lib/crypto/sealed-columns.ts), finish (retired keys no value uses
 * any more are destroyed). Every step that changes keys is one transaction with its audit entry.
 */
export class KeysService {
  constructor(
    private readonly database: Database,
    private readonly kms: KeyService,
  ) {}

  async status(): Promise<KeysStatus> {
    const [keys, usage] = await Promise.all([storedKeys(this.database), keyUsage(this.database)])
    const plaintext: Record<string, number> = {}
    for (const u of usage) if (u.keyId === null) plaintext[u.column] = u.values
    const reports = keys.map(({ wrapped: _w, ...k }) => {
      const mine = usage.filter((u) => u.keyId === k.id && u.purpose === k.purpose)
      return {
        ...k,
        uses: Object.fromEntries(mine.map((u) => [u.column, u.values])),
        total: mine.reduce((n, u) => n + u.values, 0),
      }
    })
    const ids = new Set(keys.map((k) => k.id))
    const orphaned = usage.filter((u) => u.keyId !== null && !ids.has(u.keyId))
    return { keys: reports, plaintext, orphaned }
  }

  /** Re-wraps every data key under `next`; audited. Returns the ids re-wrapped. */
  async rewrap(ctx: Ctx, next: KeyService): Promise<number[]> {
    return this.database.db.transaction(async (tx) => {
      const ids = await rewrapKeys(tx, this.kms, next)
      if (ids.length)
        await recordAudit(tx, ctx, {
          action: 'data_key.rewrapped',
          entityType: 'data_key',
          unitId: null,
          before: { kek: this.kms.keyId },
          after: { kek: next.keyId, keys: ids },
        })
      return ids
    })
  }

  /**
   * Starts a re-encryption: new active data and index keys of `suite`, the current ones retired
   * (they keep opening what they sealed). When retired keys are still stored, a re-encryption
   * was begun and not finished (or the suite changed): it is resumed instead, with no new key.
   */
  async begin(ctx: Ctx, suite: SuiteName): Promise<{ resumed: boolean; retired: number[] }> {
    const before = await storedKeys(this.database)
    const retired = before.filter((k) => k.status === 'retired').map((k) => k.id)
    if (retired.length) return { resumed: true, retired }
    const old = before.filter((k) => k.status === 'active')
    for (const purpose of ['data', 'index'] as const)
      await createKey(this.database, this.kms, purpose, suite, true, (tx, id) =>
        recordAudit(tx, ctx, {
          action: 'data_key.rotated',
          entityType: 'data_key',
          entityId: id === undefined ? null : String(id),
          unitId: null,
          before: { key: old.find((k) => k.purpose === purpose)?.id ?? null },
          after: { key: id ?? null, purpose, suite },
        }),
      )
    return { resumed: false, retired: old.map((k) => k.id) }
  }

  /** One pass re-sealing every value not under the active keys (resumable; see sweepSealed). */
  sweep(cipher: FieldCipher, opts: Omit<SweepOptions, 'reencrypt'> = {}) {
    return sweepSealed(this.database, cipher, { ...opts, reencrypt: true })
  }

  /** Destroys the retired keys no value uses any more; audited. */
  async finish(ctx: Ctx): Promise<FinishResult> {
    const usage = await keyUsage(this.database)
    const inUse = new Map<number, number>()
    for (const u of usage)
      if (u.keyId !== null) inUse.set(u.keyId, (inUse.get(u.keyId) ?? 0) + u.values)
    const destroyed = await this.database.db.transaction(async (tx) => {
      const gone = await destroyUnused(tx, new Set(inUse.keys()))
      for (const k of gone)
        await recordAudit(tx, ctx, {
          action: 'data_key.destroyed',
          entityType: 'data_key',
          entityId: String(k.id),
          unitId: null,
          before: { key: k.id, purpose: k.purpose, suite: k.suite, kek: k.kek_id },
        })
      return gone.map((k) => k.id)
    })
    const retired = (await storedKeys(this.database)).filter((k) => k.status === 'retired')
    return {
      destroyed,
      stillUsed: retired.map((k) => ({ id: k.id, values: inUse.get(k.id) ?? 0 })),
    }
  }
}
