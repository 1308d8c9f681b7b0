/** The entity types the change feed carries. */
export const CHANGE_TYPES = ['problem', 'measure', 'report', 'petition', 'notice'] as const

/**
 * What a change means to the caller: `created` — the entity is new, or has just entered the
 * caller's scope; `updated` — it changed; `deleted` — it is gone, or has left the caller's scope.
 */
export const CHANGE_ACTIONS = ['created', 'updated', 'deleted'] as const
