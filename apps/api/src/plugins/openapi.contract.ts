import { ProblemDetailsSchema, WEBHOOK_EVENT_DATA, WebhookTestDataSchema } from '@rectify/schemas'
import { OPERATIONS } from '../operations.js'
import { POLICY, policyKey } from '../policy.js'

type Json = Record<string, unknown>
interface Operation extends Json {
  parameters?: Json[]
  responses?: Record<string, unknown>
  requestBody?: unknown
  security?: unknown[]
}

const PREFIX = '/api/v1'
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const

/** The shared error responses, each answering the one problem+json schema. */
const ERRORS: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'Malformed request or query parameter' },
  '401': { name: 'Unauthorized', description: 'No, invalid or expired access token' },
  '403': { name: 'Forbidden', description: 'Authenticated, but this role or scope may not' },
  '404': { name: 'NotFound', description: 'Not found, or not visible to the caller' },
  '409': { name: 'Conflict', description: 'State conflict: illegal transition or duplicate' },
  '412': { name: 'PreconditionFailed', description: 'If-Match names a stale version' },
  '413': { name: 'PayloadTooLarge', description: 'Body or file too large' },
  '415': { name: 'UnsupportedMediaType', description: 'Wrong media type' },
  '422': { name: 'Unprocessable', description: 'Schema-valid input that breaks a rule' },
  '428': { name: 'PreconditionRequired', description: 'If-Match is required here' },
  '429': { name: 'TooManyRequests', description: 'Rate limited; see Retry-After' },
}

const HEADERS = {
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: true,
    description:
      'The ETag the change is made against, as read (`"3-<digest>"`), or its bare version (`"3"`); only the version is compared.',
    schema: { type: 'string', maxLength: 100 },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'A retry with the same key and body returns the first response and creates nothing new.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description:
      'The ETag read before (`"<version>-<digest>"`): 304 without a body while the answer is byte for byte the same.',
    schema: { type: 'string', maxLength: 100 },
  },
}

/** `/api/v1/problems/{id}` → `/problems/:id`, the key of OPERATIONS. */
function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.slice(PREFIX.length).replace(/\{(\w+)\}/g, ':$1')}`
}

function errorStatuses(method: string, path: string, op: Operation, isPublic: boolean): string[] {
  const statuses = ['400', '429']
  if (!isPublic) statuses.push('401', '403')
  if (/\{\w+\}/.test(path)) statuses.push('404')
  if (op.requestBody) statuses.push('413', '415', '422')
  if (method === 'post' || method === 'patch' || method === 'put') statuses.push('409')
  if (OPERATIONS[routeKey(method, path)]?.ifMatch) statuses.push('412', '428')
  return statuses
}

/**
 * Moves every schema that carries an `$id` to `components.schemas` (once) and leaves a `$ref`
 * in its place, so generators name the type once instead of inlining it everywhere.
 */
function hoist(node: unknown, schemas: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => hoist(n, schemas))
  if (!node || typeof node !== 'object') return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node)) out[k] = hoist(v, schemas)
  const id = out.$id
  if (typeof id === 'string' && /^[A-Za-z][\w.-]*$/.test(id)) {
    delete out.$id
    schemas[id] ??= out
    return { $ref: `#/components/schemas/${id}` }
  }
  return out
}

/** Every event a delivery can carry: the subscribable ones and the admin's `webhook.test`. */
const EVENT_DATA: Record<string, unknown> = {
  ...WEBHOOK_EVENT_DATA,
  'webhook.test': WebhookTestDataSchema,
}

/** `problem.status_changed` → `ProblemStatusChanged`. */
const pascal = (type: string) =>
  type.replace(/(^|[._])(\w)/g, (_m, _s, c: string) => c.toUpperCase())

/** The schema of an event's `data` (JSON only: TypeBox's symbol keys are not copied). */
const plain = (schema: unknown): Json => JSON.parse(JSON.stringify(schema)) as Json

/** A schema as a component of its own: its `$id` dropped, its named parts referenced. */
function component(schema: unknown, schemas: Record<string, unknown>): Json {
  const { $id: _id, ...rest } = plain(schema)
  return hoist(rest, schemas) as Json
}

/**
 * The webhook payloads: one entry per event type, the envelope every delivery carries with that
 * event's own `data` schema (components `<Type>Data`).
 */
function webhooks(schemas: Record<string, unknown>, own: Json): Json {
  const entries: Json = {}
  for (const [type, data] of Object.entries(EVENT_DATA)) {
    const name = `${pascal(type)}Data`
    const description = `The data of a ${type} event`
    // A schema named for the routes as well (webhook.test) stays the one component.
    if ((data as { $id?: unknown }).$id === name) schemas[name] = component(data, schemas)
    else own[name] = { ...component(data, schemas), description }
    entries[type] = {
      post: {
        operationId: `on${pascal(type)}`,
        summary: `The ${type} event`,
        description: `Webhook 事件 ${type}：签名见 X-Rectify-Signature（docs/webhooks.md）。`,
        tags: ['webhooks'],
        security: [],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  { $ref: '#/components/schemas/WebhookEvent' },
                  {
                    type: 'object',
                    properties: {
                      type: { const: type },
                      data: { $ref: `#/components/schemas/${name}` },
                    },
                  },
                ],
              },
            },
          },
        },
        responses: { '200': { description: 'Any 2xx acknowledges the delivery' } },
      },
    }
  }
  return entries
}

/**
 * Completes the generated document for code generators: operationId, summary and a Chinese
 * description from OPERATIONS, If-Match / Idempotency-Key / If-None-Match header parameters,
 * `security: []` on public routes, the error responses by status referencing the one
 * problem+json schema, `$id` schemas hoisted to components, and the webhook payloads.
 */
export function applyContract(doc: Json): Json {
  const schemas: Record<string, unknown> = {}
  const paths = hoist(doc.paths ?? {}, schemas) as Record<string, Record<string, Operation>>
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      const row = OPERATIONS[routeKey(method, path)]
      if (row) {
        op.operationId = row.operationId
        op.summary = row.summary
        op.description = op.description ? `${row.zh}\n\n${String(op.description)}` : row.zh
      }
      const policy = POLICY[policyKey(method, path.replace(/\{(\w+)\}/g, ':$1'))]
      const isPublic = policy?.roles === 'public'
      if (isPublic) op.security = []
      const params = (op.parameters ??= [])
      const ref = (name: keyof typeof HEADERS) => ({ $ref: `#/components/parameters/${name}` })
      if (row?.ifMatch) params.push(ref('IfMatch'))
      if (method === 'post') params.push(ref('IdempotencyKey'))
      if (method === 'get' && op.responses?.['304']) params.push(ref('IfNoneMatch'))
      if (!params.length) delete op.parameters
      const responses = (op.responses ??= {})
      for (const status of errorStatuses(method, path, op, isPublic))
        responses[status] ??= { $ref: `#/components/responses/${ERRORS[status]!.name}` }
    }
  }
  const components = (doc.components ?? {}) as Json
  const responses: Json = {}
  for (const { name, description } of Object.values(ERRORS))
    responses[name] = {
      description,
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
      },
    }
  // The document's own components: the webhook payloads, the event envelope and the error body
  // (named after RFC 9457: a "problem" is the domain's 督察反馈问题, component Problem).
  const own: Json = {}
  const webhookEntries = webhooks(schemas, own)
  own.ProblemDetails = {
    ...component(ProblemDetailsSchema, schemas),
    description: 'RFC 9457 problem details',
  }
  own.WebhookEvent = {
    type: 'object',
    description:
      'Every delivery (format json): the event id (deduplicate on it), its type, when it happened and what changed.',
    required: ['id', 'type', 'at', 'data'],
    properties: {
      id: { type: 'string', description: 'Event id, the same on every retry' },
      type: { type: 'string', enum: Object.keys(EVENT_DATA) },
      at: { type: 'string', format: 'date-time' },
      data: { type: 'object', description: "The event type's own data (<Type>Data)" },
    },
  }
  const named = { ...((components.schemas as Json | undefined) ?? {}), ...schemas }
  const clash = Object.keys(own).filter((name) => name !== 'ProblemDetails' && name in named)
  if (clash.length) throw new Error(`Component names taken twice: ${clash.join(', ')}`)
  return {
    ...doc,
    servers: [{ url: '/', description: 'This server' }],
    paths,
    webhooks: webhookEntries,
    components: {
      ...components,
      schemas: { ...named, ...own },
      responses,
      parameters: HEADERS,
    },
  }
}
