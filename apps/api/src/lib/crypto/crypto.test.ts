import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../test/database.js'
import type { Database } from '../../db/client.js'
import { openFieldCipher } from './data-keys.js'
import { FieldCipher, normalise } from './field-cipher.js'
import { KeyConfigError, LocalKeyService, loadKeyEncryptionKey, parseKey } from './kek.js'
import { DecryptError, SUITES } from './suites.js'

const tmp = () => mkdtempSync(join(tmpdir(), 'rectify-crypto-'))

describe.each(['intl', 'sm'] as const)('suite %s', (name) => {
  const suite = SUITES[name]
  const key = randomBytes(32)
  const aad = Buffer.from('petitions.complainant_name')

  it('round-trips, with a fresh nonce per value', () => {
    const a = suite.seal(key, Buffer.from('张三 13800000000'), aad)
    const b = suite.seal(key, Buffer.from('张三 13800000000'), aad)
    expect(a.equals(b)).toBe(false)
    expect(suite.open(key, a, aad).toString()).toBe('张三 13800000000')
  })

  it('never repeats a nonce across the pooled random blocks, and earlier values stay readable', () => {
    const nonceBytes = name === 'intl' ? 12 : 16
    // 5,000 values cross the 16 KiB nonce pool several times.
    const sealed = Array.from({ length: 5000 }, (_, i) =>
      suite.seal(key, Buffer.from(`v${i}`), aad),
    )
    const nonces = new Set(sealed.map((s) => s.subarray(0, nonceBytes).toString('hex')))
    expect(nonces.size).toBe(sealed.length)
    expect(suite.open(key, sealed[0]!, aad).toString()).toBe('v0')
    expect(suite.open(key, sealed[4999]!, aad).toString()).toBe('v4999')
  })

  it('refuses a wrong key, other associated data and any changed byte', () => {
    const sealed = suite.seal(key, Buffer.from('13800000000'), aad)
    expect(() => suite.open(randomBytes(32), sealed, aad)).toThrow(DecryptError)
    expect(() => suite.open(key, sealed, Buffer.from('public_reports.contact'))).toThrow(
      DecryptError,
    )
    for (const at of [0, 17, sealed.length - 1]) {
      const changed = Buffer.from(sealed)
      changed[at]! ^= 1
      expect(() => suite.open(key, changed, aad)).toThrow(DecryptError)
    }
  })

  it('field cipher: envelope names suite and key; the column is bound; blind indexes match normalised values', () => {
    const dk = { id: 7, suite, key }
    const cipher = new FieldCipher([dk], dk, { id: 8, suite, key: randomBytes(32) })
    const sealed = cipher.seal('李四', 'petitions.complainant_name')
    expect(sealed).toMatch(/^enc:/)
    expect(sealed).not.toContain('李四')
    expect(FieldCipher.keyIdOf(sealed)).toBe(7)
    expect(cipher.open(sealed, 'petitions.complainant_name')).toBe('李四')
    expect(() => cipher.open(sealed, 'petitions.complainant_contact')).toThrow(DecryptError)
    expect(cipher.seal('', 'x')).toBe('')
    expect(() => cipher.open('李四', 'x')).toThrow(DecryptError)
    const other = new FieldCipher([{ ...dk, key: randomBytes(32) }], dk, dk)
    expect(() => other.open(sealed, 'petitions.complainant_name')).toThrow(DecryptError)

    const i = cipher.blindIndex('138-0000 0000', 'phone')
    expect(i).toBe(cipher.blindIndex('１３８００００００００', 'phone'))
    expect(i).toMatch(/^8:/)
    expect(i).not.toBe(cipher.blindIndex('13800000001', 'phone'))
    expect(i).not.toBe(cipher.blindIndex('13800000000', 'name'))
    expect(normalise(' Ab（1）')).toBe('ab1')
  })
})

describe('the key-encryption key', () => {
  it('is parsed from base64 or hex, and refused otherwise', () => {
    const k = randomBytes(32)
    expect(parseKey(k.toString('base64'), 'DATA_KEY').equals(k)).toBe(true)
    expect(parseKey(k.toString('hex'), 'DATA_KEY').equals(k)).toBe(true)
    expect(() => parseKey('short', 'DATA_KEY')).toThrow(/32-byte key/)
  })

  it('is generated once into DATA_DIR with mode 0600, and a key file others may read is refused', () => {
    const dir = tmp()
    expect(() => loadKeyEncryptionKey({ dataDir: dir, mayGenerate: false })).toThrow(/missing/)
    const first = loadKeyEncryptionKey({ dataDir: dir, mayGenerate: true })
    expect(first.generated).toBe(join(dir, 'data-key'))
    expect(statSync(join(dir, 'data-key')).mode & 0o777).toBe(0o600)
    const again = loadKeyEncryptionKey({ dataDir: dir, mayGenerate: true })
    expect(again.generated).toBeUndefined()
    expect(again.key.equals(first.key)).toBe(true)

    const file = join(tmp(), 'kek')
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o644 })
    chmodSync(file, 0o644)
    expect(() =>
      loadKeyEncryptionKey({ dataKeyFile: file, dataDir: dir, mayGenerate: false }),
    ).toThrow(/readable by others/)
    chmodSync(file, 0o600)
    expect(
      loadKeyEncryptionKey({ dataKeyFile: file, dataDir: dir, mayGenerate: false }).key.equals(
        Buffer.from(readFileSync(file, 'utf8'), 'base64'),
      ),
    ).toBe(true)
  })
})

describe('data keys in the database', () => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(() => database.close())

  it('are created wrapped on first start, reopened with the same key, refused with a wrong or missing one, and kept readable across a suite change', async () => {
    const dir = tmp()
    const first = await openFieldCipher(database, { CRYPTO_SUITE: 'intl' }, dir)
    expect(first.generated).toBe(join(dir, 'data-key'))
    const sealed = first.cipher.seal('王五', 'petitions.complainant_name')
    const rows = await database.query<{ wrapped: string }>(`select wrapped from data_keys`)
    expect(rows).toHaveLength(2)
    for (const r of rows)
      expect(Buffer.from(r.wrapped, 'base64').includes(first.cipher.active.key)).toBe(false)

    const again = await openFieldCipher(database, { CRYPTO_SUITE: 'intl' }, dir)
    expect(again.generated).toBeUndefined()
    expect(again.cipher.open(sealed, 'petitions.complainant_name')).toBe('王五')

    const wrong = randomBytes(32).toString('base64')
    await expect(
      openFieldCipher(database, { CRYPTO_SUITE: 'intl', DATA_KEY: wrong }, dir),
    ).rejects.toThrow(KeyConfigError)
    await expect(openFieldCipher(database, { CRYPTO_SUITE: 'intl' }, tmp())).rejects.toThrow(
      /missing/,
    )
    // A key service with the right id but another key: the unwrap itself fails.
    const impostor = new LocalKeyService(randomBytes(32))
    Object.defineProperty(impostor, 'keyId', { value: first.kms.keyId })
    await expect(
      openFieldCipher(database, { CRYPTO_SUITE: 'intl' }, dir, impostor),
    ).rejects.toThrow(/does not unwrap/)

    const sm = await openFieldCipher(database, { CRYPTO_SUITE: 'sm' }, dir)
    expect(sm.cipher.active.suite.name).toBe('sm')
    expect(sm.cipher.indexKey.suite.name).toBe('sm')
    expect(sm.cipher.open(sealed, 'petitions.complainant_name')).toBe('王五')
    const smSealed = sm.cipher.seal('王五', 'petitions.complainant_name')
    expect(FieldCipher.keyIdOf(smSealed)).not.toBe(FieldCipher.keyIdOf(sealed))
    const states = await database.query<{ purpose: string; suite: string; status: string }>(
      `select purpose, suite, status from data_keys order by id`,
    )
    expect(states.filter((s) => s.status === 'active').map((s) => s.suite)).toEqual(['sm', 'sm'])
    expect(states).toHaveLength(4)
  })
})
