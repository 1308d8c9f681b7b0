// @vitest-environment happy-dom
import type { Petition } from '@rectify/schemas'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, useFakeApi } from '@/test/fake-api'
import { mountApp } from '@/test/mount'
import PetitionHandlingForm from './PetitionHandlingForm.vue'

const petition = (version: number, returnReason: string | null = null) =>
  ({
    id: '1',
    receiptNo: 'D2026001',
    version,
    status: 'handling',
    handling: null,
    returnReason,
  }) as unknown as Petition

const REPORT = 'POST /api/v1/petitions/1/report'
let wrapper: VueWrapper | undefined

function mountForm(record = petition(4)) {
  wrapper = mountApp(PetitionHandlingForm, { props: { petition: record } })
  return wrapper
}

/** The message Element Plus shows under the field whose textarea or group carries `testid`. */
function errorBeside(form: VueWrapper, testid: string): string {
  const item = form.find(`[data-testid="${testid}"]`).element.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

async function fill(form: VueWrapper) {
  await form
    .find('[data-testid="petition-report-finding"] [data-value="partly_true"] input')
    .setValue(true)
  await form
    .find('textarea[data-testid="petition-report-investigation"]')
    .setValue('  经现场核查，夜间施工噪音属实  ')
  await form.find('textarea[data-testid="petition-report-measures"]').setValue('责令停止夜间施工')
}

const submit = async (form: VueWrapper) => {
  await form.find('[data-testid="petition-report-submit"]').trigger('click')
  await flushPromises()
}

describe('the petition handling form', () => {
  const server = useFakeApi()
  afterEach(() => wrapper?.unmount())

  it('says in Chinese, beside each field, what is missing, and sends nothing', async () => {
    const form = mountForm()
    await submit(form)
    // Element Plus shows a field's message after a short debounce.
    await vi.waitFor(() => {
      expect(errorBeside(form, 'petition-report-finding')).toBe('请选择是否属实')
      expect(errorBeside(form, 'petition-report-investigation')).toBe('请填写调查核实情况')
      expect(errorBeside(form, 'petition-report-measures')).toBe('请填写处理和整改情况')
    })
    expect(server.sent).toEqual([])
  })

  it('sends the finding, the trimmed text and blank counts as not stated, with the case’s version', async () => {
    server.on(REPORT, { ...petition(5), status: 'submitted' })
    const form = mountForm()
    await fill(form)
    await submit(form)

    const [sent] = server.to(REPORT)
    expect(sent!.headers.get('If-Match')).toBe('"4"')
    expect(sent!.body).toEqual({
      finding: 'partly_true',
      investigation: '经现场核查，夜间施工噪音属实',
      measures: '责令停止夜间施工',
      accountability: '',
      ordersToRectify: null,
      casesFiled: null,
      finesWan: null,
      detained: null,
      talkedTo: null,
      heldAccountable: null,
    })
    expect(errorBeside(form, 'petition-report-measures')).toBe('')
    expect(form.emitted('submitted')).toHaveLength(1)
  })

  it('on 412 keeps the input, offers the newer case, and sends again on its version', async () => {
    server
      .on(REPORT, problem(412, 'precondition_failed'), { ...petition(6), status: 'submitted' })
      .on('GET /api/v1/petitions/1', petition(5))
    const form = mountForm()
    await fill(form)
    await submit(form)
    expect(form.find('[data-testid="stale-alert"]').exists()).toBe(true)
    expect(form.emitted('submitted')).toBeUndefined()

    await form.find('[data-testid="stale-reload"]').trigger('click')
    await flushPromises()
    expect(form.find('[data-testid="stale-reloaded"]').exists()).toBe(true)
    expect(
      (form.find('textarea[data-testid="petition-report-measures"]').element as HTMLTextAreaElement)
        .value,
    ).toBe('责令停止夜间施工')
    await submit(form)
    expect(server.to(REPORT).map((s) => s.headers.get('If-Match'))).toEqual(['"4"', '"5"'])
    expect(form.emitted('submitted')).toHaveLength(1)
  })

  it('shows why the office returned the case', () => {
    const form = mountForm(petition(4, '未附现场照片'))
    expect(form.find('[data-testid="petition-return-reason"]').text()).toContain('未附现场照片')
  })
})
