import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HotlineReceiptSchema, HotlineReportBodySchema } from '@rectify/schemas'
import type { HotlineIntakeService } from './hotline.service.js'

export interface HotlineRoutesOptions {
  hotline: HotlineIntakeService
  /** INTAKE_RATE_LIMIT_MAX: reports per minute per API client. */
  limit: number
}

/**
 * A hotline's intake (12345): one route for API clients with `reports:intake`. Limited per
 * client, not per IP — the auth plugin has identified the client before the limiter runs.
 */
export const hotlineRoutes: FastifyPluginAsyncTypebox<HotlineRoutesOptions> = async (
  app,
  { hotline, limit },
) => {
  app.post(
    '/public-reports/intake',
    {
      schema: {
        tags: ['public-reports'],
        description:
          'A public report from a hotline system, carrying its own ticket number (`externalId`, unique per client). 201 with the receipt; a retry with the same ticket answers 200 with the same receipt and adds nothing. `public_report.answered` / `public_report.linked` webhook events follow when the office answers or links it.',
        body: HotlineReportBodySchema,
        response: { 200: HotlineReceiptSchema, 201: HotlineReceiptSchema },
      },
      config: {
        rateLimit: {
          max: limit,
          timeWindow: 60_000,
          keyGenerator: (req) => `client:${req.ctx.actor.id ?? req.ip}`,
        },
      },
    },
    async (req, reply) => {
      const { created, receipt } = await hotline.submit(req.ctx, req.body)
      return reply.code(created ? 201 : 200).send(receipt)
    },
  )
}
