import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, ConfigSchema, loadConfig } from './config.js'

describe('loadConfig', () => {
  it('applies defaults and converts numbers and booleans', () => {
    const c = loadConfig({ PORT: '8080', TRUST_PROXY: 'true' })
    expect(c).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 8080,
      TRUST_PROXY: true,
      PASSWORD_POLICY: 'mlps3',
      SESSION_IDLE_MINUTES: 30,
    })
  })

  it('lists every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', PASSWORD_POLICY: 'weak', JWT_SECRET: 'short' })
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      const text = (err as ConfigError).problems.join('\n')
      expect(text).toContain('PORT')
      expect(text).toContain('PASSWORD_POLICY')
      expect(text).toContain('JWT_SECRET')
    }
  })

  it('refuses a read replica without a primary (DATABASE_READ_URL needs DATABASE_URL)', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://r@replica/rectify' })).toThrow(
      /DATABASE_READ_URL/,
    )
    const c = loadConfig({
      DATABASE_URL: 'postgres://a@primary/rectify',
      DATABASE_READ_URL: 'postgres://a@replica/rectify',
    })
    expect(c.DATABASE_READ_URL).toBe('postgres://a@replica/rectify')
  })

  it('refuses an access token lifetime over 15 minutes', () => {
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '3600' })).toThrow(ConfigError)
  })
})

describe('.env.example', () => {
  it('lists exactly the variables the configuration reads (commented out when optional)', () => {
    const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8')
    const listed = [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort()
    expect(listed).toEqual(Object.keys(ConfigSchema.properties).sort())
  })
})
