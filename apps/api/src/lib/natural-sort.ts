/**
 * The natural order of codes as an office numbers them: 第2项 before 第10项, （一） before （二）
 * before （十）, D3600000-0099 before D3600000-0123, ３ read as 3. A code is turned into a key
 * whose plain (byte-wise) order is that natural order, so the database sorts and indexes it
 * like any text column — no ICU collation needed (PGlite has none).
 *
 * The key is made of ASCII digits and lowercase letters only, so every collation orders it the
 * same way as "C". Each character of the code becomes one token:
 *  - a run of digits, or of Chinese numerals (零〇一二三四五六七八九十百千), is a number:
 *    `0` + its length in base 36 + its digits without leading zeros — shorter numbers first,
 *    then digit by digit, and numbers before any other character;
 *  - any other character is `1` + its code point as six hex digits.
 * Full-width ASCII (Ｄ３（一）) is read as its half-width form and ASCII letters as lowercase
 * first, so 第３项 sorts with 第3项.
 *
 * The database computes the same key in `rectify_natural_key(text)` (NATURAL_KEY_SQL below, created
 * by migration 0011), which fills the generated columns `problems.code_key` and
 * `petitions.receipt_key`; lib/natural-sort.test.ts holds both to the same table of cases.
 */
export function naturalKey(code: string): string {
  const s = normalise(code)
  let out = ''
  let i = 0
  while (i < s.length) {
    const c = s[i]!
    if (isDigit(c)) {
      let j = i
      while (j < s.length && isDigit(s[j]!)) j++
      out += numberToken(s.slice(i, j))
      i = j
    } else if (CHINESE_NUMERALS.includes(c)) {
      let j = i
      while (j < s.length && CHINESE_NUMERALS.includes(s[j]!)) j++
      out += numberToken(String(chineseNumber(s.slice(i, j))))
      i = j
    } else {
      const cp = s.codePointAt(i)!
      out += '1' + cp.toString(16).padStart(6, '0')
      i += cp > 0xffff ? 2 : 1
    }
  }
  return out
}

/** Compares two codes in their natural order (for lists sorted in memory). */
export function compareCodes(a: string, b: string): number {
  const x = naturalKey(a)
  const y = naturalKey(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Characters read as a Chinese number (两, 万 and 亿 are left as text: codes do not use them). */
const CHINESE_NUMERALS = '零〇一二三四五六七八九十百千'
const CHINESE_DIGITS = '〇一二三四五六七八九'
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const LENGTHS = '0123456789abcdefghijklmnopqrstuvwxyz'

const isDigit = (c: string) => c >= '0' && c <= '9'

/** Full-width ASCII to half-width, the ideographic space to a space, A–Z to a–z. */
function normalise(code: string): string {
  let s = ''
  for (const ch of code) {
    let cp = ch.codePointAt(0)!
    if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0
    else if (cp === 0x3000) cp = 0x20
    if (cp >= 0x41 && cp <= 0x5a) cp += 0x20
    s += String.fromCodePoint(cp)
  }
  return s
}

/** One number's token from its decimal digits (at most 35 significant digits are kept). */
function numberToken(digits: string): string {
  let d = digits.replace(/^0+/, '') || '0'
  if (d.length > 35) d = d.slice(0, 35)
  return '0' + LENGTHS[d.length] + d
}

/**
 * The value of a run of Chinese numerals: 十二 = 12, 二十 = 20, 九十九 = 99, 一百零五 = 105; a run
 * without 十百千 is read digit by digit (二〇二六 = 2026).
 */
function chineseNumber(run: string): number {
  const digit = (c: string) => (c === '零' ? 0 : CHINESE_DIGITS.indexOf(c))
  if (![...run].some((c) => c in CHINESE_UNITS)) {
    return Number([...run].map(digit).join('').slice(0, 15))
  }
  let total = 0
  let cur = 0
  for (const c of run) {
    const unit = CHINESE_UNITS[c]
    if (unit) {
      total += (cur === 0 ? 1 : cur) * unit
      cur = 0
    } else cur = digit(c)
  }
  return total + cur
}

/**
 * The same key in PL/pgSQL, IMMUTABLE so generated columns and indexes can use it; works on
 * PostgreSQL 15+ and PGlite alike (no ICU, no extension). Kept here beside the TypeScript so the
 * two are read and changed together; migration 0011 created it from this text.
 */
export const NATURAL_KEY_SQL = `CREATE OR REPLACE FUNCTION rectify_natural_key(src text) RETURNS text
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
$fn$;`
