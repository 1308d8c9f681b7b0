export const REVIEW_DECISIONS = ['pass', 'return'] as const

export const ACCEPTANCE_STATUSES = ['in_review', 'passed', 'returned'] as const

export const PUBLICITY_STATUSES = ['open', 'ended', 'overturned'] as const

export const REBOUND_STATUSES = ['scheduled', 'passed', 'failed', 'cancelled'] as const

export const REBOUND_SOURCES = ['office', 'inspection'] as const
