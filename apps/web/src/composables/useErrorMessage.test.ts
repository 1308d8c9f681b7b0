import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import zhCN from '@/i18n/zh-CN'
import { fieldErrors, hasCode, problemMessage } from './useErrorMessage'

const errors = zhCN.errors as Record<string, string>
const t = (key: string) => errors[key.replace('errors.', '')] ?? key
const te = (key: string) => key.startsWith('errors.') && key.replace('errors.', '') in errors

const apiError = (
  code: string,
  extra: Partial<{ detail: string; errors: { path: string; message: string }[] }> = {},
) => new ApiError({ type: `urn:rectify:error:${code}`, title: code, status: 400, code, ...extra })

describe('problemMessage', () => {
  it('maps a known code to its message', () => {
    expect(problemMessage(apiError('invalid_credentials'), t, te)).toBe('用户名或密码错误')
    expect(problemMessage(apiError('precondition_failed'), t, te)).toBe(
      '此记录已被他人修改，请刷新后重试',
    )
  })

  it('falls back to the detail for an unknown code, then to a generic line', () => {
    expect(problemMessage(apiError('brand_new', { detail: '新的错误' }), t, te)).toBe('新的错误')
    expect(problemMessage(apiError('brand_new'), t, te)).toBe(errors.unknown)
    expect(problemMessage(new Error('boom'), t, te)).toBe(errors.unknown)
  })
})

describe('fieldErrors', () => {
  it('puts each 422 error on the first segment of its path', () => {
    const error = apiError('validation', {
      errors: [
        { path: '/roles/0', message: 'must be equal to one of the allowed values' },
        { path: '/username', message: 'must match pattern' },
      ],
    })
    expect(fieldErrors(error, '不符合要求')).toEqual({
      roles: '不符合要求',
      username: '不符合要求',
    })
    expect(fieldErrors(new Error('x'), '不符合要求')).toEqual({})
  })

  it('recognises codes', () => {
    expect(hasCode(apiError('duplicate'), 'duplicate', 'conflict')).toBe(true)
    expect(hasCode(new Error('duplicate'), 'duplicate')).toBe(false)
  })
})
