/** Kinds of messages the modules write (`reminder` from the scheduler, the rest from their modules). */
export const INBOX_KINDS = [
  'reminder',
  'notice',
  'acceptance',
  'report',
  'card',
  'inspection',
  'dispatch',
  'system',
] as const
