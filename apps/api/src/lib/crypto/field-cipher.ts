import { DecryptError, suiteByCode, type Suite } from './suites.js'

/** An unwrapped data key as the process holds it. */
export interface DataKey {
  id: number
  suite: Suite
  key: Buffer
}

/** Marks a sealed value in a text column; what follows is base64url of the envelope. */
const PREFIX = 'enc:'
const VERSION = 1
const HEADER = 6

/**
 * Encrypts and decrypts personal data field by field. A sealed value is
 * `enc:` + base64url(version ‖ suite ‖ key id (uint32) ‖ nonce ‖ ciphertext ‖ tag): it names
 * the suite and the data key it was sealed with, so values sealed under retired keys or another
 * suite still open. The header and the column's name are authenticated: a value copied into
 * another column, or with any byte changed, does not open. '' stays '' (nothing to hide).
 */
export class FieldCipher {
  private readonly byId = new Map<number, DataKey>()
  private activeKey: DataKey
  private blindKey: DataKey
  constructor(keys: DataKey[], active: DataKey, indexKey: DataKey) {
    this.activeKey = active
    this.blindKey = indexKey
    this.adopt(keys, active, indexKey)
  }

  /** The key new values are sealed with. */
  get active(): DataKey {
    return this.activeKey
  }
  /** The key blind indexes are computed with. */
  get indexKey(): DataKey {
    return this.blindKey
  }

  /**
   * Takes keys created since (a rotation by `rectify keys rotate` while the API runs) and the
   * now active ones. Keys already held stay held: a value sealed under a key the rotation has
   * since destroyed was re-encrypted before it was, and an older key costs nothing to keep.
   */
  adopt(keys: DataKey[], active: DataKey, indexKey: DataKey): void {
    for (const k of keys) this.byId.set(k.id, k)
    for (const k of [active, indexKey]) if (!this.byId.has(k.id)) this.byId.set(k.id, k)
    this.activeKey = active
    this.blindKey = indexKey
  }

  /** The held key of this id, if any. */
  key(id: number): DataKey | undefined {
    return this.byId.get(id)
  }

  /** Whether a key of this id is held (refreshing adds only the ones not held). */
  holds(id: number): boolean {
    return this.byId.has(id)
  }

  /**
   * What every value sealed under `key` begins with: `enc:` and the 6-byte header (version,
   * suite, key id), which base64url writes as exactly 8 characters. SQL finds the values under
   * a key by this prefix.
   */
  static prefixOf(key: Pick<DataKey, 'id' | 'suite'>): string {
    return PREFIX + header(key).toString('base64url')
  }

  seal(value: string, column: string): string {
    if (value === '') return ''
    const k = this.activeKey
    const head = header(k)
    const sealed = k.suite.seal(k.key, Buffer.from(value, 'utf8'), aad(head, column))
    return PREFIX + Buffer.concat([head, sealed]).toString('base64url')
  }

  sealNullable(value: string | null | undefined, column: string): string | null {
    return value == null ? null : this.seal(value, column)
  }

  /** The plaintext; throws DecryptError for a value that is not sealed or does not open. */
  open(value: string, column: string): string {
    if (value === '') return ''
    if (!FieldCipher.isSealed(value)) throw new DecryptError(`${column} holds an unsealed value`)
    const bytes = Buffer.from(value.slice(PREFIX.length), 'base64url')
    if (bytes.length <= HEADER || bytes.readUInt8(0) !== VERSION)
      throw new DecryptError(`${column} holds a ciphertext of an unknown version`)
    const suite = suiteByCode(bytes.readUInt8(1))
    const id = bytes.readUInt32BE(2)
    const k = this.byId.get(id)
    if (!k) throw new DecryptError(`${column} was sealed with data key ${id}, which is not stored`)
    if (k.suite !== suite) throw new DecryptError(`data key ${id} is not a ${suite.name} key`)
    const header = bytes.subarray(0, HEADER)
    return k.suite.open(k.key, bytes.subarray(HEADER), aad(header, column)).toString('utf8')
  }

  /**
   * Like open, but a value that is not sealed is returned as it is: a row written before
   * encryption was turned on, until the start-up sweep (sealPending) seals it. A sealed value
   * that does not open still throws.
   */
  openOrLegacy(value: string, column: string): string {
    return FieldCipher.isSealed(value) ? this.open(value, column) : value
  }

  openNullable(value: string | null, column: string): string | null {
    return value == null ? null : this.openOrLegacy(value, column)
  }

  /** The data key id a sealed value names (rotation finds what is not under the active key). */
  static keyIdOf(value: string): number | null {
    if (!FieldCipher.isSealed(value)) return null
    const bytes = Buffer.from(value.slice(PREFIX.length, PREFIX.length + 8), 'base64url')
    return bytes.length >= HEADER ? bytes.readUInt32BE(2) : null
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX)
  }

  /**
   * The blind index of a value: a keyed hash (HMAC-SHA-256 or HMAC-SM3, the index key's suite)
   * of the normalised value and what it is (`kind`), prefixed with the index key's id. Equal
   * values of one kind have equal indexes; nothing about the value can be read from it without
   * the key. '' (no value) has none.
   */
  blindIndex(value: string, kind: string): string {
    const normal = normalise(value)
    if (normal === '') return ''
    const k = this.blindKey
    return `${k.id}:${k.suite.mac(k.key, `${kind}\u0000${normal}`).toString('base64url')}`
  }
}

function header(k: Pick<DataKey, 'id' | 'suite'>): Buffer {
  const head = Buffer.alloc(HEADER)
  head.writeUInt8(VERSION, 0)
  head.writeUInt8(k.suite.code, 1)
  head.writeUInt32BE(k.id, 2)
  return head
}

function aad(header: Buffer, column: string): Buffer {
  return Buffer.concat([header, Buffer.from(column, 'utf8')])
}

/** Full-width to half-width, no spaces or separators, lower case: 138-0000 0000 = 13800000000. */
export function normalise(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\-‐–—()（）.·]/g, '')
    .toLowerCase()
}
