export const DISPATCH_STATUSES = ['open', 'closed'] as const

/** The buckets of the summary reported upward, in the order the sentence reads them. */
export const SUMMARY_BUCKETS = [
  'completed',
  'onSchedule',
  'behind',
  'overdue',
  'notReported',
  'closedNotRectified',
] as const

export const SUGGESTION_KINDS = [
  'yellow_card',
  'red_card',
  'supervision_notice',
  'admonishing_talk',
] as const

export const SUGGESTION_STATUSES = ['pending', 'confirmed', 'dismissed'] as const

/** Why a suggestion was made: `light_red`, `yellow_two_periods`, `yellow_after_card`, `two_yellow_cards`, `red_card_issued`. */
export const SUGGESTION_RULES = [
  'light_red',
  'yellow_two_periods',
  'yellow_after_card',
  'two_yellow_cards',
  'red_card_issued',
] as const

export const CARD_COLORS = ['yellow', 'red'] as const

export const RANKING_METRICS = ['completion', 'on_schedule', 'points'] as const
