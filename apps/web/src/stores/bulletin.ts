/**
 * The dispatch bulletin (调度通报) of the open dispatch period: its requirements text and summary
 * sentence, saving the text with If-Match, and downloading the .docx.
 */
import type { Bulletin } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as api from '@/api/exports'
import { saveBlob } from '@/lib/save-file'

export const useBulletinStore = defineStore('bulletin', () => {
  const bulletin = shallowRef<Bulletin | null>(null)

  /** Reads the bulletin of `periodId` (also what a 412 reload fetches). */
  async function load(periodId: string): Promise<Bulletin> {
    bulletin.value = await api.getBulletin(periodId)
    return bulletin.value
  }

  /** Saves the requirements against `version`; a stale version rejects with 412. */
  async function save(periodId: string, version: number, requirements: string): Promise<Bulletin> {
    bulletin.value = await api.updateBulletin(periodId, version, { requirements })
    return bulletin.value
  }

  /** Saves the .docx under the name the server gave it. */
  async function download(periodId: string, period: string): Promise<void> {
    const { blob, filename } = await api.downloadBulletin(periodId)
    saveBlob(blob, filename ?? `调度通报-${period}.docx`)
  }

  return { bulletin, load, save, download }
})
