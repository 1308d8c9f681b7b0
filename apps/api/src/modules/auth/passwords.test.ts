import { describe, expect, it } from 'vitest'
import { checkPasswordPolicy } from './passwords.js'

describe('password policy', () => {
  it.each([
    ['mlps3', 'Ab1!xyzw', true],
    ['mlps3', 'abcdefg1!', true],
    ['mlps3', 'Ab1!xyz', false], // 7 characters
    ['mlps3', 'abcdefgh1', false], // 2 classes
    ['mlps3', 'P@ssw0rd', false], // common
    ['mlps3', 'Admin@123', false], // common
    ['asvs', 'correct horse battery', true], // no composition rules
    ['asvs', 'Ab1!xyzwvuts', true],
    ['asvs', 'Ab1!xyzwvut', false], // 11 characters
    ['asvs', 'password', false], // short and common
  ] as const)('%s: %s → %s', (policy, password, ok) => {
    expect(checkPasswordPolicy(policy, password).length === 0).toBe(ok)
  })

  it('refuses a password that contains the username', () => {
    expect(checkPasswordPolicy('mlps3', 'Zhangwei#2026', 'zhangwei')).toContain(
      'must not contain the username',
    )
  })

  it('counts characters, not UTF-16 units', () => {
    expect(checkPasswordPolicy('asvs', '生态环境保护督察整改')).toContain(
      'must be at least 12 characters',
    )
    expect(checkPasswordPolicy('asvs', '生态环境保护督察整改到位了')).toEqual([])
  })
})
