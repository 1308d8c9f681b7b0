// @vitest-environment happy-dom
import type { ProblemAction } from '@rectify/schemas'
import { DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/problem'
import { mountApp } from '@/test/mount'
import ProblemTransitionDialog from './ProblemTransitionDialog.vue'

let wrapper: VueWrapper | undefined

const refusal = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new ApiError({ type: `urn:rectify:error:${code}`, title: code, status, code, ...extra })

/** The dialog is teleported to <body>: look for its parts there. */
const body = () => new DOMWrapper(document.body)
const reason = () => body().find<HTMLTextAreaElement>('textarea[data-testid="transition-reason"]')

async function openFor(
  action: ProblemAction,
  submit: (action: ProblemAction, reason: string | undefined) => Promise<unknown>,
  refetch?: () => Promise<unknown>,
) {
  wrapper = mountApp(ProblemTransitionDialog, {
    props: { action, submit, refetch, modelValue: false },
  })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
}

async function confirm() {
  await body().find('[data-testid="transition-confirm"]').trigger('click')
  await flushPromises()
}

function errorBesideReason(): string {
  const item = reason().element.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

describe('the problem transition dialog', () => {
  afterEach(() => {
    wrapper?.unmount()
    document.body.innerHTML = ''
  })

  it('will not return a plan without a reason, and says so beside the field', async () => {
    const submit = vi.fn(() => Promise.resolve())
    await openFor('return', submit)
    await reason().setValue('  ')
    await confirm()
    await vi.waitFor(() => expect(errorBesideReason()).toBe('请填写退回修改的原因'))
    expect(submit).not.toHaveBeenCalled()

    await reason().setValue(' 措施不具体 ')
    await confirm()
    expect(submit).toHaveBeenCalledWith('return', '措施不具体')
    expect(wrapper!.emitted('done')).toEqual([['return']])
  })

  it('approves without a reason', async () => {
    const submit = vi.fn(() => Promise.resolve())
    await openFor('approve', submit)
    await confirm()
    expect(submit).toHaveBeenCalledWith('approve', undefined)
    expect(wrapper!.emitted('done')).toEqual([['approve']])
  })

  it('shows a 422 on the reason beside it, and a 412 as the stale alert that reloads', async () => {
    const submit = vi
      .fn<(action: ProblemAction, reason: string | undefined) => Promise<unknown>>()
      .mockRejectedValueOnce(
        refusal(422, 'unprocessable', { errors: [{ path: '/reason', message: 'too long' }] }),
      )
      .mockRejectedValueOnce(refusal(412, 'precondition_failed'))
      .mockResolvedValue(undefined)
    const refetch = vi.fn(() => Promise.resolve())
    await openFor('return', submit, refetch)
    await reason().setValue('措施不具体')
    await confirm()
    await vi.waitFor(() => expect(errorBesideReason()).toBe('此项内容不符合要求'))

    await confirm()
    expect(body().find('[data-testid="stale-alert"]').exists()).toBe(true)
    expect(wrapper!.emitted('failed')).toHaveLength(2)
    await body().find('[data-testid="stale-reload"]').trigger('click')
    await flushPromises()
    expect(refetch).toHaveBeenCalledOnce()
    expect(body().find('[data-testid="stale-reloaded"]').exists()).toBe(true)
    expect(reason().element.value).toBe('措施不具体')

    await confirm()
    expect(submit).toHaveBeenCalledTimes(3)
    expect(wrapper!.emitted('done')).toEqual([['return']])
  })
})
