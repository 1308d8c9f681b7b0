export const PROBLEM_SOURCES = [
  'feedback',
  'petition',
  'self_check',
  'sweep',
  'inspection',
  'public_report',
] as const

export const PROBLEM_NATURES = ['individual', 'common'] as const

export const PROBLEM_DOMAINS = [
  'air',
  'water',
  'soil',
  'solid_waste',
  'ecology',
  'noise',
  'marine',
  'other',
] as const

export const PROBLEM_MODES = ['immediate', 'time_bound', 'long_term'] as const

export const PROBLEM_STATUSES = [
  'draft',
  'plan_review',
  'in_progress',
  'acceptance',
  'publicity',
  'closed',
] as const

export const LIGHTS = ['green', 'blue', 'yellow', 'red'] as const

/** The plan steps taken through `POST /problems/{id}/transitions`. */
export const PROBLEM_ACTIONS = ['submit', 'approve', 'return'] as const

/**
 * Every step of a problem's life, as the lifecycle table names them: the plan steps, then the
 * close-out steps, each taken through its own route (acceptances, reviews, publicity,
 * objection rulings, close-out, rebound reviews).
 */
export const LIFECYCLE_ACTIONS = [
  ...PROBLEM_ACTIONS,
  'apply',
  'review_pass',
  'review_return',
  'open_publicity',
  'uphold_objection',
  'close',
  'fail_rebound',
] as const

/** How a closed problem ended: 整改到位, or 未整改到位 closed by decision. */
export const OUTCOMES = ['rectified', 'not_rectified'] as const

export const PROBLEM_SORTS = [
  'deadline',
  '-deadline',
  'code',
  '-code',
  'updated',
  '-updated',
  'light',
  '-light',
] as const
