import { Type, type Static } from 'typebox'

export const HealthSchema = Type.Object({ status: Type.Literal('ok') }, { $id: 'Health' })
export type Health = Static<typeof HealthSchema>

export const ReadySchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    database: Type.Boolean(),
    migrations: Type.Object({ applied: Type.Integer(), expected: Type.Integer() }),
  },
  { $id: 'Ready' },
)
export type Ready = Static<typeof ReadySchema>
