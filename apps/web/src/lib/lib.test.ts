import type { Role, Unit } from '@rectify/schemas'
import { describe, expect, it } from 'vitest'
import { menuFor } from '@/router/menu'
import { canRead, canWrite } from './access'
import { shanghaiDayEnd, shanghaiDayStart, queryEnum, queryString, toLocationQuery } from './query'
import { safeRedirect } from './redirect'
import { sessionVerdict } from './session-clock'
import { ancestorIds, buildUnitTree, filterTree, subtreeIds } from './tree'

const unit = (id: string, parentId: string | null, code = id, active = true): Unit => ({
  id,
  code,
  name: `单位${id}`,
  kind: 'department',
  parentId,
  active,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
})

describe('unit tree', () => {
  const units = [
    unit('c2', 'city', '3602'),
    unit('city', null, '36'),
    unit('c1', 'city', '3601'),
    unit('t1', 'c1', '360101'),
  ]

  it('nests units under their parents, departments before counties, each by code', () => {
    const tree = buildUnitTree(units)
    expect(tree.map((n) => n.id)).toEqual(['city'])
    expect(tree[0]!.children.map((n) => n.id)).toEqual(['c1', 'c2'])
    expect(tree[0]!.children[0]!.children.map((n) => n.id)).toEqual(['t1'])
    const county = { ...unit('k1', 'city', '3500'), kind: 'county' as const }
    expect(buildUnitTree([...units, county])[0]!.children.map((n) => n.id)).toEqual([
      'c1',
      'c2',
      'k1',
    ])
  })

  it('makes a unit whose parent is not visible a root (a county user sees only its subtree)', () => {
    expect(buildUnitTree([unit('c1', 'city'), unit('t1', 'c1')]).map((n) => n.id)).toEqual(['c1'])
  })

  it('finds the subtree a unit may not be moved under, and the path to it', () => {
    expect([...subtreeIds(units, 'c1')].sort()).toEqual(['c1', 't1'])
    expect(ancestorIds(units, 't1')).toEqual(['city', 'c1'])
  })

  it('filters keeping the ancestors of matches', () => {
    const kept = filterTree(buildUnitTree(units), (u) => u.id === 't1')
    expect(kept[0]!.children.map((n) => n.id)).toEqual(['c1'])
  })
})

describe('access by role', () => {
  /** The 验收销号 pages the office, leaders and auditors open. */
  const CLOSEOUT_PAGES = ['acceptance-reviews', 'publicity', 'rebound-reviews', 'public-reports']
  const visible = (roles: Role[]) => menuFor(roles).flatMap((g) => g.items.map((i) => i.route))

  /** 调度督办 and 问责: every business role reads them (a unit only its own records). */
  const DISPATCH_PAGES = ['dispatch-periods', 'cards', 'inspections', 'notices']
  /** 统计分析: the dashboard and the rankings, for every business role (a unit its own figures). */
  const STATISTICS_PAGES = ['dashboard', 'rankings']
  const ACCOUNTABILITY_PAGES = ['accountability', 'accountability-counts']
  /** 信访件: batches are read city-wide; every business role reads cases (a unit its own). */
  const PETITION_PAGES = ['petition-batches', 'petitions']
  it.each<[Role, string[]]>([
    ['admin', ['institutions', 'units', 'users', 'clients', 'webhooks', 'calendar']],
    [
      'office',
      [
        'problems',
        'sweeps',
        'reviews',
        'rounds',
        'institutions',
        ...DISPATCH_PAGES,
        ...CLOSEOUT_PAGES,
        ...PETITION_PAGES,
        ...ACCOUNTABILITY_PAGES,
        ...STATISTICS_PAGES,
        'units',
        'users',
        'calendar',
        'audit',
      ],
    ],
    [
      'auditor',
      [
        'problems',
        'sweeps',
        'rounds',
        'institutions',
        ...DISPATCH_PAGES,
        ...CLOSEOUT_PAGES,
        ...PETITION_PAGES,
        ...ACCOUNTABILITY_PAGES,
        ...STATISTICS_PAGES,
        'units',
        'users',
        'webhooks',
        'audit',
      ],
    ],
    [
      'leader',
      [
        'problems',
        'sweeps',
        'rounds',
        'institutions',
        ...DISPATCH_PAGES,
        ...CLOSEOUT_PAGES,
        ...PETITION_PAGES,
        ...ACCOUNTABILITY_PAGES,
        ...STATISTICS_PAGES,
        'units',
        'users',
      ],
    ],
    [
      'lead_unit',
      [
        'problems',
        'sweeps',
        'institutions',
        ...DISPATCH_PAGES,
        'acceptance-reviews',
        'petitions',
        ...ACCOUNTABILITY_PAGES,
        ...STATISTICS_PAGES,
        'units',
      ],
    ],
    [
      'unit',
      [
        'problems',
        'sweeps',
        'institutions',
        ...DISPATCH_PAGES,
        'petitions',
        ...ACCOUNTABILITY_PAGES,
        ...STATISTICS_PAGES,
        'units',
      ],
    ],
  ])('%s sees %j in the menu', (role, routes) => {
    expect(visible([role])).toEqual(routes)
  })

  it('lets only the administrator change units, users and clients', () => {
    for (const role of ['office', 'auditor', 'leader', 'lead_unit', 'unit'] as Role[]) {
      expect(canWrite([role], 'units')).toBe(false)
      expect(canWrite([role], 'users')).toBe(false)
    }
    expect(canWrite(['admin'], 'clients')).toBe(true)
    expect(canRead(['admin'], 'audit')).toBe(false)
  })

  it('keeps the administrator out of the ledger and lets only the office review and edit rounds', () => {
    expect(canRead(['admin'], 'ledger')).toBe(false)
    expect(canWrite(['office'], 'rounds')).toBe(true)
    expect(canWrite(['leader'], 'rounds')).toBe(false)
    expect(canRead(['lead_unit'], 'reviews')).toBe(false)
  })

  it('lets only the office triage public reports and open publicity; leaders and auditors read', () => {
    expect(canWrite(['office'], 'publicReports')).toBe(true)
    expect(canWrite(['office'], 'publicity')).toBe(true)
    for (const role of ['leader', 'auditor', 'lead_unit', 'unit'] as Role[]) {
      expect(canWrite([role], 'publicReports')).toBe(false)
      expect(canWrite([role], 'publicity')).toBe(false)
    }
    expect(canRead(['leader'], 'publicReports')).toBe(true)
    expect(canRead(['unit'], 'publicReports')).toBe(false)
    expect(canWrite(['lead_unit'], 'acceptance')).toBe(true)
    expect(canRead(['unit'], 'acceptance')).toBe(false)
  })

  it('leaves the holiday calendar to the office and the administrator', () => {
    expect(canWrite(['admin'], 'calendar')).toBe(true)
    expect(canWrite(['office'], 'calendar')).toBe(true)
    expect(canRead(['leader'], 'calendar')).toBe(false)
  })

  it('keeps the administrator out of petition cases and lets only the office change them', () => {
    expect(canRead(['admin'], 'petitions')).toBe(false)
    expect(canRead(['admin'], 'petitionBatches')).toBe(false)
    expect(canRead(['unit'], 'petitionBatches')).toBe(false)
    expect(canWrite(['office'], 'petitionBatches')).toBe(true)
    expect(canWrite(['leader'], 'petitions')).toBe(false)
  })

  it('combines the rights of several roles', () => {
    expect(visible(['unit', 'auditor'])).toEqual([
      'problems',
      'sweeps',
      'rounds',
      'institutions',
      ...DISPATCH_PAGES,
      ...CLOSEOUT_PAGES,
      ...PETITION_PAGES,
      ...ACCOUNTABILITY_PAGES,
      ...STATISTICS_PAGES,
      'units',
      'users',
      'webhooks',
      'audit',
    ])
  })
})

describe('safeRedirect', () => {
  it('accepts paths inside the SPA only', () => {
    expect(safeRedirect('/admin/users?role=unit')).toBe('/admin/users?role=unit')
    expect(safeRedirect('//evil.example')).toBeNull()
    expect(safeRedirect('https://evil.example')).toBeNull()
    expect(safeRedirect('/\\evil.example')).toBeNull()
    expect(safeRedirect('/login?redirect=/x')).toBeNull()
    expect(safeRedirect(['/a'])).toBeNull()
  })
})

describe('sessionVerdict', () => {
  const base = { now: 1_000_000_000, idleTimeoutSeconds: 1800, expiresAt: null }

  it('is ok while active, warns in the last minute, then ends for idleness', () => {
    expect(sessionVerdict({ ...base, lastActivity: base.now - 60_000 })).toBe('ok')
    expect(sessionVerdict({ ...base, lastActivity: base.now - 1_750_000 })).toBe('warn')
    expect(sessionVerdict({ ...base, lastActivity: base.now - 1_800_000 })).toBe('idle')
  })

  it('ends at the absolute expiry however active the user is', () => {
    const expiresAt = new Date(base.now - 1).toISOString()
    expect(sessionVerdict({ ...base, lastActivity: base.now, expiresAt })).toBe('expired')
  })
})

describe('query helpers', () => {
  it('reads strings and enums and drops junk', () => {
    expect(queryString([' 污水 ', 'x'])).toBe('污水')
    expect(queryString('')).toBeUndefined()
    expect(queryEnum('office', ['office', 'unit'] as const)).toBe('office')
    expect(queryEnum('root', ['office', 'unit'] as const)).toBeUndefined()
  })

  it('writes only the filters in use', () => {
    expect(toLocationQuery({ role: 'unit', q: ' ', unit: undefined })).toEqual({ role: 'unit' })
  })

  it('turns Shanghai calendar days into UTC instants', () => {
    expect(shanghaiDayStart('2026-11-28')).toBe('2026-11-27T16:00:00.000Z')
    expect(shanghaiDayEnd('2026-11-28')).toBe('2026-11-28T15:59:59.999Z')
  })
})
