import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Challenge, ChallengeAnswer } from '@rectify/schemas'
import { AppError } from '../../errors.js'

/**
 * The secrets of the public report form, all from one server key derived from the signing key
 * (HMAC(signingKey, 'public-challenge')): proof-of-work challenges, the capability tokens of
 * uploaded photos and the salted hash of a submitter's IP. Each use MACs its own prefix, so a
 * token of one kind can never pass for another.
 */

/** How long a challenge may be solved and used. */
export const CHALLENGE_TTL_MS = 10 * 60_000

/** Tracking codes: no I/O/0/1, which readers confuse over the phone. 32 symbols = 5 bits each. */
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const TRACKING_CODE_LENGTH = 12

export class PublicKeys {
  private readonly key: Buffer

  constructor(signingKey: Uint8Array) {
    this.key = createHmac('sha256', signingKey).update('public-challenge').digest()
  }

  private mac(kind: string, text: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${text}`).digest('base64url')
  }

  /** A fresh challenge: `token` carries salt, difficulty and expiry, MACed so none can be changed. */
  challenge(difficulty: number, now = Date.now()): Challenge {
    const salt = randomBytes(16).toString('base64url')
    return this.signChallenge(salt, difficulty, new Date(now + CHALLENGE_TTL_MS))
  }

  /** The challenge for given facts (tests sign expired ones with it). */
  signChallenge(salt: string, difficulty: number, expiresAt: Date): Challenge {
    const facts = `${salt}.${difficulty}.${expiresAt.getTime()}`
    return {
      token: `${facts}.${this.mac('challenge', facts)}`,
      salt,
      difficulty,
      expiresAt: expiresAt.toISOString(),
    }
  }

  /**
   * The salt of a solved, unexpired challenge this server issued; anything else is a 422 on
   * `/challenge`. Whether the salt was already used is for the caller (the unique column).
   */
  verifyChallenge(answer: ChallengeAnswer, now = Date.now()): string {
    const parts = answer.token.split('.')
    if (parts.length !== 4) throw badChallenge('is not a challenge this server issued')
    const [salt, bits, expires, mac] = parts as [string, string, string, string]
    if (!equal(mac, this.mac('challenge', `${salt}.${bits}.${expires}`)))
      throw badChallenge('is not a challenge this server issued')
    if (Number(expires) <= now) throw badChallenge('has expired: ask for a new one')
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(salt + answer.nonce)
          .digest(),
      ) < Number(bits)
    )
      throw badChallenge('the nonce does not solve it')
    return salt
  }

  /** The capability that proves whoever holds it uploaded the photo. */
  photoToken(fileId: string): string {
    return this.mac('photo', fileId)
  }

  photoTokenValid(fileId: string, token: string): boolean {
    return equal(token, this.photoToken(fileId))
  }

  /** Enough to see floods from one address, not to recover the address. */
  ipHash(ip: string | null): string | null {
    return ip ? this.mac('ip', ip) : null
  }
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let n = 0
  for (const byte of digest) {
    if (byte === 0) {
      n += 8
      continue
    }
    return n + Math.clz32(byte) - 24
  }
  return n
}

/** A random tracking code, e.g. `K7M2QX9RTB4H`. */
export function trackingCode(): string {
  const bytes = randomBytes(TRACKING_CODE_LENGTH)
  return [...bytes].map((b) => TRACKING_ALPHABET[b & 31]).join('')
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function badChallenge(message: string) {
  return new AppError('unprocessable', `challenge ${message}`, {
    errors: [{ path: '/challenge', message }],
  })
}
