/**
 * Codes in the order offices expect, shared by the key's unit test and the test that holds the
 * database's `rectify_natural_key` to the same order (test/natural-sort.test.ts).
 */

/** The Chinese numerals 一..九十九 as offices write them. */
export function chineseNumeral(n: number): string {
  const d = '〇一二三四五六七八九'
  if (n < 10) return d[n]!
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : d[tens]}十${n % 10 ? d[n % 10] : ''}`
}

/** Each list is in the order an office expects; every adjacent pair must sort strictly. */
export const ORDERED_CASES: Record<string, string[]> = {
  'numbers, not text': ['第1项', '第2项', '第9项', '第10项', '第19项', '第20项', '第100项'],
  'Chinese numerals in brackets': [
    '（一）',
    '（二）',
    '（九）',
    '（十）',
    '（十一）',
    '（十二）',
    '（二十）',
  ],
  'half- and full-width brackets read alike': ['(一)', '（二）', '(三)'],
  'one to ninety-nine': Array.from({ length: 99 }, (_, i) => `（${chineseNumeral(i + 1)}）`),
  'receipt numbers with and without padding': [
    'D3600000-0099',
    'D3600000-123',
    'D3600000-0124',
    'D3600001-0001',
  ],
  'full-width digits read as digits': ['第１项', '第2项', '第１０项'],
  'nested numbering': ['一-1', '一-2', '一-10', '二-1', '十-1', '十一-1'],
  'a shorter code before its extension': ['第3项', '第3项之一', '第3项之二', '第4项'],
  'numbers before letters and Chinese text': ['A-9', 'A-10', 'AB', 'B-1', '附件'],
  'hundreds and zeros': ['一百', '一百零五', '一百一十', '二百'],
  'year written digit by digit': ['二〇二五-3', '二〇二六-1', '2026-2'],
  'letters ignore case': ['a2', 'A10', 'b1'],
  'mixed Arabic and Chinese numbers': ['第一批第2项', '第一批第10项', '第二批第1项'],
}
