/**
 * The forms of accountability, mildest first: 约谈 · 通报批评 · 诫勉 · 组织处理 · 党纪处分 ·
 * 政务处分 · 移送司法 (the table's check constraint holds the same codes).
 */
export const ACCOUNTABILITY_FORMS = [
  'talk',
  'criticism',
  'admonition',
  'organisational',
  'party_discipline',
  'administrative_sanction',
  'judicial_transfer',
] as const

export const SUBJECT_KINDS = ['unit', 'person'] as const
