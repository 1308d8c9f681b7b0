import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/problem'
import { routeError } from './useFormSubmit'

const refusal = (status: number, code: string, paths: string[] = []) =>
  new ApiError({
    type: `urn:rectify:error:${code}`,
    title: code,
    status,
    code,
    errors: paths.map((path) => ({ path, message: 'bad' })),
  })
const messageOf = (error: unknown) => `message of ${(error as ApiError).code}`
const FIELD = '此项内容不符合要求'

describe('routeError: where a refusal is shown', () => {
  it('puts a 422 at the fields the form shows, first segment of the path', () => {
    const routed = routeError(
      refusal(422, 'validation', ['/name', '/roles/0']),
      { fields: ['name', 'roles'] },
      messageOf,
      FIELD,
    )
    expect(routed).toEqual({ errors: { name: FIELD, roles: FIELD }, general: null })
  })

  it('says above the form what names a field the form does not show', () => {
    const routed = routeError(
      refusal(422, 'unprocessable', ['/name', '/parentId']),
      { fields: ['name'] },
      messageOf,
      FIELD,
    )
    expect(routed).toEqual({ errors: { name: FIELD }, general: 'message of unprocessable' })
    expect(routeError(refusal(422, 'validation', ['/name']), {}, messageOf, FIELD)).toEqual({
      errors: {},
      general: 'message of validation',
    })
  })

  it('puts a code the form ties to a field there, in the API’s words or the field’s own', () => {
    expect(
      routeError(refusal(409, 'duplicate'), { codes: { duplicate: 'code' } }, messageOf, FIELD),
    ).toEqual({ errors: { code: 'message of duplicate' }, general: null })
    expect(
      routeError(
        refusal(422, 'validation', ['/currentPassword']),
        { fields: ['currentPassword'], messages: { currentPassword: () => '当前密码不正确' } },
        messageOf,
        FIELD,
      ).errors,
    ).toEqual({ currentPassword: '当前密码不正确' })
  })

  it('shows anything else above the form', () => {
    expect(routeError(refusal(409, 'conflict'), { fields: ['name'] }, messageOf, FIELD)).toEqual({
      errors: {},
      general: 'message of conflict',
    })
    expect(routeError(new Error('network'), {}, () => '操作失败', FIELD).general).toBe('操作失败')
  })
})
