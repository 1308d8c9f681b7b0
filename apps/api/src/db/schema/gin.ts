/**
 * Storage parameters of every GIN index (search tokens, trigrams, unit arrays).
 *
 * A GIN index with `fastupdate` (PostgreSQL's default) adds new entries to a pending list. The
 * list is merged into the index by VACUUM, or by the write that makes it bigger than
 * `gin_pending_list_limit` (4 MB by default). Until the merge, every scan of the index reads the
 * whole list.
 *
 * The ledger rewrites problem rows often: the lights every day, and progress on each accepted
 * report. None of these updates is HOT, so each one adds all ~69 of the row's search tokens to
 * the list again. Measured on the province copy (50,000 problems), a 441-page pending list made
 * the search's capped count 27 ms instead of 5 ms.
 *
 * With a 128 kB limit, the list holds at most 16 pages, and writes still go into it in batches.
 * Non-HOT updates of a problem ran at 1,800 a second, against 1,300 with `fastupdate = off`
 * (every token written into the index at once) and 1,600–1,700 with the 4 MB default.
 */
export const GIN_PENDING_LIST = { gin_pending_list_limit: 128 } as const
