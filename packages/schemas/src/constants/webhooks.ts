/**
 * Event types a webhook can subscribe to. Mirrors EVENT_TYPES in the API's event outbox
 * (apps/api/src/modules/events/events.writer.ts); a test keeps the two lists equal.
 */
export const WEBHOOK_EVENT_TYPES = [
  'problem.status_changed',
  'problem.light_changed',
  'report.submitted',
  'report.reviewed',
  'notice.issued',
  'notice.replied',
  'notice.closed',
  'notice.escalated',
  'inspection.finding_recorded',
  'card.issued',
  'accountability.recorded',
  'dispatch.closed',
  'reminder.due',
  'petition.assigned',
  'petition.reported',
  'petition.closed',
  'sweep.launched',
  'sweep.reported',
  'institution.recorded',
  'public_report.answered',
  'public_report.linked',
] as const

/**
 * How a delivery is shaped: `json` (signed generic JSON), `wecom` (企业微信群机器人 markdown),
 * `dingtalk` (钉钉机器人 markdown, signed per DingTalk), `sms` (a generic SMS gateway's JSON).
 */
export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk', 'sms'] as const

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const
