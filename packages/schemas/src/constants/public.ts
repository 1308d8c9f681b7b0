export const REPORTER_TYPES = [
  'citizen',
  'npc_deputy',
  'cppcc_member',
  'journalist',
  'other',
] as const

export const PUBLIC_REPORT_STATUSES = [
  'new',
  'replied',
  'linked',
  'converted',
  'objection',
] as const

export const OBJECTION_RULINGS = ['pending', 'upheld', 'rejected'] as const
