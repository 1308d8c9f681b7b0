/**
 * Route schemas compiled when a route first needs them, not when the API starts: Fastify hands
 * every request schema to the validator compiler (TypeBox) and every response schema to the
 * serializer compiler (fast-json-stringify) as each of the ~170 routes (and their HEAD twins) is
 * added, which was most of the start's own CPU and kept every compiled function in memory from
 * the first second, whether the route was ever called or not.
 *
 * The compiler given is wrapped: the function Fastify stores compiles on its first call, once,
 * then calls the compiled function directly. `compilePendingSchemas(app)` compiles what has not
 * been yet; the tests run it over the whole app, so a schema that would not compile fails a test
 * rather than a first request.
 */

type Compiled = (...args: never[]) => unknown

/** The compilations not yet run, per Fastify instance that set the compilers. */
const pendingOf = new WeakMap<object, Set<() => unknown>>()

/** `compile`, deferred to the first call of what it returns. */
export function compileOnFirstUse<A, F extends Compiled>(
  owner: object,
  compile: (arg: A) => F,
): (arg: A) => F {
  let pending = pendingOf.get(owner)
  if (!pending) pendingOf.set(owner, (pending = new Set()))
  const queue = pending
  return (arg: A) => {
    let compiled: F | undefined
    const force = (): F => {
      if (!compiled) {
        compiled = compile(arg)
        queue.delete(force)
      }
      return compiled
    }
    queue.add(force)
    return ((...args: Parameters<F>) => force()(...args)) as F
  }
}

/** How many schemas of `owner` are not compiled yet. */
export function pendingSchemas(owner: object): number {
  return pendingOf.get(owner)?.size ?? 0
}

/** Compiles every schema of `owner` not compiled yet; returns how many it compiled. */
export function compilePendingSchemas(owner: object): number {
  const pending = [...(pendingOf.get(owner) ?? [])]
  for (const force of pending) force()
  return pending.length
}
