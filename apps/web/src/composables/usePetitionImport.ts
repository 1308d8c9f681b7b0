/**
 * One import of a batch's .xlsx: upload with progress, the dry run (again after each column
 * mapping), the repeat links ticked, and the commit. Failures are kept as words for the dialog.
 */
import type {
  PetitionImportChoice,
  PetitionImportField,
  PetitionImportReport,
} from '@rectify/schemas'
import { computed, ref } from 'vue'
import { downloadImportErrors, importPetitions, refusedReport } from '@/api/petition-import'
import type { NamedBlob } from '@/api/http'
import { uploadFile } from '@/api/files'
import {
  canCommit,
  chosenChoices,
  chosenRepeats,
  pendingChoices,
} from '@/components/petition/petition-import'
import { useErrorMessage } from './useErrorMessage'

export type ImportStep = 'choose' | 'uploading' | 'checking' | 'review' | 'committing'

export function usePetitionImport(batchId: () => string) {
  const { messageOf } = useErrorMessage()
  const step = ref<ImportStep>('choose')
  const progress = ref(0)
  const fileName = ref('')
  const fileId = ref<string | null>(null)
  const report = ref<PetitionImportReport | null>(null)
  const mapping = ref<Record<string, PetitionImportField | null>>({})
  const repeats = ref<Record<string, string>>({})
  const choices = ref<Record<string, PetitionImportChoice>>({})
  const failure = ref<string | null>(null)
  const ready = computed(() => step.value === 'review' && canCommit(report.value, choices.value))
  /** Rows still waiting for keep or take. */
  const pending = computed(() => pendingChoices(report.value, choices.value))

  function reset(): void {
    step.value = 'choose'
    progress.value = 0
    fileName.value = ''
    fileId.value = null
    report.value = null
    mapping.value = {}
    repeats.value = {}
    choices.value = {}
    failure.value = null
  }

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

  /** The dry run with the current mapping: nothing is written. */
  async function check(): Promise<void> {
    if (!fileId.value) return
    step.value = 'checking'
    failure.value = null
    try {
      report.value = await importPetitions(batchId(), {
        fileId: fileId.value,
        dryRun: true,
        mapping: mapping.value,
      })
    } catch (error) {
      failure.value = messageOf(error)
    }
    step.value = report.value ? 'review' : 'choose'
  }

  /** The upload with the dry run's errors marked in its cells (fill and 批注), as .xlsx. */
  async function errorsFile(): Promise<NamedBlob | null> {
    if (!fileId.value) return null
    return downloadImportErrors(batchId(), {
      fileId: fileId.value,
      dryRun: true,
      mapping: mapping.value,
    })
  }

  /** Maps one sheet column to a field (or null: ignore it) and checks again. */
  async function mapColumn(header: string, field: PetitionImportField | null): Promise<void> {
    mapping.value = { ...mapping.value, [header]: field }
    await check()
  }

  /** Ticks or unticks "this row repeats that earlier case". */
  function linkRepeat(row: number, caseId: string, on: boolean): void {
    const next = { ...repeats.value }
    if (on) next[String(row)] = caseId
    else if (next[String(row)] === caseId) delete next[String(row)]
    repeats.value = next
  }

  /** Keep the case as it is, or take the sheet's text (rows that need the choice). */
  function choose(row: number, choice: PetitionImportChoice): void {
    choices.value = { ...choices.value, [String(row)]: choice }
  }

  /** The same choice for every row that needs one. */
  function chooseAll(choice: PetitionImportChoice): void {
    const next = { ...choices.value }
    for (const r of report.value?.rows ?? []) if (r.needsChoice) next[String(r.row)] = choice
    choices.value = next
  }

  /** Writes every row in one transaction; the report when imported, null when refused. */
  async function commit(): Promise<PetitionImportReport | null> {
    if (!fileId.value || !ready.value) return null
    step.value = 'committing'
    failure.value = null
    try {
      const done = await importPetitions(batchId(), {
        fileId: fileId.value,
        dryRun: false,
        mapping: mapping.value,
        repeats: chosenRepeats(report.value, repeats.value),
        choices: chosenChoices(report.value, choices.value),
      })
      step.value = 'review'
      return done
    } catch (error) {
      // A refused commit answers the same report: show its errors in place.
      report.value = refusedReport(error) ?? report.value
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
    mapping,
    repeats,
    choices,
    pending,
    failure,
    ready,
    reset,
    upload,
    check,
    mapColumn,
    errorsFile,
    linkRepeat,
    choose,
    chooseAll,
    commit,
  }
}
