/** Who handed the batch over: the central inspection team or a provincial one. */
export const PETITION_BATCH_SOURCES = ['central', 'provincial'] as const

/**
 * A case's life: `received` (handed over, not yet assigned) → `handling` 办理中 (assigned) →
 * `submitted` (the unit reported, awaiting the office) → `partly_closed` 阶段办结 | `closed`
 * 已办结; the office may return a submission to `handling`, and a partly closed case is
 * reported again until closed.
 */
export const PETITION_STATUSES = [
  'received',
  'handling',
  'submitted',
  'partly_closed',
  'closed',
] as const

/** 属实 · 基本属实 · 部分属实 · 不属实. */
export const PETITION_FINDINGS = ['true', 'mostly_true', 'partly_true', 'untrue'] as const

/** The complainant's satisfaction on call-back (回访): 满意 · 基本满意 · 不满意 · 未联系上. */
export const PETITION_SATISFACTIONS = [
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'unreachable',
] as const

/** Fields a re-import compares, as the differences name them. */
export const PETITION_DIFFERENCE_FIELDS = [
  'region',
  'reportedParty',
  'address',
  'domains',
  'complaint',
  'keyCase',
  'finding',
  'investigation',
  'measures',
  'accountability',
  'ordersToRectify',
  'casesFiled',
  'finesWan',
  'detained',
  'talkedTo',
  'heldAccountable',
  'closure',
] as const

/** Fields a sheet column can map to. */
export const PETITION_IMPORT_FIELDS = [
  'seq',
  'receiptNo',
  'region',
  'reportedParty',
  'address',
  'domain',
  'complaint',
  'keyCase',
  'complainantName',
  'complainantContact',
  'finding',
  'measures',
  'accountability',
  'ordersToRectify',
  'casesFiled',
  'finesWan',
  'detained',
  'talkedTo',
  'heldAccountable',
  'investigation',
  'closure',
  'handlingUnit',
] as const
