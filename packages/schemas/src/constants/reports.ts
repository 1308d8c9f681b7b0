export const REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const

export const EXTENSION_STATUSES = ['requested', 'granted', 'denied'] as const
