import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import fastJson, { type Schema } from 'fast-json-stringify'
import * as contract from '@rectify/schemas'
import { compileOnFirstUse } from '../lib/lazy-compile.js'

type Json = Record<string, unknown>

const isObject = (node: unknown): node is Json =>
  !!node && typeof node === 'object' && !Array.isArray(node)

/** A named schema: `$id` a plain name (not a URI, not an anchor). */
const nameOf = (node: unknown): string | undefined =>
  isObject(node) && typeof node.$id === 'string' && /^[A-Za-z][\w.-]*$/.test(node.$id)
    ? node.$id
    : undefined

/** The schema as JSON (TypeBox's own non-enumerable markers are not part of it). */
const plain = (schema: unknown): Json => JSON.parse(JSON.stringify(schema)) as Json

/**
 * Every schema of @rectify/schemas that carries an `$id`, wherever it is nested, by name. Two
 * different schemas under one name would have a serializer print one with the other's fields:
 * that refuses to start.
 */
export function namedSchemas(roots: unknown[] = Object.values(contract)): Map<string, Json> {
  const named = new Map<string, Json>()
  const seen = new Set<unknown>()
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    const name = nameOf(node)
    if (name) {
      const schema = plain(node)
      const known = named.get(name)
      if (!known) named.set(name, schema)
      else if (JSON.stringify(known) !== JSON.stringify(schema))
        throw new Error(`Two different schemas are named ${name} ($id)`)
    }
    for (const value of Object.values(node)) visit(value)
  }
  roots.forEach(visit)
  return named
}

/**
 * The schema with every named subschema replaced by a reference to the shared one
 * (`{ $ref: 'Name#' }`); the root itself too unless `keepRoot` (a shared schema's own body).
 */
export function referenced(schema: unknown, keepRoot = false): unknown {
  const walk = (node: unknown, root: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, false))
    if (!isObject(node)) return node
    const name = nameOf(node)
    if (name && !root) return { $ref: `${name}#` }
    const out: Json = {}
    for (const [key, value] of Object.entries(node)) out[key] = walk(value, false)
    return out
  }
  return walk(plain(schema), keepRoot)
}

/** The shared schemas a schema references, directly or through one another, by name. */
function closure(schema: unknown, shared: Map<string, Json>): Record<string, Json> {
  const needed: Record<string, Json> = {}
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!isObject(node)) return
    const name = typeof node.$ref === 'string' ? node.$ref.replace(/#$/, '') : undefined
    const target = name === undefined ? undefined : shared.get(name)
    if (name && target && !needed[name]) {
      needed[name] = target
      visit(target)
    }
    Object.values(node).forEach(visit)
  }
  visit(schema)
  return needed
}

/**
 * The named schemas of @rectify/schemas (those with an `$id`), registered once with
 * `app.addSchema`, and the route response schemas rewritten to reference them: the OpenAPI
 * document lists them under `components.schemas` with a `$ref` wherever they are used. Request
 * schemas stay as the routes declare them: TypeBox validates them whole (the document
 * references their named parts, plugins/openapi.ts).
 *
 * The serializer (fast-json-stringify, as Fastify's own) is given the shared schemas a response
 * references, not all of them: Fastify's default hands every shared schema to every route's
 * serializer, which checks each one again per route and made start-up several times slower.
 */
export default fp(
  async function sharedSchemasPlugin(app: FastifyInstance) {
    const shared = new Map<string, Json>()
    for (const [name, schema] of namedSchemas()) {
      const body = referenced(schema, true) as Json
      shared.set(name, body)
      app.addSchema(body)
    }
    // Compiled on a route's first answer with that status (lib/lazy-compile.ts).
    app.setSerializerCompiler(
      compileOnFirstUse(app, ({ schema }: { schema: unknown }) =>
        fastJson(schema as Schema, {
          schema: closure(schema, shared) as unknown as Record<string, Schema>,
        }),
      ),
    )
    app.addHook('onRoute', (route) => {
      const response = route.schema?.response
      if (!isObject(response)) return
      const rewritten: Json = {}
      for (const [status, schema] of Object.entries(response))
        rewritten[status] = referenced(schema)
      route.schema = { ...route.schema, response: rewritten }
    })
  },
  { name: 'shared-schemas' },
)
