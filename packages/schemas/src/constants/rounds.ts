export const ROUND_KINDS = ['central', 'provincial'] as const

/** Review levels an acceptance may pass through (county acceptance, city review). */
export const ACCEPTANCE_LEVELS = ['county', 'city'] as const

/** The five acceptance criteria Anhui uses (DOMAIN.md "Acceptance"); a round may edit them. */
export const DEFAULT_ACCEPTANCE_CRITERIA: readonly string[] = [
  '整改措施全部落实到位',
  '违法违规问题依法依规查处到位',
  '整改效果达到规定标准',
  '同一地点、同一园区类似问题举一反三整改到位',
  '问题根源追溯到位，长效机制建立健全',
]
