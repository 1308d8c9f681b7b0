import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NON_BLANK_PATTERN } from '@rectify/schemas'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

/**
 * Reasons, opinions, replies and comments must hold text after trimming, everywhere: every
 * request body's field of those names that may not be empty carries the shared NonBlank
 * pattern (found through the served OpenAPI document, so a new route cannot forget it), and
 * the API answers text of spaces only with a 422 that says so.
 */

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
})
afterAll(() => t.close())

/** Names of fields a person writes as an account of something, never a code or a name. */
const FREE_TEXT =
  /^(reason|decisionReason|opinion|reply|comment|note|selfCheck|text|findings|statement|summary|instructions|done|investigation|content|description|body|notice)$/

type Schema = {
  $ref?: string
  type?: string | string[]
  minLength?: number
  pattern?: string
  properties?: Record<string, Schema>
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
}

/** `[route, field]` of every non-empty free-text string field that lacks the pattern. */
function unguarded(
  schema: Schema,
  components: Record<string, Schema>,
  where: string,
  out: string[],
  seen = new Set<Schema>(),
) {
  const s = schema.$ref ? components[schema.$ref.split('/').pop()!]! : schema
  if (!s || seen.has(s)) return
  seen.add(s)
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const p = prop.$ref ? components[prop.$ref.split('/').pop()!]! : prop
    const strings = [p, ...(p.anyOf ?? []), ...(p.oneOf ?? [])].filter((x) => x.type === 'string')
    for (const str of strings)
      if (FREE_TEXT.test(name) && (str.minLength ?? 0) >= 1 && str.pattern !== NON_BLANK_PATTERN)
        out.push(`${where} /${name}`)
    unguarded(p, components, `${where} /${name}`, out, seen)
  }
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
    unguarded(sub, components, where, out, seen)
  if (s.items) unguarded(s.items, components, where, out, seen)
}

describe('free text', () => {
  it('every request body’s required reason, opinion, reply or comment refuses text of spaces only', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >
      components: { schemas: Record<string, Schema> }
    }>()
    const out: string[] = []
    let checked = 0
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const media of Object.values(op.requestBody?.content ?? {})) {
          checked++
          unguarded(media.schema, doc.components.schemas, `${method.toUpperCase()} ${path}`, out)
        }
    expect(checked).toBeGreaterThan(50)
    expect(out).toEqual([])
  })

  it.each([
    ['a plan return', 'reason'],
    ['a plan return', 'reason with full-width spaces'],
  ])('answers %s whose %s is blank with 422', async (_what, how) => {
    const round = await makeRound(t.database.db)
    const p = await makeProblem(t.database.db, {
      round,
      leadUnit: world.units.eeb,
      region: world.units.countyA,
      status: 'plan_review',
    })
    const office = await as(t.app, world.users.office)
    const reason = how.includes('full-width') ? '\u3000 \u3000' : '    '
    const res = await office.post(
      `/api/v1/problems/${p.id}/transitions`,
      { action: 'return', reason },
      { 'if-match': `"${p.version}"` },
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toEqual([
      { path: '/reason', message: 'must hold text, not only spaces' },
    ])
  })
})
