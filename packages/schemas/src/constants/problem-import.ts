/** Fields a task-table column can map to. */
export const PROBLEM_IMPORT_FIELDS = [
  'seq',
  'code',
  'title',
  'description',
  'units',
  'leadUnit',
  'coUnits',
  'collective',
  'leadLeader',
  'target',
  'deadline',
  'measures',
  'mode',
  'domain',
  'region',
  'nature',
  'source',
] as const

/** What the units a collective phrase means are, in the unit tree. */
export const COLLECTIVE_KINDS = ['counties', 'departments', 'townships', 'levels'] as const
