/** Levels in escalation order: 提醒函 → 督办函 → 警示函 → 挂牌督办. */
export const NOTICE_LEVELS = ['reminder', 'supervision', 'warning', 'listed'] as const

/** `escalated`: superseded by a notice at the next level (its `child`). */
export const NOTICE_STATUSES = ['issued', 'replied', 'closed', 'escalated'] as const
