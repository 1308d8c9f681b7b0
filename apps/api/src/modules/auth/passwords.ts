import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hash, verify } from '@node-rs/argon2'
import { API_DIR } from '../../config.js'

/**
 * argon2id at OWASP's minimum (m = 19 MiB, t = 2, p = 1). The library's default algorithm is
 * argon2id; the hash string records the parameters, so raising them later keeps old hashes valid.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A valid hash of a random string, verified against when the user does not exist (equal timing). */
let dummyHash: Promise<string> | undefined
export async function burnVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`)
  await verifyPassword(await dummyHash, password)
}

export type PasswordPolicyName = 'mlps3' | 'asvs'

let common: Set<string> | undefined
/** The bundled list of common passwords (lower-cased), loaded once (the build reads it from src). */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(API_DIR, 'src/modules/auth/common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  )
  return common
}

/**
 * Checks a new password against the configured profile and returns the reasons it fails
 * (empty when it passes). `mlps3` (等保2.0三级): at least 8 characters from 3 of the 4 classes;
 * `asvs` (OWASP ASVS 5): at least 12 characters, no composition rules. Both refuse common
 * passwords and the username itself.
 */
export function checkPasswordPolicy(
  policy: PasswordPolicyName,
  password: string,
  username?: string,
): string[] {
  const problems: string[] = []
  const length = [...password].length
  if (policy === 'mlps3') {
    if (length < 8) problems.push('must be at least 8 characters')
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password))
    if (classes.length < 3)
      problems.push('must mix at least 3 of: lower case, upper case, digits, symbols')
  } else if (length < 12) {
    problems.push('must be at least 12 characters')
  }
  if (length > 128) problems.push('must be at most 128 characters')
  const lower = password.toLowerCase()
  if (commonPasswords().has(lower)) problems.push('is a commonly used password')
  if (username && lower.includes(username.toLowerCase()) && username.length >= 3)
    problems.push('must not contain the username')
  return problems
}
