import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Type } from 'typebox'
import { namedSchemas, referenced } from '../src/plugins/shared-schemas.js'
import { LightInfoSchema, ProblemSchema, UnitRefSchema, type Problem } from '@rectify/schemas'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

type Json = Record<string, unknown>
type Doc = {
  paths: Json
  webhooks: Json
  components: { schemas: Record<string, Json>; responses: Json }
}

let t: TestApp
let doc: Doc

beforeAll(async () => {
  t = await createTestApp()
  doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<Doc>()
})
afterAll(() => t.close())

/** Every object node of a JSON tree, with its JSON pointer. */
function* nodes(node: unknown, pointer = ''): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* nodes(n, `${pointer}/${i}`)
  } else if (node && typeof node === 'object') {
    yield [pointer, node as Json]
    for (const [k, v] of Object.entries(node)) yield* nodes(v, `${pointer}/${k}`)
  }
}

describe('the named schemas of the OpenAPI document', () => {
  it('lists every $id schema of @rectify/schemas once under components.schemas', () => {
    const components = doc.components.schemas
    for (const name of namedSchemas().keys()) expect(components, name).toHaveProperty(name)
    // The types integrators generate from, each under one unambiguous name.
    for (const name of [
      'Problem',
      'ProblemPage',
      'Measure',
      'ProgressReport',
      'Unit',
      'User',
      'Notice',
      'Petition',
      'PublicReport',
      'ProblemDetails',
      'ProblemStatus',
      'Light',
    ])
      expect(components, name).toHaveProperty(name)
    expect(Object.keys(components).length).toBeGreaterThan(200)
  })

  it('references them wherever they are used: no $id left, no named schema inlined', () => {
    const whole = { paths: doc.paths, webhooks: doc.webhooks, components: doc.components }
    expect([...nodes(whole)].filter(([, n]) => '$id' in n).map(([p]) => p)).toEqual([])
    const named = new Map(
      Object.entries(doc.components.schemas)
        // Objects: an enum may share its values with another concept's (RoundKind and
        // PetitionBatchSource), so enums are not compared by value.
        .filter(([, s]) => s.type === 'object' && s.properties)
        .map(([name, s]) => [JSON.stringify(s), name]),
    )
    const inlined = [...nodes(whole)].flatMap(([pointer, node]) => {
      const name = named.get(JSON.stringify(node))
      return name && pointer !== `/components/schemas/${name}` ? [`${pointer} = ${name}`] : []
    })
    expect(inlined).toEqual([])
    const ref = (pointer: string) =>
      pointer
        .slice(1)
        .split('/')
        .reduce<unknown>((n, k) => (n as Json)?.[k.replace(/~1/g, '/')], doc)
    expect(ref('/paths/~1api~1v1~1problems~1{id}/get/responses/200/content')).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Problem' } },
    })
    expect(
      ref('/paths/~1api~1v1~1problems/post/requestBody/content/application~1json/schema'),
    ).toEqual({ $ref: '#/components/schemas/CreateProblemBody' })
    expect(ref('/components/schemas/ProblemPage/properties/items/items')).toEqual({
      $ref: '#/components/schemas/Problem',
    })
    // Query parameters reference the named enums as well.
    const listProblems = ref('/paths/~1api~1v1~1problems/get/parameters') as Json[]
    expect(listProblems.find((p) => p.name === 'status')?.schema).toEqual({
      $ref: '#/components/schemas/ProblemStatus',
    })
  })

  it('refuses two different schemas under one name, and references nested named ones', () => {
    const a = Type.Object({ id: Type.String() }, { $id: 'Thing' })
    const b = Type.Object({ id: Type.String(), more: Type.String() }, { $id: 'Thing' })
    const holder = Type.Object({ one: a, many: Type.Array(a), maybe: Type.Union([a, Type.Null()]) })
    expect([...namedSchemas([holder, { a }]).keys()]).toEqual(['Thing'])
    expect(() => namedSchemas([holder, b])).toThrow(/Thing/)
    expect(referenced(holder)).toMatchObject({
      properties: {
        one: { $ref: 'Thing#' },
        many: { items: { $ref: 'Thing#' } },
        maybe: { anyOf: [{ $ref: 'Thing#' }, { type: 'null' }] },
      },
    })
    expect(referenced(a)).toEqual({ $ref: 'Thing#' })
    expect(referenced(a, true)).toEqual(JSON.parse(JSON.stringify(a)))
  })

  it('serializes referenced responses whole: every field of the named schemas, nested ones too', async () => {
    const { units, users } = await makeWorld(t.database.db)
    const round = await makeRound(t.database.db)
    const p = await makeProblem(t.database.db, {
      round,
      leadUnit: units.eeb,
      region: units.countyA,
      coUnits: [units.countyB],
      leadLeader: { name: '张三', post: '副市长' },
    })
    const office = await as(t.app, users.office)
    const keys = (o: unknown) => Object.keys(o as Json).sort()
    const props = (schema: { properties: Json }) => Object.keys(schema.properties).sort()
    const one = (await office.get(`/api/v1/problems/${p.id}`)).json<Problem>()
    const page = (await office.get('/api/v1/problems?limit=5')).json<{ items: Problem[] }>()
    for (const problem of [one, page.items.find((i) => i.id === p.id)!]) {
      expect(keys(problem)).toEqual(props(ProblemSchema))
      for (const unit of [problem.leadUnit, problem.region, ...problem.coUnits])
        expect(keys(unit)).toEqual(props(UnitRefSchema))
      expect(keys(problem.light)).toEqual(props(LightInfoSchema))
      expect(problem.leadLeader).toEqual({ name: '张三', post: '副市长' })
    }
  })
})
