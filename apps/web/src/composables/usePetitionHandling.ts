/**
 * The handling unit's report (办理结果) being written: the draft (a returned or partly closed case
 * starts from the last report), its evidence, what is still missing, and the sending with
 * If-Match (a 412 keeps the input and offers the newer case). Shared by the inline form on a
 * computer and the full-screen sheet on a phone.
 */
import type { Petition } from '@rectify/schemas'
import { ElMessage } from 'element-plus'
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { evidenceIds, type EvidenceEntry } from '@/components/report/evidence'
import { handlingBody, handlingDraft, missingHandling, type HandlingDraft } from '@/lib/petitions'
import { usePetitionsStore } from '@/stores/petitions'
import { useVersionedSubmit } from './useVersionedSubmit'

export function usePetitionHandling(petition: () => Petition) {
  const { t } = useI18n()
  const store = usePetitionsStore()
  const draft = ref<HandlingDraft>(handlingDraft())
  const entries = ref<EvidenceEntry[]>([])
  const missing = ref<string[]>([])
  const sending = useVersionedSubmit(petition, () => store.refetch(petition().id))
  /** An upload still running holds the submit back. */
  const uploading = computed(() => entries.value.some((e) => e.status === 'uploading'))

  watch(
    () => petition().id,
    () => {
      draft.value = handlingDraft(petition().handling)
      entries.value = []
      missing.value = []
      sending.start()
    },
    { immediate: true },
  )

  /** What to say beside a required field the user left empty ('' when it is filled). */
  const err = (field: string) =>
    missing.value.includes(field) ? t(`petition.handling.required.${field}`) : ''

  /** Checks and sends; true when the report went through. */
  async function submit(): Promise<boolean> {
    missing.value = missingHandling(draft.value)
    if (missing.value.length) return false
    const body = handlingBody(draft.value, evidenceIds(entries.value))
    const { id } = petition()
    if (!(await sending.run((version) => store.report(id, version, body)))) return false
    entries.value = []
    ElMessage({ type: 'success', message: t('petition.handling.submitted') })
    return true
  }

  return { draft, entries, uploading, err, submit, sending }
}
