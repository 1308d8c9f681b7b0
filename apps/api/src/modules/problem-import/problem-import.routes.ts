import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  ExportProblemsQuerySchema,
  IdParamsSchema,
  ProblemImportRefusedSchema,
  ProblemImportBodySchema,
  ProblemImportReportSchema,
} from '@rectify/schemas'
import { sendImportRefused, contentDisposition } from '../../lib/http.js'
import { shanghaiDate } from '../../lib/dates.js'
import { sendXlsx, XLSX_TYPE } from '../../lib/xlsx-stream.js'
import type { LedgerExportService } from './ledger-export.js'
import type { ProblemImportService } from './problem-import.service.js'
import { buildTemplate } from './template.js'

const tags = ['problems']
const Xlsx = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .xlsx' })

/** The problem list in and out of Excel: the import with its template, and the ledger export. */
export const problemImportRoutes: FastifyPluginAsyncTypebox<{
  problemImport: ProblemImportService
  ledgerExport: LedgerExportService
}> = async (app, { problemImport, ledgerExport }) => {
  app.post(
    '/rounds/:id/problem-import',
    {
      schema: {
        tags,
        description:
          "Imports a task table (.xlsx the caller uploaded with POST /files) into the round. `dryRun` (default) reads every task and writes nothing, showing what each deadline, unit and measure cell was understood as; `dryRun: false` writes every task in one transaction, or — when any cell has an error, or a warning (a deadline already past or before the round's feedback date) is not acknowledged in `acknowledge` — nothing, answering 422 problem+json with the report in `report`. Collective phrases (各级党委、政府, 市直有关单位) are expanded or recorded with a coordinating unit as `collectives` says; unknown unit names may be created under an existing unit (`createUnits`) in the same transaction, audited as `unit.created`. The report marks what was inferred (domain, region, assumed deadline). Tasks match the round's problems by code: changed ones are updated, the rest left `unchanged`. The office only.",
        params: IdParamsSchema,
        body: ProblemImportBodySchema,
        response: { 200: ProblemImportReportSchema, 422: ProblemImportRefusedSchema },
      },
    },
    async (req, reply) => {
      const report = await problemImport.run(req.ctx, req.params.id, req.body)
      if (report.dryRun || report.imported) return report
      const detail = report.errors.length
        ? `${report.errors.length} errors in the sheet: nothing was imported`
        : `${report.counts.unacknowledged} warnings not acknowledged (past deadlines or deadlines before the round's feedback): acknowledge them per row or all; nothing was imported`
      return sendImportRefused(req, reply, report, detail)
    },
  )
  app.post(
    '/rounds/:id/problem-import/errors',
    {
      schema: {
        tags,
        description:
          "The task table the caller uploaded, with the dry run's errors (light red) and warnings (yellow) marked in their cells: a fill and a note (批注) in Chinese on each, a whole row where the problem is the row's, and a last sheet 错误清单 listing them — so the clerk fixes the file they know and imports it again. Takes the import's body (`dryRun` is ignored: nothing is written). An .xls comes back as .xlsx. The office only.",
        params: IdParamsSchema,
        body: ProblemImportBodySchema,
        produces: [XLSX_TYPE],
        response: { 200: Xlsx },
      },
    },
    async (req, reply) => {
      const { filename, content } = await problemImport.errorsWorkbook(
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
    '/problems/import-template',
    {
      schema: {
        tags,
        description:
          'The task-table template (.xlsx): title row, the standard columns, three example rows, and a sheet explaining each column and the names also understood.',
        produces: [XLSX_TYPE],
        response: { 200: Xlsx },
      },
    },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition('整改任务清单导入模板.xlsx'))
        .header('cache-control', 'private, no-store')
        .send(await buildTemplate(shanghaiDate())),
  )
  app.get(
    '/exports/problems',
    {
      schema: {
        tags: ['exports'],
        description:
          "The ledger (台账) as a streamed .xlsx with every filter of GET /problems and the same scope: the task table's columns first (it imports back), then status, light (cell colour), planned and reported progress, overdue and closed date. Audited (the filters, not the rows).",
        querystring: ExportProblemsQuerySchema,
        produces: [XLSX_TYPE],
        response: { 200: Xlsx },
      },
    },
    async (req, reply) => {
      const e = await ledgerExport.prepare(req.ctx, req.query)
      return sendXlsx(reply, e.filename, e.build)
    },
  )
}
