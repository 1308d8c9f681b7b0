// @vitest-environment happy-dom
import type { Unit } from '@rectify/schemas'
import { DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, useFakeApi } from '@/test/fake-api'
import { mountApp } from '@/test/mount'
import UnitEditDialog from './UnitEditDialog.vue'

const unit = (version: number, name = '生态环境局') =>
  ({
    id: 'u1',
    code: 'EEB',
    name,
    kind: 'department',
    parentId: null,
    active: true,
    version,
  }) as unknown as Unit

const PATCH = 'PATCH /api/v1/units/u1'
let wrapper: VueWrapper | undefined

/** The dialog is teleported to <body>: look for its parts there. */
const body = () => new DOMWrapper(document.body)
const nameInput = () => body().find<HTMLInputElement>('input[data-testid="unit-form-name"]')

async function openRename(record = unit(3)) {
  wrapper = mountApp(UnitEditDialog, { props: { unit: record, mode: 'rename', modelValue: false } })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
}

async function save() {
  await body().find('[data-testid="unit-form-submit"]').trigger('click')
  await flushPromises()
}

/** The message Element Plus shows under the field whose control carries `testid`. */
function errorBeside(testid: string): string {
  const item = body().find(`[data-testid="${testid}"]`).element.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

describe('the unit edit dialog', () => {
  const server = useFakeApi()
  afterEach(() => {
    wrapper?.unmount()
    document.body.innerHTML = ''
  })

  it('asks for a name beside the field and sends nothing when it is blank', async () => {
    await openRename()
    await nameInput().setValue('   ')
    await save()
    await vi.waitFor(() => expect(errorBeside('unit-form-name')).toBe('请填写单位名称'))
    expect(server.sent).toEqual([])
  })

  it('shows a 422 at the field it names, not above the form', async () => {
    server.on(
      PATCH,
      problem(422, 'unprocessable', { errors: [{ path: '/name', message: 'too similar' }] }),
    )
    await openRename()
    await nameInput().setValue('生态环境保护局')
    await save()
    expect(server.to(PATCH)[0]!.body).toEqual({ name: '生态环境保护局' })
    await vi.waitFor(() => expect(errorBeside('unit-form-name')).toBe('此项内容不符合要求'))
    expect(body().find('.el-alert--error').exists()).toBe(false)
    expect(wrapper!.emitted('saved')).toBeUndefined()
  })

  it('on 412 keeps the new name, offers the newer unit, and saves again on its version', async () => {
    server
      .on(PATCH, problem(412, 'precondition_failed'), unit(5, '生态环境保护局'))
      .on('GET /api/v1/units/u1', unit(4, '市生态环境局'))
    await openRename()
    await nameInput().setValue('生态环境保护局')
    await save()
    expect(body().find('[data-testid="stale-alert"]').exists()).toBe(true)
    expect(wrapper!.emitted('saved')).toBeUndefined()

    await body().find('[data-testid="stale-reload"]').trigger('click')
    await flushPromises()
    expect(body().find('[data-testid="stale-reloaded"]').exists()).toBe(true)
    expect(body().find('[data-testid="stale-current"]').text()).toContain('市生态环境局')
    expect(nameInput().element.value).toBe('生态环境保护局')

    await save()
    expect(server.to(PATCH).map((s) => s.headers.get('If-Match'))).toEqual(['"3"', '"4"'])
    expect(wrapper!.emitted('saved')).toEqual([[unit(5, '生态环境保护局')]])
  })
})
