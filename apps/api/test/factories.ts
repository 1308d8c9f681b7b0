import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Role } from '@rectify/schemas'
import type { Db } from '../src/db/client.js'
import { units, users } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { hashPassword } from '../src/modules/auth/passwords.js'

/** The password every factory user has (meets both policy profiles). */
export const PASSWORD = 'Tst#Pa55word-Strong'

let hashed: Promise<string> | undefined
const passwordHash = () => (hashed ??= hashPassword(PASSWORD))

let n = 0
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`

type UnitRow = typeof units.$inferSelect
type UserRow = typeof users.$inferSelect

export async function makeUnit(
  db: Db,
  o: { parent?: UnitRow | null; kind?: UnitRow['kind']; name?: string; code?: string } = {},
): Promise<UnitRow> {
  const id = uuidv7()
  const [row] = await db
    .insert(units)
    .values({
      id,
      code: o.code ?? `U${uniq()}`,
      name: o.name ?? `单位${n}`,
      kind: o.kind ?? 'department',
      parentId: o.parent?.id ?? null,
      path: `${o.parent?.path ?? '/'}${id}/`,
    })
    .returning()
  return row!
}

export async function makeUser(
  db: Db,
  o: { unit: UnitRow; roles: Role[]; username?: string; status?: 'active' | 'disabled' },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({
      id: uuidv7(),
      username: o.username ?? `u${uniq()}`,
      displayName: `用户${n}`,
      unitId: o.unit.id,
      roles: o.roles,
      status: o.status ?? 'active',
      passwordHash: await passwordHash(),
    })
    .returning()
  return row!
}

/**
 * A small city: the office, a lead department, two counties (A with a township) and one user
 * per role; `unitA`/`unitB` are staff of the two counties.
 */
export async function makeWorld(db: Db) {
  const city = await makeUnit(db, { kind: 'city', name: '测试市' })
  const office = await makeUnit(db, { parent: city, name: '整改办' })
  const eeb = await makeUnit(db, { parent: city, name: '市生态环境局' })
  const countyA = await makeUnit(db, { parent: city, kind: 'county', name: '甲县' })
  const townA = await makeUnit(db, { parent: countyA, kind: 'township', name: '甲县城关镇' })
  const countyB = await makeUnit(db, { parent: city, kind: 'county', name: '乙县' })
  const u = {
    admin: await makeUser(db, { unit: city, roles: ['admin'] }),
    office: await makeUser(db, { unit: office, roles: ['office'] }),
    lead: await makeUser(db, { unit: eeb, roles: ['lead_unit'] }),
    unitA: await makeUser(db, { unit: countyA, roles: ['unit'] }),
    townA: await makeUser(db, { unit: townA, roles: ['unit'] }),
    unitB: await makeUser(db, { unit: countyB, roles: ['unit'] }),
    leader: await makeUser(db, { unit: city, roles: ['leader'] }),
    auditor: await makeUser(db, { unit: city, roles: ['auditor'] }),
  }
  return { units: { city, office, eeb, countyA, townA, countyB }, users: u }
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  })
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`)
  return res.json<{ accessToken: string; refreshToken: string }>()
}

/** An inject helper bound to one bearer token. */
export function client(app: FastifyInstance, token?: string) {
  const call = (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    })
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) =>
      call('POST', url, payload ?? {}, headers),
    patch: (url: string, payload: unknown, headers?: Record<string, string>) =>
      call('PATCH', url, payload, headers),
    delete: (url: string, headers?: Record<string, string>) =>
      call('DELETE', url, undefined, headers),
  }
}

/** The ETag of a versioned answer: `"<version>-<digest of the body>"` (lib/http.ts versionEtag). */
export function etagFor(version: number): RegExp {
  return new RegExp(`^"${version}-[\\w-]{43}"$`)
}

/** Logs in and returns a client for that user. */
export async function as(app: FastifyInstance, user: { username: string }) {
  const { accessToken } = await login(app, user.username)
  return client(app, accessToken)
}
