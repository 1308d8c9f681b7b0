import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { applyContract } from './openapi.contract.js'
import { referenced } from './shared-schemas.js'

/** The OpenAPI 3.1 document, generated from the route schemas, and a browsable UI at /api/docs. */
export default fp(
  async function openapiPlugin(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Rectify API',
          version: '1.0.0',
          license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
          description:
            'Rectification of Central Ecological and Environmental Protection Inspection feedback (中央生态环境保护督察整改). Conventions: errors are RFC 9457 problem+json; PATCH needs If-Match; POST accepts Idempotency-Key; lists use cursor pagination.',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          },
        },
        security: [{ bearer: [] }],
      },
      // The shared schemas (plugins/shared-schemas.ts) are named by their $id under
      // components.schemas, instead of def-0, def-1, ...
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) =>
          typeof json.$id === 'string' ? json.$id : `def-${i}`,
      },
      // Request bodies reference their named schemas in the document only: Fastify validates
      // them whole, as the routes declare them (responses are referenced for the serializer
      // too, plugins/shared-schemas.ts).
      transform: ({ schema, url }) => ({
        schema: schema && {
          ...schema,
          ...(schema.body ? { body: referenced(schema.body) } : {}),
          ...(schema.querystring ? { querystring: referenced(schema.querystring) } : {}),
        },
        url,
      }),
      // operationIds, summaries, headers, error responses, components and webhooks: see
      // openapi.contract.ts. The route schemas themselves stay what Fastify validates with.
      transformObject: (documentObject) =>
        'openapiObject' in documentObject
          ? (applyContract(documentObject.openapiObject as Record<string, unknown>) as Partial<
              typeof documentObject.openapiObject
            >)
          : documentObject.swaggerObject,
    })
    // No staticCSP: the docs UI gets the one policy the whole app has (plugins/security.ts).
    await app.register(swaggerUi, { routePrefix: '/api/docs' })
  },
  { name: 'openapi' },
)
