export const MEASURE_STATUSES = ['pending', 'in_progress', 'done'] as const
