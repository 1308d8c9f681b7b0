/** Fields a progress-table column can map to. */
export const PROGRESS_IMPORT_FIELDS = [
  'seq',
  'code',
  'title',
  'progress',
  'completion',
  'percent',
  'deadline',
  'unit',
  'issues',
  'nextSteps',
  'note',
] as const

/** 是否完成 as understood: 已完成 · 基本完成 · 未完成 · 持续推进 (long-term or ongoing). */
export const PROGRESS_COMPLETIONS = ['done', 'mostly_done', 'not_done', 'ongoing'] as const
