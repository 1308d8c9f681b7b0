import type { Db } from '../../db/client.js'
import { shanghaiDate } from '../../lib/dates.js'
import type { LightSettings } from './lights.js'
import { refreshStaleLights } from './problems.derived.js'

/** The little a refresher needs of a logger (Fastify's and pino's both fit). */
export interface RefresherLog {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/**
 * Keeps the stored lights current: the lights depend on "today" in Asia/Shanghai, so when the
 * date changes every problem's light is recomputed. Checks at start and then every minute; a run
 * never overlaps another; a failure is logged and retried at the next check, never thrown.
 */
export class LightsRefresher {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | null = null
  private lastDate: string | null = null
  private readonly abort = new AbortController()

  constructor(
    private readonly db: Db,
    private readonly settings: LightSettings,
    private readonly log: RefresherLog,
    private readonly opts: { everyMs?: number; today?: () => string } = {},
  ) {}

  start(): void {
    void this.tick()
    this.timer = setInterval(() => void this.tick(), this.opts.everyMs ?? 60_000)
    this.timer.unref()
  }

  /** Refreshes unless a run is in progress or today's run is done; resolves when that run ends. */
  tick(): Promise<void> {
    if (this.running) return this.running
    const date = (this.opts.today ?? shanghaiDate)()
    if (date === this.lastDate || this.abort.signal.aborted) return Promise.resolve()
    const started = Date.now()
    this.running = refreshStaleLights(this.db, date, this.settings, { signal: this.abort.signal })
      .then((refreshed) => {
        if (this.abort.signal.aborted) return
        this.lastDate = date
        if (refreshed)
          this.log.info({ date, refreshed, ms: Date.now() - started }, 'lights refreshed')
      })
      .catch((err: unknown) => {
        this.log.error({ err, date }, 'refreshing the lights failed; retrying at the next check')
      })
      .finally(() => {
        this.running = null
      })
    return this.running
  }

  /** Stops checking and waits for a run in progress to finish its current batch. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.abort.abort()
    await this.running
  }
}
