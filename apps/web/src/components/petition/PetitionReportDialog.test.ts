// @vitest-environment happy-dom
import type { Petition } from '@rectify/schemas'
import { DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useFakeApi } from '@/test/fake-api'
import { mountApp } from '@/test/mount'
import PetitionReportDialog from './PetitionReportDialog.vue'

const petition = (version: number) =>
  ({
    id: '1',
    receiptNo: 'D2026001',
    version,
    status: 'handling',
    handling: null,
    returnReason: null,
  }) as unknown as Petition

const REPORT = 'POST /api/v1/petitions/1/report'
let wrapper: VueWrapper | undefined

/** The sheet is teleported to <body>: look for its parts there. */
const body = () => new DOMWrapper(document.body)

async function openSheet() {
  wrapper = mountApp(PetitionReportDialog, { props: { petition: petition(4), modelValue: false } })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
}

async function submit() {
  await body().find('[data-testid="petition-report-submit"]').trigger('click')
  await flushPromises()
}

function errorBeside(testid: string): string {
  const item = body().find(`[data-testid="${testid}"]`).element.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

describe('the petition report sheet (phone)', () => {
  const server = useFakeApi()
  afterEach(() => {
    wrapper?.unmount()
    document.body.innerHTML = ''
  })

  it('says beside each field what is missing, sends nothing and stays open', async () => {
    await openSheet()
    await submit()
    await vi.waitFor(() => {
      expect(errorBeside('petition-report-finding')).toBe('请选择是否属实')
      expect(errorBeside('petition-report-measures')).toBe('请填写处理和整改情况')
    })
    expect(server.sent).toEqual([])
    expect(wrapper!.emitted('update:modelValue')).toBeUndefined()
  })

  it('sends with the case’s version from its footer button and closes', async () => {
    server.on(REPORT, { ...petition(5), status: 'submitted' })
    await openSheet()
    await body()
      .find('[data-testid="petition-report-finding"] [data-value="true"] input')
      .setValue(true)
    await body().find('textarea[data-testid="petition-report-investigation"]').setValue('属实')
    await body().find('textarea[data-testid="petition-report-measures"]').setValue('已责令整改')
    await submit()
    const [sent] = server.to(REPORT)
    expect(sent!.headers.get('If-Match')).toBe('"4"')
    expect(sent!.body).toMatchObject({ finding: 'true', measures: '已责令整改' })
    expect(wrapper!.emitted('update:modelValue')).toEqual([[false]])
  })
})
