import type { Db } from '../../db/client.js'
import { shanghaiDate } from '../../lib/dates.js'
import type { JobDefinition } from '../../lib/jobs.js'
import type { LightSettings } from './lights.js'
import { refreshStaleLights } from './problems.derived.js'

/** How often the stored lights are checked against today's date, across all instances. */
export const LIGHTS_EVERY_MS = 30_000

/**
 * Keeps the stored lights current: the lights depend on "today" in Asia/Shanghai, so when the
 * date changes every problem's light is recomputed (in batches; an abort ends it between two).
 * A scheduled job (lib/jobs.ts): one instance at a time runs it, however many share the
 * database, and while the database is down the scheduler backs off instead of retrying each
 * period. When every light is already of today, a run is one query.
 */
export function lightsJob(
  db: Db,
  settings: LightSettings,
  today: () => string = shanghaiDate,
): JobDefinition {
  return {
    name: 'refresh-lights',
    everyMs: LIGHTS_EVERY_MS,
    run: async (signal) => {
      const date = today()
      const refreshed = await refreshStaleLights(db, date, settings, { signal })
      return refreshed ? `${refreshed} refreshed for ${date}` : null
    },
  }
}
