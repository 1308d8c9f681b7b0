/**
 * Exponential backoff for a background loop that failed (the database down, mostly): the first
 * retry after `baseMs`, each further one twice as late up to `maxMs`; a success resets it.
 */
export class Backoff {
  private failures = 0
  private until = 0

  constructor(
    private readonly baseMs = 1000,
    private readonly maxMs = 60_000,
  ) {}

  /** False while waiting out a failure. */
  ready(now = Date.now()): boolean {
    return now >= this.until
  }

  /** Records a failure; returns the milliseconds until the next attempt. */
  failed(now = Date.now()): number {
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures, 30))
    this.failures++
    this.until = now + delay
    return delay
  }

  succeeded(): void {
    this.failures = 0
    this.until = 0
  }
}
