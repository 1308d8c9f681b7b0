export const USER_STATUSES = ['active', 'disabled'] as const
