export const UNIT_KINDS = ['city', 'department', 'county', 'township', 'other'] as const
