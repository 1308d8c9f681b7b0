import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  IdParamsSchema,
  ProgressImportRefusedSchema,
  ProgressImportBodySchema,
  ProgressImportReportSchema,
} from '@rectify/schemas'
import { sendImportRefused, contentDisposition } from '../../lib/http.js'
import { XLSX_TYPE } from '../../lib/xlsx-stream.js'
import type { ProgressImportService } from './progress-import.service.js'
import { buildTemplate } from './template.js'

const tags = ['reports']
const Xlsx = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .xlsx' })

/** Monthly progress tables (整改进展情况表) into a dispatch period, and their template. */
export const progressImportRoutes: FastifyPluginAsyncTypebox<{
  progressImport: ProgressImportService
}> = async (app, { progressImport }) => {
  app.post(
    '/dispatch-periods/:id/progress-import',
    {
      schema: {
        tags,
        description:
          "Imports a progress table (.xlsx or .xls the caller uploaded with POST /files) into an open dispatch period: each row becomes a progress report of its unit (the 责任单位 cell, the file's `unitId`, or the row's choice) on the problem it names, submitted by the office on the unit's behalf (`submittedOnBehalf`) and reviewed like any report. Rows match the round's problems by code, else by title similarity — a title match must be confirmed in `rows`. `dryRun` (default) writes nothing; `dryRun: false` writes every report in one transaction, or — when any row has an error — nothing, answering 422 problem+json with the report in `report`. 已完成 tells the problem's lead unit acceptance is due; no problem changes status. The office only.",
        params: IdParamsSchema,
        body: ProgressImportBodySchema,
        response: { 200: ProgressImportReportSchema, 422: ProgressImportRefusedSchema },
      },
    },
    async (req, reply) => {
      const report = await progressImport.run(req.ctx, req.params.id, req.body)
      if (report.dryRun || report.imported) return report
      const detail = `${report.errors.length} errors in the table: nothing was imported`
      return sendImportRefused(req, reply, report, detail)
    },
  )
  app.post(
    '/dispatch-periods/:id/progress-import/errors',
    {
      schema: {
        tags,
        description:
          "The progress table the caller uploaded, with the dry run's errors (light red) and warnings (yellow) marked in their cells: a fill and a note (批注) in Chinese on each, a whole row where the problem is the row's, and a last sheet 错误清单 listing them — so the clerk fixes the file they know and imports it again. Takes the import's body (`dryRun` is ignored: nothing is written) and answers as the import does (403, 404, 409 closed period, 422 not a workbook). An .xls comes back as .xlsx (原文件名-错误标注.xlsx). The office only.",
        params: IdParamsSchema,
        body: ProgressImportBodySchema,
        produces: [XLSX_TYPE],
        response: { 200: Xlsx },
      },
    },
    async (req, reply) => {
      const { filename, content } = await progressImport.errorsWorkbook(
        req.ctx,
        req.params.id,
        req.body,
      )
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition(filename))
        .header('cache-control', 'private, no-store')
        .send(content)
    },
  )
  app.get(
    '/reports/import-template',
    {
      schema: {
        tags,
        description:
          'The progress-table template (.xlsx): title and 填报单位 lines, the usual columns, two example rows, the 填表人/联系电话 lines, and a sheet explaining each column with the names also understood.',
        produces: [XLSX_TYPE],
        response: { 200: Xlsx },
      },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition('整改进展情况表导入模板.xlsx'))
        .header('cache-control', 'private, no-store')
        .send(await buildTemplate()),
  )
}
