import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  IdParamsSchema,
  PetitionImportBodySchema,
  PetitionImportReportSchema,
  PetitionImportRefusedSchema,
} from '@rectify/schemas'
import { sendImportRefused, contentDisposition } from '../../../lib/http.js'
import type { PetitionImportService } from './petitions.import.service.js'
import { XLSX_MIME } from './petitions.import.service.js'
import { buildTemplate } from './template.js'

const tags = ['petitions']

/** The .xlsx import of a batch's petition cases and the template to fill in. */
export const petitionImportRoutes: FastifyPluginAsyncTypebox<{
  petitionImport: PetitionImportService
}> = async (app, { petitionImport }) => {
  app.post(
    '/petition-batches/:id/import',
    {
      schema: {
        tags,
        description:
          'Imports an .xlsx the caller uploaded (POST /files) into the batch. `dryRun` (default) checks every row and writes nothing; `dryRun: false` writes all rows in one transaction, or — when any cell has an error — nothing, answering 422 problem+json with the report in `report`. The office only.',
        params: IdParamsSchema,
        body: PetitionImportBodySchema,
        response: { 200: PetitionImportReportSchema, 422: PetitionImportRefusedSchema },
      },
    },
    async (req, reply) => {
      const report = await petitionImport.run(req.ctx, req.params.id, req.body)
      if (report.dryRun || report.imported) return report
      const detail = `${report.errors.length} errors in the sheet: nothing was imported`
      return sendImportRefused(req, reply, report, detail)
    },
  )
  app.post(
    '/petition-batches/:id/import/errors',
    {
      schema: {
        tags,
        description:
          "The batch's .xlsx the caller uploaded, with the dry run's errors marked in their cells: a light red fill and a note (批注) in Chinese on each, a whole row where the problem is the row's (a repeated receipt number), and a last sheet 错误清单 listing them — so the clerk fixes the file they know. Takes the import's body (`dryRun` is ignored: nothing is written). An .xls comes back as .xlsx. The office only.",
        params: IdParamsSchema,
        body: PetitionImportBodySchema,
        produces: [XLSX_MIME],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .xlsx' }),
        },
      },
    },
    async (req, reply) => {
      const { filename, content } = await petitionImport.errorsWorkbook(
        req.ctx,
        req.params.id,
        req.body,
      )
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(filename))
        .header('cache-control', 'private, no-store')
        .send(content)
    },
  )
  app.get(
    '/petitions/import-template',
    {
      schema: {
        tags,
        description:
          'The .xlsx template in the layout the inspection team hands over: title row, standard header row, an example row, and a sheet explaining the columns.',
        produces: [XLSX_MIME],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .xlsx' }),
        },
      },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition('交办信访件导入模板.xlsx'))
        .header('cache-control', 'private, no-store')
        .send(await buildTemplate()),
  )
}
