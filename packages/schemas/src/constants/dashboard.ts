export const DASHBOARD_DIMENSIONS = ['unit', 'region', 'domain'] as const
