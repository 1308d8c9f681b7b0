import type { FastifyInstance } from 'fastify'
import { client, login } from './factories.js'

/**
 * An API client made by the admin through the API, and a bearer token for it (client
 * credentials, client_secret_post), wrapped in the inject helper.
 */
export async function apiClient(
  app: FastifyInstance,
  adminUsername: string,
  o: { name?: string; scopes: string[]; unitId?: string },
) {
  const admin = client(app, (await login(app, adminUsername)).accessToken)
  const res = await admin.post('/api/v1/clients', {
    name: o.name ?? '12345热线',
    scopes: o.scopes,
    ...(o.unitId ? { unitId: o.unitId } : {}),
  })
  if (res.statusCode !== 201) throw new Error(`client: ${res.statusCode} ${res.body}`)
  const created = res.json<{ client: { id: string; clientId: string }; clientSecret: string }>()
  const token = await app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    payload: {
      grant_type: 'client_credentials',
      client_id: created.client.clientId,
      client_secret: created.clientSecret,
    },
  })
  if (token.statusCode !== 200) throw new Error(`token: ${token.statusCode} ${token.body}`)
  const accessToken = token.json<{ access_token: string }>().access_token
  const api = client(app, accessToken)
  return {
    id: created.client.id,
    clientId: created.client.clientId,
    secret: created.clientSecret,
    accessToken,
    ...api,
    delete: (url: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'DELETE',
        url,
        headers: { authorization: `Bearer ${accessToken}`, ...headers },
      }),
  }
}
