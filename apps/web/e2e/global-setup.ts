/**
 * Starts the system the browser tests run against, once for the whole run: the built SPA and the
 * API serving it on a fresh embedded database without the demo city, holding only a top unit and
 * its administrator (e2e/system.mjs), or E2E_BASE_URL as it is. Workers find it in
 * RECTIFY_E2E_URL, and the administrator in E2E_ADMIN_USERNAME and E2E_ADMIN_PASSWORD. RECTIFY_E2E_CONTROL is a local endpoint through which a test runs
 * SQL on the stopped API's database and starts it again: how a test lets time pass (a publicity
 * period run out) without any clock knob in the product. Returns the teardown.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BOOTSTRAP_ADMIN, startSystem } from './system.mjs'

interface Statement {
  sql: string
  params?: unknown[]
}
interface PgLike {
  query(sql: string, params?: unknown[]): Promise<{ affectedRows?: number }>
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Reminders every few seconds, so a test sees those of the deadlines it just set.
  process.env.REMINDER_INTERVAL_SECONDS ??= '5'
  // Access tokens that lapse within a run (which takes 14–18 min), so that every run shows the
  // tests' long-lived API sessions renew rather than fail once a run grows past one token's life;
  // 10 min, so that a page a test holds (a few minutes at most, even on a loaded machine) rarely
  // sees a renewal of its own.
  process.env.ACCESS_TOKEN_TTL_SECONDS ??= '600'
  const system = await startSystem({ demo: false })
  process.env.RECTIFY_E2E_URL = system.baseUrl
  if (!process.env.E2E_BASE_URL) {
    process.env.E2E_ADMIN_USERNAME = BOOTSTRAP_ADMIN.username
    process.env.E2E_ADMIN_PASSWORD = BOOTSTRAP_ADMIN.password
  }
  let control: Server | undefined
  const withDatabase = system.withDatabase as
    ((fn: (pg: PgLike) => Promise<void>) => Promise<void>) | null
  if (withDatabase) {
    // One request at a time: the API is down while the statements run.
    let queue = Promise.resolve()
    control = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        queue = queue.then(async () => {
          try {
            const statements = JSON.parse(Buffer.concat(chunks).toString()) as Statement[]
            const affected: number[] = []
            await withDatabase(async (pg) => {
              for (const s of statements)
                affected.push((await pg.query(s.sql, s.params)).affectedRows ?? 0)
            })
            response.writeHead(200, { 'Content-Type': 'application/json' })
            response.end(JSON.stringify({ affected }))
          } catch (error) {
            response.writeHead(500, { 'Content-Type': 'text/plain' })
            response.end(String(error))
          }
        })
      })
    })
    await new Promise<void>((resolve) => control!.listen(0, '127.0.0.1', resolve))
    process.env.RECTIFY_E2E_CONTROL = `http://127.0.0.1:${(control.address() as AddressInfo).port}`
  }
  return async () => {
    control?.close()
    await system.stop()
  }
}
