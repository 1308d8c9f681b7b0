-- Two scheduled jobs came without their pg-boss queue, so on PostgreSQL they never ran (each start
-- logged "no queue for this job"): the complainants' erasure after the retention period (issue 18,
-- housekeeping) and the redaction of phones from acceptance snapshots frozen before the phones
-- were sealed (issue 18, acceptance). Their queues, as migration 0022 made the others': stately,
-- 5 retries 10 s apart, doubling. conventions.test now fails when a job has no queue.
SELECT pgboss.create_queue('erase-complainants', '{"policy":"stately","retryLimit":5,"retryDelay":10,"retryBackoff":true,"expireInSeconds":900}');
--> statement-breakpoint
SELECT pgboss.create_queue('redact-snapshot-phones', '{"policy":"stately","retryLimit":5,"retryDelay":10,"retryBackoff":true,"expireInSeconds":900}');
