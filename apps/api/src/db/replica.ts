import type { Ready } from '@rectify/schemas'
import type { Database } from './client.js'

/** How long /ready waits for the replica before calling it unreachable (probes are short). */
const PROBE_MS = 1000

/**
 * The read replica as /ready reports it: whether it answers within PROBE_MS, whether it is in
 * recovery (a standby), and how many bytes of WAL the primary has written that it has not
 * replayed (pg_wal_lsn_diff of the primary's current LSN and the standby's last replayed one).
 */
export async function replicaState(database: Database): Promise<NonNullable<Ready['replica']>> {
  const within = <T>(p: Promise<T>) =>
    Promise.race([
      p,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('replica probe timed out')), PROBE_MS).unref(),
      ),
    ])
  const [r] = await within(
    database.readQuery<{ standby: boolean; replayed: string | null }>(
      'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed',
    ),
  ).catch(() => [])
  if (!r) return { reachable: false, standby: null, behindBytes: null }
  if (!r.standby || !r.replayed) return { reachable: true, standby: r.standby, behindBytes: null }
  const [p] = await within(
    database.query<{ behind: string }>(
      'select pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint::text as behind',
      [r.replayed],
    ),
  ).catch(() => [])
  return {
    reachable: true,
    standby: true,
    behindBytes: p ? Math.max(0, Number(p.behind)) : null,
  }
}
