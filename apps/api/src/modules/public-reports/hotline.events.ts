import type { DomainEvent } from '../events/index.js'
import type { PublicReportRow } from './public-reports.repository.js'

/**
 * The webhook events a hotline closes its ticket on, for reports it sent (`client_id` set;
 * none for the public form's): `public_report.answered` when the office's public reply is new
 * or changed, `public_report.linked` when the report comes to concern a problem (linked to one
 * or opened one). Each goes only to the sending client's subscriptions (and the admin's): the
 * event's `clientId`. The payload carries the ticket number and what the public may read by the
 * tracking code (the problem too, once published, through GET /public/reports/{code}) — never
 * the reporter's name or contact.
 */
export function hotlineEvents(before: PublicReportRow, after: PublicReportRow): DomainEvent[] {
  if (!after.clientId) return []
  const common = {
    entityType: 'public_report',
    entityId: after.id,
    clientId: after.clientId,
  }
  const ticket = {
    externalId: after.externalId!,
    trackingCode: after.trackingCode,
    status: after.status,
  }
  const list: DomainEvent[] = []
  if (after.reply !== null && after.reply !== before.reply)
    list.push({
      ...common,
      type: 'public_report.answered',
      data: { ...ticket, reply: after.reply, repliedAt: after.repliedAt?.toISOString() ?? null },
    })
  const linked = (s: string) => s === 'linked' || s === 'converted'
  if (linked(after.status) && (!linked(before.status) || before.problemId !== after.problemId))
    list.push({
      ...common,
      type: 'public_report.linked',
      data: ticket,
    })
  return list
}
