import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import type { HotlineReceipt, HotlineReportBody } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { receiveReport } from './intake.service.js'
import type { PublicKeys } from './public-reports.keys.js'
import { publicReportsRepository as repo } from './public-reports.repository.js'

/**
 * Public reports sent by a hotline system (12345) with the `reports:intake` scope: the form's
 * rules (`receiveReport`: a named problem must be published, photos carry their tokens, the
 * reporter's name and contact are the office's only) without the proof-of-work challenge — the
 * client's credentials and its per-client rate limit (routes) stand in for it. The hotline's
 * ticket number is unique per client (public_reports_client_ticket_key): a retry finds the
 * first report and answers its receipt again, never a second report.
 */
export class HotlineIntakeService {
  constructor(
    private readonly db: Db,
    private readonly keys: PublicKeys,
    private readonly cipher: FieldCipher,
  ) {}

  /** The receipt, and whether this call created the report (false: a retry of the ticket). */
  async submit(
    ctx: Ctx,
    body: HotlineReportBody,
  ): Promise<{ created: boolean; receipt: HotlineReceipt }> {
    const clientId = ctx.actor.type === 'client' ? ctx.actor.id : null
    if (!clientId) throw new AppError('forbidden', 'Hotline reports are sent by API clients')
    if ((body.lat === undefined) !== (body.long === undefined))
      throw new AppError('unprocessable', 'Give both lat and long, or neither', {
        errors: [
          { path: body.lat === undefined ? '/lat' : '/long', message: 'goes with the other' },
        ],
      })
    const again = () => repo.findByTicket(this.db, clientId, body.externalId)
    const first = await again()
    if (first) return { created: false, receipt: receipt(first) }
    try {
      const r = await this.db.transaction((tx) =>
        receiveReport(
          tx,
          ctx,
          this.keys,
          this.cipher,
          {
            reporterType: body.reporterType ?? 'citizen',
            content: body.description,
            ...(body.name === undefined ? {} : { name: body.name }),
            ...(body.contact === undefined ? {} : { contact: body.contact }),
            ...(body.problemId === undefined ? {} : { problemId: body.problemId }),
            ...(body.objection === undefined ? {} : { objection: body.objection }),
            ...(body.photos === undefined ? {} : { photos: body.photos }),
          },
          // Stands in for the challenge's salt (unique per report) and is unique per ticket.
          `hotline:${clientId}:${body.externalId}`,
          {
            hotline: {
              clientId,
              externalId: body.externalId,
              address: body.addressString?.trim() || null,
              latitude: body.lat ?? null,
              longitude: body.long ?? null,
            },
          },
        ),
      )
      return {
        created: true,
        receipt: {
          externalId: body.externalId,
          trackingCode: r.trackingCode,
          createdAt: r.createdAt,
        },
      }
    } catch (err) {
      // The same ticket sent twice at once: the one that lost the unique key answers the first.
      const raced = await again()
      if (raced) return { created: false, receipt: receipt(raced) }
      throw err
    }
  }
}

const receipt = (r: { externalId: string | null; trackingCode: string; createdAt: Date }) => ({
  externalId: r.externalId!,
  trackingCode: r.trackingCode,
  createdAt: r.createdAt.toISOString(),
})
