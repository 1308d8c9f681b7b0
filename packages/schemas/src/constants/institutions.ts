export const INSTITUTION_KINDS = [
  'regulation',
  'mechanism',
  'document',
  'standard',
  'plan',
] as const
