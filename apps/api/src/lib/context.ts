import type { Role, Scope } from '@rectify/schemas'

/** Who is acting: a person, an API client, the CLI, or nobody yet (public routes). */
export interface Actor {
  type: 'user' | 'client' | 'cli' | 'anonymous'
  id: string | null
  name: string | null
  unitId: string | null
  /** Materialised path of the actor's unit (`/root/.../unit/`); null for city-wide actors. */
  unitPath: string | null
  roles: Role[]
  scopes: Scope[]
  sessionId: string | null
  /** True when the actor sees the whole city (office, leader, auditor, admin, unscoped clients). */
  cityWide: boolean
}

/** Where a request came from, copied into every audit entry. */
export interface RequestMeta {
  requestId: string | null
  ip: string | null
  userAgent: string | null
}

/** What every service call receives: the actor and the request it acts through. */
export interface Ctx {
  actor: Actor
  meta: RequestMeta
}

const CITY_WIDE_ROLES: ReadonlySet<Role> = new Set(['admin', 'office', 'leader', 'auditor'])

export function isCityWide(roles: readonly Role[]): boolean {
  return roles.some((r) => CITY_WIDE_ROLES.has(r))
}

export const ANONYMOUS: Actor = {
  type: 'anonymous',
  id: null,
  name: null,
  unitId: null,
  unitPath: null,
  roles: [],
  scopes: [],
  sessionId: null,
  cityWide: false,
}

/** The actor for admin CLI commands run on the server itself. */
export function cliContext(command: string): Ctx {
  return {
    actor: { ...ANONYMOUS, type: 'cli', name: `cli:${command}`, cityWide: true },
    meta: { requestId: null, ip: null, userAgent: `rectify-cli/${command}` },
  }
}
