/** The home page's work lists. */
import type { Problem } from '@rectify/schemas'
import type { RouteLocationRaw } from 'vue-router'

/** One line of a work list: the problem, an optional note, an optional shortcut. */
export interface WorkItem {
  key: string
  problem: Problem
  note?: string
  action?: { label: string; to: RouteLocationRaw; testid: string }
}
