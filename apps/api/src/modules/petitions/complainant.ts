import type { PetitionComplainant } from '@rectify/schemas'
import type { FieldCipher } from '../../lib/crypto/field-cipher.js'

/** The complainant columns as stored: sealed values and their blind indexes (lib/crypto). */
export interface SealedComplainant {
  complainantName?: string
  complainantNameIndex?: string
  complainantContact?: string
  complainantContactIndex?: string
}

export const NAME_COLUMN = 'petitions.complainant_name'
export const CONTACT_COLUMN = 'petitions.complainant_contact'

/**
 * The columns to write for a complainant's name and/or contact (undefined: left as they are).
 * Sealed with a fresh nonce each time; the blind index lets a re-import tell a changed
 * complainant from the same one without reading either.
 */
export function sealComplainant(
  cipher: FieldCipher,
  name: string | undefined,
  contact: string | undefined,
): SealedComplainant {
  return {
    ...(name === undefined
      ? {}
      : {
          complainantName: cipher.seal(name, NAME_COLUMN),
          complainantNameIndex: cipher.blindIndex(name, 'name'),
        }),
    ...(contact === undefined
      ? {}
      : {
          complainantContact: cipher.seal(contact, CONTACT_COLUMN),
          complainantContactIndex: cipher.blindIndex(contact, 'contact'),
        }),
  }
}

/** The complainant as the complainant route shows it. */
export function openComplainant(
  cipher: FieldCipher,
  row: { name: string; contact: string; erasedAt: Date | null },
): PetitionComplainant {
  return {
    name: cipher.openOrLegacy(row.name, NAME_COLUMN),
    contact: cipher.openOrLegacy(row.contact, CONTACT_COLUMN),
    erasedAt: row.erasedAt?.toISOString() ?? null,
  }
}
