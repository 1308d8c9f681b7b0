// An integrating system's client, typed from the served contract with openapi-typescript and
// calling it through openapi-fetch. Generate the types first:
//   npx openapi-typescript https://rectify.example.gov.cn/api/v1/openapi.json -o rectify-api.ts
//   npm i openapi-fetch
// apps/api/test/integration-doc.test.ts typechecks this file against the contract and runs it
// against the API, so what docs/integration.md shows keeps working.
import createClient from 'openapi-fetch'
import type { components, paths } from './rectify-api.js'

export type Problem = components['schemas']['Problem']
export type ProblemDetails = components['schemas']['ProblemDetails']
type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer T } } }
}
  ? T
  : never
export type HotlineTicket = Body<'/api/v1/public-reports/intake'>
export type NewWebhook = Body<'/api/v1/webhooks'>

/** Every error Rectify answers is problem+json (RFC 9457): keep its code, say its title. */
function fail(status: number, error: ProblemDetails | undefined): never {
  throw new Error(`${status} ${error?.code ?? ''} ${error?.title ?? ''}`.trim())
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
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`)
  return ((await res.json()) as { access_token: string }).access_token
}

/** The typed client: paths, parameters, bodies and answers all come from the contract. */
export function rectify(base: string, token: string) {
  return createClient<paths>({ baseUrl: base, headers: { authorization: `Bearer ${token}` } })
}

/** Every problem the client may read, page by page (cursor paging). */
export async function allProblems(base: string, token: string): Promise<Problem[]> {
  const api = rectify(base, token)
  const all: Problem[] = []
  let cursor: string | undefined
  do {
    const { data, error, response } = await api.GET('/api/v1/problems', {
      params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
    })
    if (!data) fail(response.status, error)
    all.push(...data.items)
    cursor = data.nextCursor ?? undefined
  } while (cursor)
  return all
}

/** A hotline ticket; safe to resend: the same externalId answers 200 with the first receipt. */
export async function sendTicket(base: string, token: string, ticket: HotlineTicket) {
  const { data, error, response } = await rectify(base, token).POST(
    '/api/v1/public-reports/intake',
    { body: ticket },
  )
  if (!data) fail(response.status, error)
  return { created: response.status === 201, receipt: data }
}

/** Registers the client's own webhook; keep the secret (shown once) to verify signatures. */
export async function subscribe(base: string, token: string, hook: NewWebhook) {
  const { data, error, response } = await rectify(base, token).POST('/api/v1/webhooks', {
    body: hook,
  })
  if (!data) fail(response.status, error)
  return data
}
