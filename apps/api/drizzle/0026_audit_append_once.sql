-- Issue 12 (import speed): each audit entry reaches rectify_audit_append once. Until now an entry
-- came as an object holding its canonical JSON cut at the chain's slots (p0–p3, the text the hash
-- covers) and, beside it, every field again — before and after included — so a 5,000-case import
-- sent and parsed each payload twice (7.8 MB) and the function read each piece out of a large
-- jsonb object. Now `entries` is an array of [p0, p1, p2, p3]: the hash covers exactly the same
-- text as before (prev_hash || p0 || at || p1 || prev_hash || p2 || seq || p3, so existing chains
-- verify unchanged), and the row's columns are read from that canonical JSON itself, parsed with
-- empty slots before the chain's lock is taken. Under the lock: the tail, the hashes, the inserts.
-- Same name and argument types, so the call site changes with its payload and nothing else.
CREATE OR REPLACE FUNCTION rectify_audit_append(entries jsonb, feed jsonb, chained boolean DEFAULT true,
  alg text DEFAULT 'sha256')
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fields jsonb[];
  last_seq bigint;
  prev text;
  at_ts timestamptz;
  at_txt text;
  seqs bigint[];
  prevs text[];
  hashes text[];
  r record;
  k integer := 0;
  s bigint;
  h text;
BEGIN
  IF alg NOT IN ('sha256', 'sm3') THEN
    RAISE EXCEPTION 'rectify_audit_append: unknown hash %', alg;
  END IF;
  IF EXISTS (SELECT FROM jsonb_array_elements(entries) x(v)
    WHERE jsonb_typeof(x.v) <> 'array' OR jsonb_array_length(x.v) <> 4) THEN
    RAISE EXCEPTION 'rectify_audit_append: an entry is [p0, p1, p2, p3] (migration 0026)';
  END IF;
  -- The entries' fields, from their canonical JSON with empty slots: parsed before the lock.
  fields := array(SELECT (x.v->>0 || (x.v->>1) || (x.v->>2) || (x.v->>3))::jsonb
    FROM jsonb_array_elements(entries) WITH ORDINALITY x(v, i) ORDER BY x.i);
  IF chained THEN
    PERFORM pg_advisory_xact_lock(7263000001);
    SELECT a.seq, a.hash INTO last_seq, prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  END IF;
  last_seq := coalesce(last_seq, 0);
  prev := coalesce(prev, repeat('0', 64));
  at_ts := date_trunc('milliseconds', clock_timestamp());
  at_txt := to_char(at_ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR r IN SELECT x.v->>0 p0, x.v->>1 p1, x.v->>2 p2, x.v->>3 p3
    FROM jsonb_array_elements(entries) WITH ORDINALITY x(v, i) ORDER BY x.i
  LOOP
    IF chained THEN
      s := last_seq + 1;
      last_seq := s;
    ELSE
      s := -nextval('rectify_audit_unchained');
    END IF;
    IF alg = 'sha256' THEN
      h := encode(sha256(convert_to(prev || r.p0 || at_txt || r.p1 || prev || r.p2 || s::text
        || r.p3, 'UTF8')), 'hex');
    ELSE
      h := encode(digest(convert_to(prev || r.p0 || at_txt || r.p1 || prev || r.p2 || s::text
        || r.p3, 'UTF8'), 'sm3'), 'hex');
    END IF;
    k := k + 1;
    seqs[k] := s;
    prevs[k] := prev;
    hashes[k] := h;
    IF chained THEN
      prev := h;
    END IF;
  END LOOP;
  INSERT INTO audit_log (seq, at, actor_type, actor_id, actor_name, unit_id, action, entity_type,
    entity_id, before, after, request_id, ip, user_agent, prev_hash, hash, hash_alg)
  SELECT x.s, at_ts, x.f->>'actorType', x.f->>'actorId', x.f->>'actorName',
    (x.f->>'unitId')::uuid, x.f->>'action', x.f->>'entityType', x.f->>'entityId',
    nullif(x.f->'before', 'null'::jsonb), nullif(x.f->'after', 'null'::jsonb),
    x.f->>'requestId', x.f->>'ip', x.f->>'userAgent', x.p, x.h, alg
  FROM unnest(fields, seqs, prevs, hashes) x(f, s, p, h);
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
