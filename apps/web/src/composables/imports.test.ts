// @vitest-environment happy-dom
/**
 * The state behind the import dialogs (ImportDialogShell's petition batch and progress table):
 * upload, dry run, the user's choices sent with the next dry run, commit, and refusals.
 */
import type { PetitionImportReport, ProgressImportReport } from '@rectify/schemas'
import { describe, expect, it } from 'vitest'
import { problem, useFakeApi, type Sent } from '@/test/fake-api'
import { withSetup } from '@/test/mount'
import { usePetitionImport } from './usePetitionImport'
import { useProgressImport } from './useProgressImport'

const workbook = () =>
  new File([new Uint8Array([0x50, 0x4b, 3, 4])], '第三批交办件.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })

const cellError = (row: number) => ({
  row,
  column: '受理编号',
  cell: `A${row}`,
  message: '受理编号为空',
  messageEn: 'Receipt number is empty',
})

/** A petition dry run: `rows` as given, errors and the rows needing keep/take as stated. */
function petitionReport(over: Partial<PetitionImportReport> = {}): PetitionImportReport {
  return {
    dryRun: true,
    sheet: 'Sheet1',
    columns: [{ index: 0, header: '受理编号', field: 'receiptNo', by: 'synonym' }],
    missingFields: [],
    rows: [
      {
        row: 2,
        receiptNo: 'D2026001',
        needsChoice: false,
        repeatCandidates: [{ id: 'old1' }],
      },
      { row: 3, receiptNo: 'D2026002', needsChoice: true, repeatCandidates: [] },
    ] as unknown as PetitionImportReport['rows'],
    errors: [],
    counts: {
      rows: 2,
      new: 1,
      updated: 1,
      errors: 0,
      repeats: 1,
      handled: 0,
      needChoice: 1,
      unchanged: 0,
    },
    imported: false,
    ...over,
  }
}

const IMPORT = 'POST /api/v1/petition-batches/b1/import'

describe('the petition import dialog’s state', () => {
  const server = useFakeApi()

  it('uploads the workbook with progress, then runs the dry run on it', async () => {
    server.on('POST /api/v1/files', { id: 'f1' }).on(IMPORT, petitionReport())
    const state = withSetup(() => usePetitionImport(() => 'b1'))
    await state.upload(workbook())

    expect(server.routes()).toEqual(['POST /api/v1/files', IMPORT])
    expect(server.to(IMPORT)[0]!.body).toEqual({ fileId: 'f1', dryRun: true, mapping: {} })
    expect(state.progress.value).toBe(50)
    expect(state.fileName.value).toBe('第三批交办件.xlsx')
    expect(state.step.value).toBe('review')
    expect(state.pending.value).toEqual([3])
    expect(state.ready.value).toBe(false)
  })

  it('says in Chinese why an upload was refused and goes back to choosing a file', async () => {
    server.on('POST /api/v1/files', problem(415, 'unsupported_media_type'))
    const state = withSetup(() => usePetitionImport(() => 'b1'))
    await state.upload(workbook())
    expect(state.failure.value).toBe('不支持的内容格式。')
    expect(state.step.value).toBe('choose')
    expect(server.to(IMPORT)).toEqual([])
  })

  it('sends a column mapping with the next dry run', async () => {
    server.on('POST /api/v1/files', { id: 'f1' }).on(IMPORT, petitionReport())
    const state = withSetup(() => usePetitionImport(() => 'b1'))
    await state.upload(workbook())
    await state.mapColumn('信访编号', 'receiptNo')
    await state.mapColumn('备注', null)
    expect(server.to(IMPORT)[2]!.body).toEqual({
      fileId: 'f1',
      dryRun: true,
      mapping: { 信访编号: 'receiptNo', 备注: null },
    })
  })

  it('commits nothing while a row is in error or a choice is missing', async () => {
    server
      .on('POST /api/v1/files', { id: 'f1' })
      .on(IMPORT, petitionReport({ errors: [cellError(2)] }))
    const state = withSetup(() => usePetitionImport(() => 'b1'))
    await state.upload(workbook())
    state.chooseAll('take')
    expect(state.ready.value).toBe(false)
    expect(await state.commit()).toBeNull()
    expect(server.to(IMPORT)).toHaveLength(1)
  })

  it('commits with the ticked repeats and the keep/take choices of rows still in the report', async () => {
    const done = petitionReport({ dryRun: false, imported: true })
    server
      .on('POST /api/v1/files', { id: 'f1' })
      .on(IMPORT, petitionReport(), (s: Sent) =>
        (s.body as { dryRun: boolean }).dryRun ? petitionReport() : done,
      )
    const state = withSetup(() => usePetitionImport(() => 'b1'))
    await state.upload(workbook())
    state.linkRepeat(2, 'old1', true)
    state.linkRepeat(3, 'not-a-candidate', true)
    state.choose(3, 'keep')
    state.choose(9, 'take')
    expect(state.ready.value).toBe(true)

    expect(await state.commit()).toEqual(done)
    const commit = server.to(IMPORT)[1]!
    expect(commit.body).toEqual({
      fileId: 'f1',
      dryRun: false,
      mapping: {},
      repeats: { '2': 'old1' },
      choices: { '3': 'keep' },
    })
    expect(commit.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('shows the errors of a refused commit in place (422 carrying the report)', async () => {
    const refused = petitionReport({ errors: [cellError(3)] })
    server
      .on('POST /api/v1/files', { id: 'f1' })
      .on(
        IMPORT,
        petitionReport(),
        problem(422, 'unprocessable', { detail: '1 row in error', report: refused }),
      )
    const state = withSetup(() => usePetitionImport(() => 'b1'))
    await state.upload(workbook())
    state.chooseAll('take')
    expect(await state.commit()).toBeNull()
    expect(state.report.value?.errors).toEqual([cellError(3)])
    expect(state.failure.value).toBe('请求无法处理。')
    expect(state.step.value).toBe('review')
  })
})

function progressReport(over: Partial<ProgressImportReport> = {}): ProgressImportReport {
  return {
    dryRun: true,
    sheet: '整改进展',
    period: { id: 'd1', period: '2026-03', title: '3月调度' },
    columns: [],
    missingFields: [],
    rows: [
      {
        row: 2,
        action: 'report',
        match: { by: 'title', similarity: 0.92, problem: { id: 'p1', code: 'HB-1' } },
      },
      { row: 3, action: 'report', match: { by: 'code', problem: { id: 'p2', code: 'HB-2' } } },
    ] as unknown as ProgressImportReport['rows'],
    errors: [],
    warnings: [],
    counts: {
      rows: 2,
      reports: 2,
      skipped: 0,
      duplicates: 0,
      unconfirmed: 1,
      proposals: 0,
      errors: 0,
    },
    imported: false,
    reportIds: [],
    ...over,
  }
}

const PROGRESS = 'POST /api/v1/dispatch-periods/d1/progress-import'

describe('the progress import dialog’s state', () => {
  const server = useFakeApi()

  it('sends every choice with the next dry run: the file’s unit, a row’s problem or skip, all title matches', async () => {
    server.on('POST /api/v1/files', { id: 'f2' }).on(PROGRESS, progressReport())
    const state = withSetup(() => useProgressImport(() => 'd1'))
    await state.upload(workbook())
    await state.setFileUnit('unit1')
    await state.choose(3, { skip: true })
    await state.choose(3, { skip: false })
    await state.confirmAllTitles()

    const bodies = server.to(PROGRESS).map((s) => s.body)
    expect(bodies[0]).toEqual({ fileId: 'f2', dryRun: true, unitId: null, mapping: {}, rows: {} })
    expect(bodies[1]).toMatchObject({ unitId: 'unit1', rows: {} })
    expect(bodies[2]).toMatchObject({ rows: { '3': { skip: true } } })
    expect(bodies[3]).toMatchObject({ rows: { '3': {} } })
    expect(bodies[4]).toEqual({
      fileId: 'f2',
      dryRun: true,
      unitId: 'unit1',
      mapping: {},
      rows: { '2': { problemId: 'p1' }, '3': {} },
    })
  })

  it('commits only a dry run with reports and without errors or missing columns', async () => {
    server
      .on('POST /api/v1/files', { id: 'f2' })
      .on(PROGRESS, progressReport({ missingFields: ['progress'] }))
    const state = withSetup(() => useProgressImport(() => 'd1'))
    await state.upload(workbook())
    expect(state.ready.value).toBe(false)
    expect(await state.commit()).toBeNull()

    server.on(
      PROGRESS,
      progressReport(),
      progressReport({ dryRun: false, imported: true, reportIds: ['r1', 'r2'] }),
    )
    await state.check()
    expect(state.ready.value).toBe(true)
    expect((await state.commit())?.reportIds).toEqual(['r1', 'r2'])
    expect(server.to(PROGRESS).at(-1)!.body).toMatchObject({ dryRun: false })
  })
})
