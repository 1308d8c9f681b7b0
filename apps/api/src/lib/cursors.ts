import { AppError } from '../errors.js'
import { addDays } from './dates.js'
import { decodeCursor } from './http.js'

// Cursors of the close-out lists: checked for shape before they reach SQL, so a forged cursor
// is a 400 and never a database error.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && addDays(s, 0) === s

function refuse(): never {
  throw new AppError('bad_request', 'Invalid cursor', {
    errors: [{ path: '/cursor', message: 'is not a cursor of this list' }],
  })
}

/** The id of an `[id]` cursor (lists in creation order). */
export function idCursor(cursor: string | undefined): string | null {
  const v = decodeCursor(cursor, 1)
  if (!v) return null
  if (!UUID.test(v[0]!)) refuse()
  return v[0]!
}

/** The pair of a `[date, id]` cursor (lists by end or due date). */
export function dateIdCursor(cursor: string | undefined): [string, string] | null {
  const v = decodeCursor(cursor, 2)
  if (!v) return null
  if (!isDate(v[0]!) || !UUID.test(v[1]!)) refuse()
  return [v[0]!, v[1]!]
}
