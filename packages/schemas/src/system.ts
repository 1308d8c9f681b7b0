import { Type, type Static } from 'typebox'

export const HealthSchema = Type.Object({ status: Type.Literal('ok') }, { $id: 'Health' })
export type Health = Static<typeof HealthSchema>

export const ReadySchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    database: Type.Boolean(),
    migrations: Type.Object({ applied: Type.Integer(), expected: Type.Integer() }),
    /**
     * Only with a read replica (DATABASE_READ_URL): whether it answers, whether it is a standby
     * (false: the URL names a primary — misconfigured, or promoted) and the bytes of WAL it has
     * yet to replay. It does not decide `status`: without the replica only the routes that read
     * it answer 503, so every instance stays in service.
     */
    replica: Type.Optional(
      Type.Object({
        reachable: Type.Boolean(),
        standby: Type.Union([Type.Boolean(), Type.Null()]),
        behindBytes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
      }),
    ),
  },
  { $id: 'Ready' },
)
export type Ready = Static<typeof ReadySchema>
