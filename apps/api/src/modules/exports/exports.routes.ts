import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  ExportAccountabilityQuerySchema,
  ExportMeasuresQuerySchema,
  ExportPetitionsQuerySchema,
  ExportReportsQuerySchema,
} from '@rectify/schemas'
import { sendXlsx, XLSX_TYPE } from '../../lib/xlsx-stream.js'
import type { ExportsService } from './exports.service.js'

const tags = ['exports']
const xlsx = {
  produces: [XLSX_TYPE],
  response: {
    200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .xlsx' }),
  },
}

/** Streamed .xlsx exports (measures, reports of a period, petition disclosure, accountability). */
export const exportsRoutes: FastifyPluginAsyncTypebox<{ exports: ExportsService }> = async (
  app,
  { exports },
) => {
  app.get(
    '/exports/measures',
    {
      schema: {
        tags,
        description: '整改措施台账: the measures of the problems the caller sees. Audited.',
        querystring: ExportMeasuresQuerySchema,
        ...xlsx,
      },
    },
    async (req, reply) => {
      const e = await exports.measures(req.ctx, req.query)
      return sendXlsx(reply, e.filename, e.build)
    },
  )
  app.get(
    '/exports/reports',
    {
      schema: {
        tags,
        description:
          'The progress reports of one dispatch period, scoped like GET /reports. Audited.',
        querystring: ExportReportsQuerySchema,
        ...xlsx,
      },
    },
    async (req, reply) => {
      const e = await exports.reports(req.ctx, req.query)
      return sendXlsx(reply, e.filename, e.build)
    },
  )
  app.get(
    '/exports/petitions',
    {
      schema: {
        tags,
        description:
          'The petition disclosure table in the columns cities publish, with 序号, 调查核实情况 and the dates; cases not yet assigned are left out, and a case in a published batch reads as the office last published it (a re-import or an edit shows only after the next publish). Never a complainant. Audited.',
        querystring: ExportPetitionsQuerySchema,
        ...xlsx,
      },
    },
    async (req, reply) => {
      const e = await exports.petitions(req.ctx, req.query)
      return sendXlsx(reply, e.filename, e.build)
    },
  )
  app.get(
    '/exports/accountability',
    {
      schema: {
        tags,
        description: 'Accountability records by unit × form, filtered like the counts. Audited.',
        querystring: ExportAccountabilityQuerySchema,
        ...xlsx,
      },
    },
    async (req, reply) => {
      const e = await exports.accountability(req.ctx, req.query)
      return sendXlsx(reply, e.filename, e.build)
    },
  )
}
