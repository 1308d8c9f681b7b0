export const SWEEP_STATUSES = ['open', 'closed'] as const

/** One target unit's answer: `pending` until it reports `found` (with findings) or `none`. */
export const SWEEP_UNIT_STATUSES = ['pending', 'found', 'none'] as const
