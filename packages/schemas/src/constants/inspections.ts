export const INSPECTION_KINDS = ['routine', 'unannounced'] as const

export const INSPECTION_STATUSES = ['planned', 'done', 'cancelled'] as const
