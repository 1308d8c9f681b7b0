/**
 * Page-by-page cursor paging with a "previous" button. The server only hands out the cursor of
 * the next page, so the cursors of pages already seen are kept in a stack: `stack[i]` loads page
 * `i + 1`, `stack[0]` is `null` (the first page needs no cursor), and `undefined` marks a page
 * whose cursor is not known (a link to page 4 sent by a colleague knows only page 4's cursor).
 */

export type CursorStack = readonly (string | null | undefined)[]

/** Where a page button leads: the page number and its cursor (null for the first page). */
export interface PageTarget {
  page: number
  cursor: string | null
}

export const FIRST_PAGE: CursorStack = [null]

/**
 * The stack after arriving at `page` with `cursor` (both from the URL): going back keeps the
 * earlier cursors, going forward pushes the new one, anything else starts over with the pages
 * before unknown.
 */
export function stackAt(stack: CursorStack, page: number, cursor: string | null): CursorStack {
  if (page <= 1 || !cursor) return FIRST_PAGE
  if (stack[page - 1] === cursor) return stack.slice(0, page)
  if (stack.length === page - 1) return [...stack, cursor]
  return [null, ...Array<undefined>(page - 2).fill(undefined), cursor]
}

/** The page number the stack stands on. */
export function currentPage(stack: CursorStack): number {
  return stack.length
}

/** The page after this one, given the cursor the server returned (null: there is none). */
export function nextTarget(stack: CursorStack, nextCursor: string | null): PageTarget | null {
  return nextCursor ? { page: stack.length + 1, cursor: nextCursor } : null
}

/**
 * The page before this one; when its cursor is not known (the list was opened from a link) the
 * first page, which is always reachable.
 */
export function previousTarget(stack: CursorStack): PageTarget | null {
  if (stack.length <= 1) return null
  const cursor = stack[stack.length - 2]
  if (cursor === undefined) return { page: 1, cursor: null }
  return { page: stack.length - 1, cursor }
}
