import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@rectify/schemas/constants'
import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'

/**
 * No raw codes in the problem timeline or the audit log: every action and entity type the API
 * can record (the one list in @rectify/schemas, which the API's test/audit-codes.test.ts holds
 * the API's sources to) has a name in zh-CN and in en.
 */
describe('audit codes have names', () => {
  const langs = { 'zh-CN': zhCN, en } as const
  it.each(Object.keys(langs) as (keyof typeof langs)[])('in %s', (lang) => {
    const audit = langs[lang].audit as {
      actions: Record<string, string>
      entityTypes: Record<string, string>
    }
    const missing = [
      ...AUDIT_ACTIONS.filter((a) => !audit.actions[a.replace(/\./g, '_')]?.trim()),
      ...AUDIT_ENTITY_TYPES.filter((e) => !audit.entityTypes[e]?.trim()),
    ]
    expect(missing).toEqual([])
    // A name is words, never the code again.
    const codes = Object.values(audit.actions).filter((v) => /^[a-z_]+\.[a-z_]+$/.test(v))
    expect(codes).toEqual([])
  })
})
