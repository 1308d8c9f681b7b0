/**
 * True for a string PostgreSQL cannot store or that is not text at all: one with a NUL
 * (U+0000; `text` cannot hold it) or an unpaired UTF-16 surrogate (no UTF-8 encoding exists).
 * Such input is refused with 400 before it reaches a query (plugins/input.ts, file uploads).
 */
export function isUnstorable(s: string): boolean {
  return UNSTORABLE.test(s)
}

/** NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
