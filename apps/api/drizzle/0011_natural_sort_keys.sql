-- The natural-order key of codes (lib/natural-sort.ts: NATURAL_KEY_SQL, the same text).
CREATE OR REPLACE FUNCTION rectify_natural_key(src text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  s text := '';
  k text := '';
  c text;
  cp int;
  i int := 1;
  j int;
  n int;
  run text;
  total bigint;
  cur bigint;
  u int;
BEGIN
  FOR i IN 1..length(src) LOOP
    cp := ascii(substr(src, i, 1));
    IF cp BETWEEN 65281 AND 65374 THEN cp := cp - 65248;
    ELSIF cp = 12288 THEN cp := 32;
    END IF;
    IF cp BETWEEN 65 AND 90 THEN cp := cp + 32; END IF;
    s := s || chr(cp);
  END LOOP;
  n := length(s);
  i := 1;
  WHILE i <= n LOOP
    c := substr(s, i, 1);
    IF c BETWEEN '0' AND '9' THEN
      j := i;
      WHILE j <= n AND substr(s, j, 1) BETWEEN '0' AND '9' LOOP j := j + 1; END LOOP;
      run := ltrim(substr(s, i, j - i), '0');
      IF run = '' THEN run := '0'; END IF;
      IF length(run) > 35 THEN run := left(run, 35); END IF;
      k := k || '0' || substr('0123456789abcdefghijklmnopqrstuvwxyz', length(run) + 1, 1) || run;
      i := j;
    ELSIF strpos('零〇一二三四五六七八九十百千', c) > 0 THEN
      j := i;
      WHILE j <= n AND strpos('零〇一二三四五六七八九十百千', substr(s, j, 1)) > 0 LOOP j := j + 1; END LOOP;
      run := substr(s, i, j - i);
      IF run ~ '[十百千]' THEN
        total := 0;
        cur := 0;
        FOR u IN 1..length(run) LOOP
          c := substr(run, u, 1);
          IF c = '十' OR c = '百' OR c = '千' THEN
            total := total + (CASE WHEN cur = 0 THEN 1 ELSE cur END)
              * (CASE c WHEN '十' THEN 10 WHEN '百' THEN 100 ELSE 1000 END);
            cur := 0;
          ELSE
            cur := CASE WHEN c = '零' THEN 0 ELSE strpos('〇一二三四五六七八九', c) - 1 END;
          END IF;
        END LOOP;
        run := (total + cur)::text;
      ELSE
        run := left(translate(run, '零〇一二三四五六七八九', '00123456789'), 15);
        run := ltrim(run, '0');
        IF run = '' THEN run := '0'; END IF;
      END IF;
      k := k || '0' || substr('0123456789abcdefghijklmnopqrstuvwxyz', length(run) + 1, 1) || run;
      i := j;
    ELSE
      k := k || '1' || lpad(to_hex(ascii(c)), 6, '0');
      i := i + 1;
    END IF;
  END LOOP;
  RETURN k;
END
$fn$;
--> statement-breakpoint
DROP INDEX "problems_code_idx";--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "code_key" text GENERATED ALWAYS AS (rectify_natural_key(code)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "receipt_key" text GENERATED ALWAYS AS (rectify_natural_key(receipt_no)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "problems_code_key_idx" ON "problems" USING btree ("code_key","id");--> statement-breakpoint
CREATE INDEX "petitions_receipt_key_idx" ON "petitions" USING btree ("receipt_key","id");