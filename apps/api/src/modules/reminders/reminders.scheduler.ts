import { Backoff } from '../../lib/backoff.js'
import type { RefresherLog } from '../../lib/jobs.js'
import type { PassResult, RemindersService } from './reminders.service.js'

/**
 * Runs reminder passes inside the API process: one at start, then every `everyMs`. A pass never
 * overlaps another of this instance (other instances are kept apart by the pass lock and the
 * unique key); a failure is logged and retried at the next tick, never thrown.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<PassResult | null> | null = null
  private readonly abort = new AbortController()
  private retry: NodeJS.Timeout | undefined
  /** After a failed pass (the database down), the next is tried sooner than a whole interval. */
  private readonly backoff = new Backoff(5000, 120_000)

  constructor(
    private readonly reminders: RemindersService,
    private readonly log: RefresherLog,
    private readonly everyMs: number,
  ) {}

  start(): void {
    if (this.everyMs <= 0) return
    void this.tick()
    this.timer = setInterval(() => void this.tick(), this.everyMs)
    this.timer.unref()
  }

  /** Runs a pass unless one is in progress (then resolves with that one). */
  tick(): Promise<PassResult | null> {
    if (this.running) return this.running
    if (this.abort.signal.aborted) return Promise.resolve(null)
    const started = Date.now()
    this.running = this.reminders
      .pass(undefined, this.abort.signal)
      .then((r) => {
        if (r.sent || r.skipped) this.log.info({ ...r, ms: Date.now() - started }, 'reminders pass')
        this.backoff.succeeded()
        return r
      })
      .catch((err: unknown) => {
        const retryInMs = Math.min(this.backoff.failed(), this.everyMs)
        this.log.error({ err, retryInMs }, 'the reminders pass failed; retrying')
        if (this.everyMs > 0 && !this.abort.signal.aborted) {
          clearTimeout(this.retry)
          this.retry = setTimeout(() => void this.tick(), retryInMs)
          this.retry.unref()
        }
        return null
      })
      .finally(() => {
        this.running = null
      })
    return this.running
  }

  /** Stops ticking and waits for a pass in progress to finish its current batch. */
  async stop(): Promise<void> {
    this.abort.abort()
    clearInterval(this.timer)
    clearTimeout(this.retry)
    await this.running
  }
}
