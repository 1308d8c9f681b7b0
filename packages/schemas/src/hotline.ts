import { Type, type Static } from 'typebox'
import { IdSchema, NonBlank, TimestampSchema } from './common.js'
import { PublicPhotosSchema, ReporterTypeSchema } from './public.js'

/**
 * A public report sent by a hotline system (12345) with the `reports:intake` scope: no
 * proof-of-work challenge, a per-client rate limit, and the hotline's own ticket number. Field
 * names follow Open311 GeoReport v2 where one fits (docs/integration.md has the mapping).
 */
export const HotlineReportBodySchema = Type.Object(
  {
    /** The hotline's ticket number: unique per client; a retry with it returns the first result. */
    externalId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7E]+$' }),
    /** Open311 `description`. */
    description: NonBlank(5000, 5),
    /** Open311 `address_string`. */
    addressString: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Open311 `lat` / `long` (WGS 84); both or neither. */
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    long: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    /** Who called (default `citizen`). */
    reporterType: Type.Optional(ReporterTypeSchema),
    /** Open311 `first_name` + `last_name`: the office only, never shown elsewhere. */
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    /** Open311 `phone` / `email`: the office only, never shown elsewhere. */
    contact: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** A published problem the call is about. */
    problemId: Type.Optional(IdSchema),
    /** An objection to that problem's close-out notice (the problem must be in publicity). */
    objection: Type.Optional(Type.Boolean()),
    /** Photos uploaded through POST /public/files (Open311 `media_url` is not fetched). */
    photos: Type.Optional(PublicPhotosSchema),
  },
  { $id: 'HotlineReportBody', additionalProperties: false },
)
export type HotlineReportBody = Static<typeof HotlineReportBodySchema>

/** What the hotline keeps: the tracking code the public can follow, by its own ticket number. */
export const HotlineReceiptSchema = Type.Object(
  {
    externalId: Type.String(),
    trackingCode: Type.String(),
    createdAt: TimestampSchema,
  },
  { $id: 'HotlineReceipt' },
)
export type HotlineReceipt = Static<typeof HotlineReceiptSchema>
