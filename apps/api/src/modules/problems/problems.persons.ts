import type { Person } from '@rectify/schemas'
import type { FieldCipher } from '../../lib/crypto/field-cipher.js'

/**
 * Responsible persons' phones are a private person's contact: each is sealed on its own in
 * `problems.responsible_persons` (SEALED_TABLES, with this associated data), the names and posts
 * stay readable. Only the problem's own answers (detail, create, update, transitions) open them;
 * lists, overviews, acceptance boards and snapshots, the dossier and the public board leave them
 * out, and the audit log records a keyed hash of each (docs/security.md).
 */
export const PHONE_CONTEXT = 'problems.responsible_persons.phone'

/** What the column holds: an array of persons, anything else read as none. */
function stored(value: unknown): Person[] {
  return Array.isArray(value) ? (value as Person[]) : []
}

/** The persons as stored: each phone sealed under the active data key. */
export function sealPhones(cipher: FieldCipher, persons: readonly Person[]): Person[] {
  return persons.map((p) =>
    p.phone === undefined ? p : { ...p, phone: cipher.seal(p.phone, PHONE_CONTEXT) },
  )
}

/** The persons as shown: each phone opened (a row not swept yet holds it in plaintext). */
export function openPhones(cipher: FieldCipher, value: unknown): Person[] {
  return stored(value).map((p) =>
    typeof p.phone === 'string' ? { ...p, phone: cipher.openOrLegacy(p.phone, PHONE_CONTEXT) } : p,
  )
}

/** The persons without their phones: for every path that never needed them. */
export function withoutPhones(value: unknown): Person[] {
  return stored(value).map(({ phone: _phone, ...p }) => p)
}

/**
 * The persons as an audit entry records them: each phone replaced by its blind index (a keyed
 * hash under the index key, `<key id>:<mac>`), never the number. A change of phone still shows
 * as a changed value; without the index key nothing about the number can be learnt from it.
 */
export function auditPhones(cipher: FieldCipher, persons: readonly Person[]): Person[] {
  return persons.map((p) =>
    p.phone === undefined ? p : { ...p, phone: cipher.blindIndex(p.phone, 'phone') },
  )
}
