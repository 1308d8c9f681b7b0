// An integrating system's client, typed from the served contract. Generate the types first:
//   npx openapi-typescript https://rectify.example.gov.cn/api/v1/openapi.json -o rectify-api.ts
// apps/api/test/integration-doc.test.ts typechecks this file against the contract and runs it
// against the API, so what docs/integration.md shows keeps working.
import type { operations } from './rectify-api.js'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
export type ProblemPage = JsonOf<operations['listProblems']['responses'][200]>
export type HotlineTicket = JsonOf<NonNullable<operations['submitHotlineReport']['requestBody']>>
export type HotlineReceipt = JsonOf<operations['submitHotlineReport']['responses'][201]>
export type NewWebhook = JsonOf<NonNullable<operations['createWebhook']['requestBody']>>
export type WebhookWithSecret = JsonOf<operations['createWebhook']['responses'][201]>

async function ok<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** Client credentials with HTTP Basic (client_secret_basic), as most OAuth libraries send them. */
export async function getToken(base: string, clientId: string, secret: string): Promise<string> {
  const basic = btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`)
  const res = await fetch(`${base}/api/v1/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  })
  return (await ok<{ access_token: string }>(res)).access_token
}

const bearer = (token: string) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
})

/** Every problem the client may read, page by page (cursor paging). */
export async function allProblems(base: string, token: string): Promise<string[]> {
  const codes: string[] = []
  let cursor: string | null = null
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    const page: ProblemPage = await ok<ProblemPage>(
      await fetch(`${base}/api/v1/problems?limit=200${query}`, { headers: bearer(token) }),
    )
    codes.push(...page.items.map((p) => p.code))
    cursor = page.nextCursor
  } while (cursor)
  return codes
}

/** A hotline ticket; safe to resend: the same externalId answers 200 with the first receipt. */
export async function sendTicket(
  base: string,
  token: string,
  ticket: HotlineTicket,
): Promise<{ created: boolean; receipt: HotlineReceipt }> {
  const res = await fetch(`${base}/api/v1/public-reports/intake`, {
    method: 'POST',
    headers: bearer(token),
    body: JSON.stringify(ticket),
  })
  return { created: res.status === 201, receipt: await ok<HotlineReceipt>(res) }
}

/** Registers the client's own webhook; keep the secret (shown once) to verify signatures. */
export async function subscribe(
  base: string,
  token: string,
  hook: NewWebhook,
): Promise<WebhookWithSecret> {
  const res = await fetch(`${base}/api/v1/webhooks`, {
    method: 'POST',
    headers: bearer(token),
    body: JSON.stringify(hook),
  })
  return ok<WebhookWithSecret>(res)
}
