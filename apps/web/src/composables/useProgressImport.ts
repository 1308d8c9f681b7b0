/**
 * One import of a progress table into a dispatch period: upload with progress, the dry run
 * (again after every choice: a column mapping, the file's unit, a row's problem, unit or skip),
 * and the commit, which sends the confirmed choices. Failures are kept as words for the dialog.
 */
import type {
  ProgressImportField,
  ProgressImportReport,
  ProgressImportRowChoice,
} from '@rectify/schemas'
import { computed, ref } from 'vue'
import { uploadFile } from '@/api/files'
import type { NamedBlob } from '@/api/http'
import {
  downloadProgressImportErrors,
  importProgress,
  refusedProgressReport,
} from '@/api/progress-import'
import { useErrorMessage } from './useErrorMessage'

export type ProgressImportStep = 'choose' | 'uploading' | 'checking' | 'review' | 'committing'

export function useProgressImport(periodId: () => string) {
  const { messageOf } = useErrorMessage()
  const step = ref<ProgressImportStep>('choose')
  const progress = ref(0)
  const fileName = ref('')
  const fileId = ref<string | null>(null)
  const report = ref<ProgressImportReport | null>(null)
  const mapping = ref<Record<string, ProgressImportField | null>>({})
  const unitId = ref<string | null>(null)
  const choices = ref<Record<string, ProgressImportRowChoice>>({})
  const failure = ref<string | null>(null)
  /** Only a dry run without errors or unknown required columns may be committed. */
  const ready = computed(
    () =>
      step.value === 'review' &&
      !!report.value &&
      !report.value.errors.length &&
      !report.value.missingFields.length &&
      report.value.counts.reports > 0,
  )

  function reset(): void {
    step.value = 'choose'
    progress.value = 0
    fileName.value = ''
    fileId.value = null
    report.value = null
    mapping.value = {}
    choices.value = {}
    failure.value = null
  }

  const body = (dryRun: boolean) => ({
    fileId: fileId.value!,
    dryRun,
    unitId: unitId.value,
    mapping: mapping.value,
    rows: choices.value,
  })

  /** Uploads the workbook, then runs the dry run on it. */
  async function upload(file: File): Promise<void> {
    reset()
    fileName.value = file.name
    step.value = 'uploading'
    try {
      const info = await uploadFile(file, file.name, {
        onProgress: (loaded, total) => (progress.value = Math.round((loaded / total) * 100)),
      })
      fileId.value = info.id
      await check()
    } catch (error) {
      failure.value = messageOf(error)
      step.value = 'choose'
    }
  }

  /** The dry run with the current choices: nothing is written. */
  async function check(): Promise<void> {
    if (!fileId.value) return
    step.value = 'checking'
    failure.value = null
    try {
      report.value = await importProgress(periodId(), body(true))
    } catch (error) {
      failure.value = messageOf(error)
    }
    step.value = report.value ? 'review' : 'choose'
  }

  async function mapColumn(header: string, field: ProgressImportField | null): Promise<void> {
    mapping.value = { ...mapping.value, [header]: field }
    await check()
  }

  async function setFileUnit(id: string | null | undefined): Promise<void> {
    unitId.value = id ?? null
    await check()
  }

  /** Changes one row's choice (problem, unit, skip) and checks again. */
  async function choose(row: number, change: ProgressImportRowChoice): Promise<void> {
    const next = { ...(choices.value[String(row)] ?? {}), ...change }
    if (next.skip === false) delete next.skip
    choices.value = { ...choices.value, [String(row)]: next }
    await check()
  }

  /** Confirms every title match as suggested (each still shown with its similarity). */
  async function confirmAllTitles(): Promise<void> {
    const next = { ...choices.value }
    for (const r of report.value?.rows ?? [])
      if (r.match.by === 'title' && r.match.problem && r.action !== 'skip')
        next[String(r.row)] = { ...(next[String(r.row)] ?? {}), problemId: r.match.problem.id }
    choices.value = next
    await check()
  }

  /** The upload with the dry run's errors marked in its cells (fill and 批注), as .xlsx. */
  async function errorsFile(): Promise<NamedBlob | null> {
    if (!fileId.value) return null
    return downloadProgressImportErrors(periodId(), body(true))
  }

  /** Writes every report in one transaction; the report when imported, null when refused. */
  async function commit(): Promise<ProgressImportReport | null> {
    if (!fileId.value || !ready.value) return null
    step.value = 'committing'
    failure.value = null
    try {
      const done = await importProgress(periodId(), body(false))
      step.value = 'review'
      return done
    } catch (error) {
      report.value = refusedProgressReport(error) ?? report.value
      failure.value = messageOf(error)
      step.value = 'review'
      return null
    }
  }

  return {
    step,
    progress,
    fileName,
    report,
    unitId,
    choices,
    failure,
    ready,
    reset,
    upload,
    check,
    mapColumn,
    setFileUnit,
    choose,
    confirmAllTitles,
    errorsFile,
    commit,
  }
}
