/** The report form's view of an evidence upload. */
import type { FileInfo } from '@rectify/schemas'

/** One file the user chose: its upload progress, then what the server recorded or why it refused. */
export interface EvidenceEntry {
  uid: number
  name: string
  size: number
  /** 0–100 while uploading. */
  progress: number
  status: 'uploading' | 'done' | 'failed'
  info?: FileInfo
  error?: string
  cancel?: () => void
}

/** The ids to attach to the report: files uploaded and not removed. */
export function evidenceIds(entries: readonly EvidenceEntry[]): string[] {
  return entries.flatMap((entry) => (entry.status === 'done' && entry.info ? [entry.info.id] : []))
}
