import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEBHOOK_EVENT_TYPES } from '@rectify/schemas'
import { WEB_API_TYPES, webApiTypes } from '../scripts/web-api-types.js'
import { createTestApp, type TestApp } from './build-app.js'

const run = promisify(execFile)
const API = resolve(import.meta.dirname, '..')
const bin = (name: string) => join(API, 'node_modules', '.bin', name)
const TOOL_TIMEOUT = 240_000

type Operation = {
  operationId?: string
  summary?: string
  description?: string
  security?: unknown[]
  parameters?: { $ref?: string }[]
  responses?: Record<string, unknown>
}
type Doc = {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown> }
  webhooks?: Record<string, unknown>
}

let t: TestApp
let doc: Doc
let dir: string
let file: string

beforeAll(async () => {
  t = await createTestApp()
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
  doc = res.json<Doc>()
  dir = mkdtempSync(join(tmpdir(), 'rectify-contract-'))
  file = join(dir, 'openapi.json')
  writeFileSync(file, res.body)
})
afterAll(() => t.close())

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  )

describe('the OpenAPI contract', () => {
  it('gives every operation a unique camelCase operationId, a summary, a Chinese description and its errors', () => {
    const ops = operations()
    expect(ops.length).toBeGreaterThan(150)
    const lacking = ops
      .filter(
        ({ op }) =>
          !/^[a-z][A-Za-z]+$/.test(op.operationId ?? '') ||
          !op.summary ||
          !/[\u4e00-\u9fff]/.test(op.description ?? '') ||
          !Object.keys(op.responses ?? {}).some((s) => /^4\d\d$/.test(s)),
      )
      .map(({ key }) => key)
    expect(lacking).toEqual([])
    const ids = ops.map(({ op }) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('pins the operationIds integrators generate from', () => {
    const id = (key: string) => operations().find((o) => o.key === key)?.op.operationId
    expect(id('GET /api/v1/problems')).toBe('listProblems')
    expect(id('GET /api/v1/problems/{id}')).toBe('getProblem')
    expect(id('POST /api/v1/problems/{id}/transitions')).toBe('transitionProblem')
    expect(id('POST /api/v1/oauth/token')).toBe('createClientToken')
  })

  it('marks public operations security: [] and declares If-Match and Idempotency-Key', () => {
    const ops = Object.fromEntries(operations().map(({ key, op }) => [key, op]))
    for (const [key, op] of Object.entries(ops))
      if (key.includes(' /api/v1/public/')) expect(op.security, key).toEqual([])
    expect(ops['GET /api/v1/problems']!.security).toBeUndefined()
    const refs = (key: string) => (ops[key]!.parameters ?? []).map((p) => p.$ref)
    expect(refs('PATCH /api/v1/problems/{id}')).toContain('#/components/parameters/IfMatch')
    expect(refs('POST /api/v1/problems')).toContain('#/components/parameters/IdempotencyKey')
    expect(ops['PATCH /api/v1/problems/{id}']!.responses).toHaveProperty('412')
    expect(ops['GET /api/v1/problems/{id}']!.responses!['404']).toEqual({
      $ref: '#/components/responses/NotFound',
    })
    expect(doc.components.schemas).toHaveProperty('ProblemDetails')
  })

  it('describes every webhook event payload: the docs table, the webhooks section and the code agree', () => {
    // What the code can emit: the outbox's typed event list, and the admin's test delivery.
    const emitted = [...WEBHOOK_EVENT_TYPES, 'webhook.test'].sort()
    const documented = readFileSync(join(API, '../../docs/webhooks.md'), 'utf8')
      .split('## Events')[1]!
      .split('\n')
      .flatMap((line) => {
        const m = /^\| `([\w.]+)` +\|.*\| `([^`]*)` +\|$/.exec(line)
        return m ? [{ type: m[1]!, fields: m[2]!.split(', ') }] : []
      })
    expect(documented.map((r) => r.type).sort()).toEqual(emitted)
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual(emitted)
    type Schema = { properties?: Record<string, unknown>; $ref?: string }
    type Entry = {
      post: { requestBody: { content: Record<string, { schema: { allOf: Schema[] } }> } }
    }
    for (const { type, fields } of documented) {
      const entry = (doc.webhooks as Record<string, Entry>)[type]!
      const [envelope, own] = entry.post.requestBody.content['application/json']!.schema.allOf
      expect(envelope!.$ref).toBe('#/components/schemas/WebhookEvent')
      const ref = (own!.properties!.data as Schema).$ref!
      const data = doc.components.schemas[ref.replace('#/components/schemas/', '')] as Schema
      expect(Object.keys(data.properties ?? {}), type).toEqual(fields)
    }
  })

  it('is what the SPA typechecks against: apps/web/src/api/schema.d.ts is generated from it', async () => {
    const expected = (await webApiTypes(doc)).split('\n')
    const committed = readFileSync(WEB_API_TYPES, 'utf8').split('\n')
    const at = expected.findIndex((line, i) => line !== committed[i])
    const drift =
      at === -1 && expected.length === committed.length
        ? null
        : `line ${at + 1}: ${committed[at] ?? '(end of file)'} → ${expected[at] ?? '(end of file)'}`
    // A changed route or field: run `pnpm --filter @rectify/web gen:api` and fix the SPA.
    expect(drift).toBeNull()
  })

  it(
    'lints clean with redocly recommended rules (0 errors, 0 warnings)',
    { timeout: TOOL_TIMEOUT },
    async () => {
      const { stdout, stderr } = await run(
        bin('redocly'),
        ['lint', file, '--config', join(API, 'redocly.yaml'), '--format', 'summary'],
        {
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
      ).catch((err: { stdout: string; stderr: string }) => err)
      expect(`${stdout}\n${stderr}`).toContain('Your API description is valid')
      expect(`${stdout}\n${stderr}`).not.toMatch(/^(error|warning)\s/m)
    },
  )

  it(
    'generates TypeScript types a consumer typechecks against, and refuses a wrong consumer',
    { timeout: TOOL_TIMEOUT },
    async () => {
      await run(bin('openapi-typescript'), [file, '-o', join(dir, 'rectify-api.ts')])
      // Operations answer the named types, not inlined copies of them.
      const generated = readFileSync(join(dir, 'rectify-api.ts'), 'utf8')
      expect(generated).toMatch(/"application\/json": components\["schemas"\]\["ProblemPage"\]/)
      expect(generated).toMatch(/items: components\["schemas"\]\["Problem"\]\[\]/)
      const consumer = `import type { components, operations, paths } from './rectify-api.js'
type ListProblems = operations['listProblems']
type Problem = components['schemas']['Problem']
type Page = components['schemas']['ProblemPage']
type Unit = components['schemas']['UnitRef']
type ProblemDetails = components['schemas']['ProblemDetails']
export async function firstPage(base: string, token: string): Promise<string[]> {
  const query: NonNullable<ListProblems['parameters']['query']> = { limit: 50 }
  const url = base + '/api/v1/problems?limit=' + String(query.limit)
  const res = await fetch(url, { headers: { authorization: 'Bearer ' + token } })
  if (!res.ok) throw new Error(((await res.json()) as ProblemDetails).code)
  const page = (await res.json()) as Page
  const lead = (p: Problem): Unit => p.leadUnit
  return page.items.map((p) => p.id + ' ' + p.code + lead(p).name + (page.nextCursor ?? ''))
}
export type Transition = paths['/api/v1/problems/{id}/transitions']['post']
export const ifMatch: Transition['parameters']['header']['If-Match'] = '"1"'
`
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          skipLibCheck: true,
        },
        files: ['consumer.ts'],
      }
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig))
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
      writeFileSync(join(dir, 'consumer.ts'), consumer)
      await run(bin('tsc'), ['-p', dir])
      // The same consumer reading a field the contract does not have must not compile.
      writeFileSync(join(dir, 'consumer.ts'), consumer.replace('p.code', 'p.noSuchField'))
      const wrong = await run(bin('tsc'), ['-p', dir]).then(
        () => '',
        (err: { stdout: string }) => err.stdout,
      )
      expect(wrong).toMatch(/noSuchField/)
    },
  )
})
