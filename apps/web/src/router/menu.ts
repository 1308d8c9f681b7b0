/**
 * The left menu, grouped by work as UX.md lays it out. A group shows only when the role may open
 * at least one of its entries; groups whose modules are not built yet have no entries.
 */
import type { Role } from '@rectify/schemas'
import {
  DataAnalysis,
  Document,
  Bell,
  Finished,
  ChatLineSquare,
  Warning,
  Setting,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'
import { canRead, type Feature } from '@/lib/access'

export type MenuGroupKey =
  'ledger' | 'dispatch' | 'acceptance' | 'petitions' | 'accountability' | 'statistics' | 'system'

export interface MenuItem {
  /** Route name the entry opens; also its `data-testid` (`nav-<route>`). */
  route: string
  feature: Feature
  titleKey: string
}

export interface MenuGroup {
  key: MenuGroupKey
  titleKey: string
  icon: Component
  items: MenuItem[]
}

/** Every group in UX.md's order, with the entries that exist today. */
export const MENU: readonly MenuGroup[] = [
  {
    key: 'ledger',
    titleKey: 'nav.groups.ledger',
    icon: Document,
    items: [
      { route: 'problems', feature: 'ledger', titleKey: 'nav.problems' },
      { route: 'sweeps', feature: 'sweeps', titleKey: 'sweep.nav' },
      { route: 'reviews', feature: 'reviews', titleKey: 'nav.reviews' },
      { route: 'rounds', feature: 'rounds', titleKey: 'nav.rounds' },
      { route: 'institutions', feature: 'institutions', titleKey: 'institution.nav' },
    ],
  },
  {
    key: 'dispatch',
    titleKey: 'nav.groups.dispatch',
    icon: Bell,
    items: [
      { route: 'dispatch-periods', feature: 'dispatch', titleKey: 'dispatch.nav.periods' },
      { route: 'cards', feature: 'cards', titleKey: 'dispatch.nav.cards' },
      { route: 'inspections', feature: 'inspections', titleKey: 'inspection.nav' },
      { route: 'notices', feature: 'notices', titleKey: 'notice.nav' },
    ],
  },
  {
    key: 'acceptance',
    titleKey: 'nav.groups.acceptance',
    icon: Finished,
    items: [
      { route: 'acceptance-reviews', feature: 'acceptance', titleKey: 'acceptanceNav.reviews' },
      { route: 'publicity', feature: 'publicity', titleKey: 'acceptanceNav.publicity' },
      { route: 'rebound-reviews', feature: 'rebound', titleKey: 'acceptanceNav.rebound' },
      {
        route: 'public-reports',
        feature: 'publicReports',
        titleKey: 'acceptanceNav.publicReports',
      },
    ],
  },
  {
    key: 'petitions',
    titleKey: 'nav.groups.petitions',
    icon: ChatLineSquare,
    items: [
      { route: 'petition-batches', feature: 'petitionBatches', titleKey: 'petition.nav.batches' },
      { route: 'petitions', feature: 'petitions', titleKey: 'petition.nav.cases' },
    ],
  },
  {
    key: 'accountability',
    titleKey: 'nav.groups.accountability',
    icon: Warning,
    items: [
      { route: 'accountability', feature: 'accountability', titleKey: 'accountability.nav' },
      {
        route: 'accountability-counts',
        feature: 'accountability',
        titleKey: 'accountability.countsNav',
      },
    ],
  },
  {
    key: 'statistics',
    titleKey: 'nav.groups.statistics',
    icon: DataAnalysis,
    items: [
      { route: 'dashboard', feature: 'dashboard', titleKey: 'dashboard.nav' },
      { route: 'rankings', feature: 'rankings', titleKey: 'dispatch.nav.rankings' },
    ],
  },
  {
    key: 'system',
    titleKey: 'nav.groups.system',
    icon: Setting,
    items: [
      { route: 'units', feature: 'units', titleKey: 'nav.units' },
      { route: 'users', feature: 'users', titleKey: 'nav.users' },
      { route: 'clients', feature: 'clients', titleKey: 'nav.clients' },
      { route: 'webhooks', feature: 'webhooks', titleKey: 'webhooks.nav' },
      { route: 'calendar', feature: 'calendar', titleKey: 'acceptanceNav.calendar' },
      { route: 'audit', feature: 'audit', titleKey: 'nav.audit' },
    ],
  },
]

/** The groups and entries someone holding `roles` sees, empty groups left out. */
export function menuFor(roles: readonly Role[]): MenuGroup[] {
  return MENU.map((group) => ({
    ...group,
    items: group.items.filter((item) => canRead(roles, item.feature)),
  })).filter((group) => group.items.length > 0)
}
