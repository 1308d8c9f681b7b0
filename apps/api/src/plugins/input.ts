import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors.js'
import { isUnstorable } from '../lib/text.js'

/** Deepest nesting of arrays and objects a request body may have; no route needs more than a few. */
export const MAX_BODY_DEPTH = 32

/** Request headers whose values reach services or the database (the rest are only compared). */
const VALUE_HEADERS = [
  'authorization',
  'idempotency-key',
  'if-match',
  'if-none-match',
  'user-agent',
]

/** The 400 for hostile input. */
const refuse = (path: string, message: string) =>
  new AppError(
    'validation',
    'The request holds text that is not allowed',
    { errors: [{ path, message }] },
    400,
  )

const BAD_TEXT = 'contains a NUL character or an unpaired surrogate'

/**
 * The first problem in a parsed value: a string (or key) that cannot be stored, or nesting
 * deeper than `maxDepth`. Iterative, so a hostile body cannot exhaust the stack.
 */
export function findUnstorable(
  value: unknown,
  root: string,
  maxDepth = MAX_BODY_DEPTH,
): { path: string; message: string } | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }]
  while (stack.length) {
    const { v, path, depth } = stack.pop()!
    if (typeof v === 'string') {
      if (isUnstorable(v)) return { path: path || '/', message: BAD_TEXT }
      continue
    }
    if (v === null || typeof v !== 'object') continue
    if (depth >= maxDepth)
      return { path: path || '/', message: `is nested deeper than ${maxDepth} levels` }
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      const at = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`
      if (isUnstorable(k)) return { path: at, message: `name ${BAD_TEXT}` }
      stack.push({ v: child, path: at, depth: depth + 1 })
    }
  }
  return null
}

function checkRequestLine(request: FastifyRequest) {
  const found =
    findUnstorable(request.params, '/params', 2) ?? findUnstorable(request.query, '/querystring', 3)
  if (found) throw refuse(found.path, found.message)
  for (const name of VALUE_HEADERS) {
    const v = request.headers[name]
    for (const s of typeof v === 'string' ? [v] : (v ?? []))
      if (isUnstorable(s)) throw refuse(`/headers/${name}`, BAD_TEXT)
  }
}

/**
 * Hostile text is refused before any handler, hook or query sees it: a NUL or an unpaired
 * surrogate anywhere in the path parameters, query, the headers used as values, or the parsed
 * body (keys too) answers 400 `validation`, as does a body nested deeper than MAX_BODY_DEPTH.
 * Multipart file names are checked where the part is read (files.routes.ts).
 */
export default fp(
  async function inputPlugin(app: FastifyInstance) {
    // onRequest: before authentication looks a token up or records the user agent.
    app.addHook('onRequest', async (request) => checkRequestLine(request))
    // preValidation: the body is parsed (by JSON.parse and secure-json-parse, both iterative).
    app.addHook('preValidation', async (request) => {
      if (request.body === undefined || request.body === null) return
      const found = findUnstorable(request.body, '')
      if (found) throw refuse(found.path, found.message)
    })
  },
  { name: 'input', dependencies: ['errors'] },
)
