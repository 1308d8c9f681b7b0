import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDatabase, type Database } from '../src/db/client.js'
import { makePgliteTemplate, pgliteTemplateFile, templateFor } from '../src/db/pglite-template.js'

/**
 * A new embedded data directory is restored from the template cluster rather than initdb'd
 * (db/pglite-template.ts). Two directories restored from one template share its system
 * identifier, which initdb draws at random: equal identifiers say neither ran an initdb.
 */
const root = mkdtempSync(join(tmpdir(), 'rectify-template-'))
const TIMEOUT = 120_000

beforeAll(async () => {
  // The template pnpm start makes; made here when this checkout has none yet.
  if (!existsSync(pgliteTemplateFile())) await makePgliteTemplate()
}, TIMEOUT)
afterAll(() => rmSync(root, { recursive: true, force: true }))

const identifier = async (database: Database) =>
  (
    await database.query<{ id: string }>(
      'select system_identifier::text as id from pg_control_system()',
    )
  )[0]!.id

it(
  'opens a new data directory from the template, and an existing one as it is',
  async () => {
    const first = await openDatabase({ dataDir: join(root, 'a') })
    const second = await openDatabase({ dataDir: join(root, 'b') })
    const id = await identifier(first)
    expect(await identifier(second)).toBe(id)
    await first.query('create table kept (n int)')
    await Promise.all([first.close(), second.close()])

    // Reopened, a data directory keeps its own cluster: not restored over from the template.
    expect(await templateFor(join(root, 'a'))).toBeUndefined()
    const again = await openDatabase({ dataDir: join(root, 'a') })
    expect(await again.query('select count(*)::int as n from kept')).toEqual([{ n: 0 }])
    await again.close()
  },
  TIMEOUT,
)

it('initdbs as before when there is no template', async () => {
  expect(await templateFor(join(root, 'c'), join(root, 'no-template.tar'))).toBeUndefined()
  expect(await templateFor(join(root, 'c'), pgliteTemplateFile())).toBeInstanceOf(Blob)
})
