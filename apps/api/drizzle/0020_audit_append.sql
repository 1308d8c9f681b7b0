-- The audit chain's append (modules/audit/README.md): one call at the very end of a transaction
-- takes the chain's advisory lock, reads the last entry, links and hashes the entries in order
-- and inserts them with their change-feed rows, so the lock is held for this statement and the
-- COMMIT only, never across the application's round trips. A PL/pgSQL function because each of
-- its statements reads a fresh snapshot after the lock is granted (one plain statement would read
-- the last entry from a snapshot taken before it waited for the lock).
--
-- entries: [{p0, p1, p2, p3, actorType, actorId, actorName, unitId, action, entityType, entityId,
--   before, after, requestId, ip, userAgent}], the canonical JSON the hash covers (see
--   audit.writer.ts chainHash) being p0 || at || p1 || prev_hash || p2 || seq || p3.
-- feed: [{entry, entityType, entityId, action, version, problemId, reach, prevReach}], `entry`
--   the 0-based index of the audit entry whose seq the change carries.
-- chained = false is the bench's "chaining off" measure only: no lock, no link, negative seqs
--   from rectify_audit_unchained that the chain (seq 1, 2, ...) never contains.
CREATE SEQUENCE IF NOT EXISTS rectify_audit_unchained;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rectify_audit_append(entries jsonb, feed jsonb, chained boolean DEFAULT true)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  prev text;
  at_ts timestamptz;
  at_txt text;
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
  e jsonb;
  s bigint;
  h text;
BEGIN
  IF chained THEN
    PERFORM pg_advisory_xact_lock(7263000001);
    SELECT a.seq, a.hash INTO last_seq, prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  END IF;
  last_seq := coalesce(last_seq, 0);
  prev := coalesce(prev, repeat('0', 64));
  at_ts := date_trunc('milliseconds', clock_timestamp());
  at_txt := to_char(at_ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR e IN SELECT x.value FROM jsonb_array_elements(entries) WITH ORDINALITY x(value, i) ORDER BY x.i
  LOOP
    IF chained THEN
      s := last_seq + 1;
      last_seq := s;
    ELSE
      s := -nextval('rectify_audit_unchained');
    END IF;
    h := encode(sha256(convert_to(prev || (e->>'p0') || at_txt || (e->>'p1') || prev || (e->>'p2')
      || s::text || (e->>'p3'), 'UTF8')), 'hex');
    seqs := seqs || s;
    prevs := prevs || prev;
    hashes := hashes || h;
    IF chained THEN
      prev := h;
    END IF;
  END LOOP;
  INSERT INTO audit_log (seq, at, actor_type, actor_id, actor_name, unit_id, action, entity_type,
    entity_id, before, after, request_id, ip, user_agent, prev_hash, hash)
  SELECT seqs[x.i], at_ts, x.value->>'actorType', x.value->>'actorId', x.value->>'actorName',
    (x.value->>'unitId')::uuid, x.value->>'action', x.value->>'entityType', x.value->>'entityId',
    nullif(x.value->'before', 'null'::jsonb), nullif(x.value->'after', 'null'::jsonb),
    x.value->>'requestId', x.value->>'ip', x.value->>'userAgent', prevs[x.i], hashes[x.i]
  FROM jsonb_array_elements(entries) WITH ORDINALITY x(value, i);
  INSERT INTO changes (entity_type, entity_id, action, version, problem_id, reach, prev_reach,
    audit_seq)
  SELECT f.value->>'entityType', (f.value->>'entityId')::uuid, f.value->>'action',
    (f.value->>'version')::integer, (f.value->>'problemId')::uuid,
    array(SELECT jsonb_array_elements_text(f.value->'reach'))::uuid[],
    array(SELECT jsonb_array_elements_text(f.value->'prevReach'))::uuid[],
    seqs[(f.value->>'entry')::integer + 1]
  FROM jsonb_array_elements(feed) WITH ORDINALITY f(value, i)
  ORDER BY f.i;
END
$$;
