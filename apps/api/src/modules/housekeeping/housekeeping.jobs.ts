import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import { ANONYMOUS, type Ctx } from '../../lib/context.js'
import type { JobDefinition } from '../../lib/jobs.js'
import { purgeChanges } from '../changes/index.js'
import { housekeepingRepository as repo } from './housekeeping.repository.js'
import type { FilesService } from '../files/index.js'
import { eraseExpiredComplainants } from '../petitions/index.js'

/** Hours an ended session (and its refresh tokens) is kept, e.g. to explain a reuse alarm. */
const SESSION_GRACE_HOURS = 24

/** The actor the purges' audit entries name. */
const JOB_CTX: Ctx = {
  actor: { ...ANONYMOUS, type: 'cli', name: 'job:housekeeping', cityWide: true },
  meta: { requestId: null, ip: null, userAgent: 'rectify-jobs' },
}

/**
 * The housekeeping jobs, each run once per HOUSEKEEPING_INTERVAL_MINUTES across all instances:
 * remembered Idempotency-Key responses older than IDEMPOTENCY_TTL_HOURS, uploads never attached
 * within UNATTACHED_FILE_TTL_HOURS (rows with an audit entry, then the bytes), change-feed rows
 * older than CHANGES_RETENTION_DAYS, sessions that ended more than a day ago, and rate-limit
 * counters whose window ended; with COMPLAINANT_RETENTION_DAYS, the complainant identities of
 * cases closed longer ago than that (petitions.retention.ts).
 */
export function housekeepingJobs(deps: { db: Db; files: FilesService; config: Config }) {
  const { db, files, config } = deps
  const everyMs = config.HOUSEKEEPING_INTERVAL_MINUTES * 60_000
  const jobs: JobDefinition[] = [
    {
      name: 'purge-idempotency-keys',
      everyMs,
      run: async () =>
        `${await repo.purgeIdempotencyKeys(db, config.IDEMPOTENCY_TTL_HOURS)} deleted`,
    },
    {
      name: 'purge-unattached-files',
      everyMs,
      run: async () =>
        `${await files.purgeUnattached(JOB_CTX, config.UNATTACHED_FILE_TTL_HOURS)} deleted`,
    },
    {
      name: 'purge-changes',
      everyMs,
      run: async () => `${await purgeChanges(db, config.CHANGES_RETENTION_DAYS)} deleted`,
    },
    {
      name: 'purge-ended-sessions',
      everyMs,
      run: async () =>
        `${await repo.purgeEndedSessions(db, config.SESSION_IDLE_MINUTES, SESSION_GRACE_HOURS)} deleted`,
    },
    {
      name: 'purge-rate-limits',
      everyMs,
      run: async () => `${await repo.purgeRateLimits(db)} deleted`,
    },
  ]
  const retention = config.COMPLAINANT_RETENTION_DAYS
  if (retention)
    jobs.push({
      name: 'erase-complainants',
      everyMs,
      run: async (signal) => {
        const n = await eraseExpiredComplainants(db, JOB_CTX, retention, signal)
        return n ? `${n} complainant(s) erased` : null
      },
    })
  return jobs
}
