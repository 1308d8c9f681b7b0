import {
  ACTOR_TYPES,
  ERROR_CODES,
  EXTENSION_STATUSES,
  LIGHTS,
  MEASURE_STATUSES,
  PROBLEM_ACTIONS,
  PROBLEM_DOMAINS,
  PROBLEM_MODES,
  PROBLEM_NATURES,
  PROBLEM_SORTS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  REPORT_STATUSES,
  ROLES,
  ROUND_KINDS,
  SCOPES,
  UNIT_KINDS,
  USER_STATUSES,
} from '@rectify/schemas/constants'
import { describe, expect, it } from 'vitest'
import { MENU } from '@/router/menu'
import en from './en'
import zhCN from './zh-CN'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const zh = flatten(zhCN)
const english = flatten(en as Tree)

describe('messages', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('has no empty message in either language', () => {
    for (const [key, value] of [...zh, ...english]) expect(value.trim(), key).not.toBe('')
  })

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, value] of zh)
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(value))
  })

  it('avoids vue-i18n syntax characters that would break a message', () => {
    for (const [key, value] of [...zh, ...english]) expect(value, key).not.toMatch(/[@|$]/)
  })

  it('names every error code, role, scope, unit kind, actor type and user status', () => {
    const needed = [
      ...ERROR_CODES.map((code) => `errors.${code}`),
      'errors.network',
      'errors.bad_response',
      ...ROLES.flatMap((role) => [`roles.${role}`, `roleDuties.${role}`]),
      ...SCOPES.map((scope) => `clients.scopeNames.${scope.replace(':', '_')}`),
      ...UNIT_KINDS.map((kind) => `units.kinds.${kind}`),
      ...ACTOR_TYPES.map((type) => `audit.actorTypes.${type}`),
      ...USER_STATUSES.map((status) => `users.statuses.${status}`),
      ...MENU.flatMap((group) => [group.titleKey, ...group.items.map((item) => item.titleKey)]),
    ]
    for (const key of needed) expect(zh.has(key), key).toBe(true)
  })

  it('names every value of the ledger: statuses, lights, sources, modes, sorts, ...', () => {
    const needed = [
      ...PROBLEM_STATUSES.map((v) => `problem.statuses.${v}`),
      ...PROBLEM_SOURCES.map((v) => `problem.sources.${v}`),
      ...PROBLEM_NATURES.map((v) => `problem.natures.${v}`),
      ...PROBLEM_DOMAINS.map((v) => `problem.domains.${v}`),
      ...PROBLEM_MODES.map((v) => `problem.modes.${v}`),
      ...PROBLEM_ACTIONS.flatMap((v) => [
        `problem.actions.${v}`,
        `problem.actionDone.${v}`,
        `problem.actionConfirm.${v}`,
      ]),
      ...LIGHTS.map((v) => `light.colors.${v}`),
      ...PROBLEM_SORTS.map((v) => `ledger.sorts.${v.startsWith('-') ? `${v.slice(1)}Desc` : v}`),
      ...MEASURE_STATUSES.map((v) => `measure.statuses.${v}`),
      ...REPORT_STATUSES.map((v) => `report.statuses.${v}`),
      ...EXTENSION_STATUSES.map((v) => `extension.statuses.${v}`),
      ...ROUND_KINDS.map((v) => `rounds.kinds.${v}`),
    ]
    for (const key of needed) expect(zh.has(key), key).toBe(true)
  })

  it("uses UX.md's words for the lights and the stages of a problem", () => {
    expect(['green', 'blue', 'yellow', 'red'].map((c) => zh.get(`light.colors.${c}`))).toEqual([
      '正常',
      '临期',
      '滞后',
      '逾期',
    ])
    expect(PROBLEM_STATUSES.map((s) => zh.get(`problem.statuses.${s}`))).toEqual([
      '待制定方案',
      '方案审核中',
      '整改中',
      '验收中',
      '公示中',
      '已销号',
    ])
  })

  it('says 用户名或密码错误 for invalid credentials, as users expect', () => {
    expect(zh.get('errors.invalid_credentials')).toBe('用户名或密码错误')
    expect(zh.get('errors.precondition_failed')).toBe('此记录已被他人修改，请刷新后重试')
  })
})
