-- Issue 18: the audit chain's hash follows CRYPTO_SUITE for new entries — SHA-256 (intl) or
-- SM3 (sm, GB/T 32905) — and each entry records which (hash_alg; verify picks the function per
-- entry, so a chain that changed suite verifies across the change). PostgreSQL has no built-in
-- SM3: pgcrypto's digest(..., 'sm3') uses the server's OpenSSL (checked at start when
-- CRYPTO_SUITE=sm; a server whose OpenSSL lacks SM3 or that has no pgcrypto refuses sm with a
-- clear message instead of failing here). The SHA-256 path is the same built-in sha256() as in
-- 0020. rectify_audit_append gains the hash argument; the 3-argument version is dropped so
-- that a call cannot be ambiguous.
ALTER TABLE "audit_log" ADD COLUMN "hash_alg" text DEFAULT 'sha256' NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "complainant_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_hash_alg_check" CHECK ("audit_log"."hash_alg" in ('sha256','sm3'));--> statement-breakpoint
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pgcrypto;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pgcrypto is not available (%): the audit chain can use SHA-256 only', SQLERRM;
END
$$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS rectify_audit_append(jsonb, jsonb, boolean);
--> statement-breakpoint
CREATE FUNCTION rectify_audit_append(entries jsonb, feed jsonb, chained boolean DEFAULT true,
  alg text DEFAULT 'sha256')
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
  IF alg NOT IN ('sha256', 'sm3') THEN
    RAISE EXCEPTION 'rectify_audit_append: unknown hash %', alg;
  END IF;
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
    IF alg = 'sha256' THEN
      h := encode(sha256(convert_to(prev || (e->>'p0') || at_txt || (e->>'p1') || prev || (e->>'p2')
        || s::text || (e->>'p3'), 'UTF8')), 'hex');
    ELSE
      h := encode(digest(convert_to(prev || (e->>'p0') || at_txt || (e->>'p1') || prev || (e->>'p2')
        || s::text || (e->>'p3'), 'UTF8'), 'sm3'), 'hex');
    END IF;
    seqs := seqs || s;
    prevs := prevs || prev;
    hashes := hashes || h;
    IF chained THEN
      prev := h;
    END IF;
  END LOOP;
  INSERT INTO audit_log (seq, at, actor_type, actor_id, actor_name, unit_id, action, entity_type,
    entity_id, before, after, request_id, ip, user_agent, prev_hash, hash, hash_alg)
  SELECT seqs[x.i], at_ts, x.value->>'actorType', x.value->>'actorId', x.value->>'actorName',
    (x.value->>'unitId')::uuid, x.value->>'action', x.value->>'entityType', x.value->>'entityId',
    nullif(x.value->'before', 'null'::jsonb), nullif(x.value->'after', 'null'::jsonb),
    x.value->>'requestId', x.value->>'ip', x.value->>'userAgent', prevs[x.i], hashes[x.i], alg
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
