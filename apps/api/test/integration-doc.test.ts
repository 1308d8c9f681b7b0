import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

const run = promisify(execFile)
const API = resolve(import.meta.dirname, '..')
const EXAMPLE = resolve(API, '../../docs/examples/integration-client.ts')
const bin = (name: string) => join(API, 'node_modules', '.bin', name)
const TOOL_TIMEOUT = 240_000

let t: TestApp
let base: string
let dir: string
let credentials: { clientId: string; secret: string }

beforeAll(async () => {
  t = await createTestApp()
  const world = await makeWorld(t.database.db)
  const round = await makeRound(t.database.db)
  for (let i = 0; i < 3; i++)
    await makeProblem(t.database.db, { round, leadUnit: world.units.eeb, code: `DOC-${i}` })
  const admin = await as(t.app, world.users.admin)
  const created = await admin.post('/api/v1/clients', {
    name: '12345热线',
    scopes: ['problems:read', 'reports:intake', 'webhooks:manage'],
  })
  credentials = {
    clientId: created.json().client.clientId,
    secret: created.json().clientSecret,
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  dir = mkdtempSync(join(tmpdir(), 'rectify-integration-'))
  writeFileSync(
    join(dir, 'openapi.json'),
    (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body,
  )
})
afterAll(() => t.close())

describe('docs/integration.md', () => {
  it('shows the example client it runs', () => {
    const doc = readFileSync(resolve(API, '../../docs/integration.md'), 'utf8')
    expect(doc).toContain('examples/integration-client.ts')
    for (const name of ['getToken', 'allProblems', 'sendTicket', 'subscribe'])
      expect(doc).toContain(name)
  })

  it(
    'its generated-client example typechecks against the served contract and works',
    { timeout: TOOL_TIMEOUT },
    async () => {
      await run(bin('openapi-typescript'), [
        join(dir, 'openapi.json'),
        '-o',
        join(dir, 'rectify-api.ts'),
      ])
      copyFileSync(EXAMPLE, join(dir, 'integration-client.ts'))
      writeFileSync(
        join(dir, 'main.ts'),
        `import { allProblems, getToken, rectify, sendTicket, subscribe } from './integration-client.js'
declare const process: { argv: string[] }
const [base, id, secret] = process.argv.slice(2) as [string, string, string]
const token = await getToken(base, id, secret)
const problems = await allProblems(base, token)
const codes = problems.map((p) => p.code)
const one = await rectify(base, token).GET('/api/v1/problems/{id}', {
  params: { path: { id: problems[0]!.id } },
})
const ticket = { externalId: 'GD-DOC-1', description: '小区门口污水外溢，气味很大', name: '李某', contact: '13900000000' }
const first = await sendTicket(base, token, ticket)
const again = await sendTicket(base, token, ticket)
const hook = await subscribe(base, token, {
  name: '工单回写',
  url: 'https://hotline.example.com/rectify',
  eventTypes: ['public_report.answered', 'public_report.linked'],
  format: 'json',
})
console.log(JSON.stringify({ codes, one: one.data?.code, first, again, hook }))
`,
      )
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2022', 'DOM'],
            types: [],
            skipLibCheck: true,
          },
          files: ['main.ts'],
        }),
      )
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
      // openapi-fetch, as the integrator would have installed it.
      symlinkSync(join(API, 'node_modules'), join(dir, 'node_modules'), 'dir')
      await run(bin('tsc'), ['-p', dir]).catch((err: { stdout: string }) => {
        throw new Error(err.stdout)
      })
      const { stdout } = await run(bin('tsx'), [
        join(dir, 'main.ts'),
        base,
        credentials.clientId,
        credentials.secret,
      ])
      const out = JSON.parse(stdout)
      expect(out.codes.sort()).toEqual(['DOC-0', 'DOC-1', 'DOC-2'])
      expect(out.codes).toContain(out.one)
      expect(out.first.created).toBe(true)
      expect(out.again).toEqual({ created: false, receipt: out.first.receipt })
      expect(out.first.receipt.externalId).toBe('GD-DOC-1')
      expect(out.hook.secret).toMatch(/^[\w-]{40,}$/)
    },
  )
})
