// @vitest-environment happy-dom
/** The progress report form (报送进展): what it sends, and where it goes after. */
import type { Me, Problem } from '@rectify/schemas'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { page, useFakeApi } from '@/test/fake-api'
import ProblemReportView from './ProblemReportView.vue'

const Blank = defineComponent({ render: () => null })

const clerk = {
  id: 'u1',
  username: 'lisi',
  displayName: '李四',
  unit: { id: 'unit1', code: 'SW', name: '市水务局' },
  roles: ['unit'],
  passwordChangedAt: null,
  session: { idleTimeoutSeconds: 0, expiresAt: '2099-01-01T00:00:00Z' },
} satisfies Me

const inProgress = {
  id: 'p1',
  code: 'HB-1',
  title: '某河段黑臭水体',
  version: 3,
  status: 'in_progress',
  light: { color: 'green', reasons: [], asOf: '2099-01-01' },
  leadUnit: { id: 'unit1', code: 'SW', name: '市水务局' },
  reportedProgress: 40,
} as unknown as Problem

let wrapper: VueWrapper | undefined
let router: Router

async function openForm() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = clerk
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/problems/:id/reports/new', name: 'problem-report', component: Blank },
      { path: '/problems/:id', name: 'problem-detail', component: Blank },
    ],
  })
  await router.push('/problems/p1/reports/new')
  wrapper = mount(ProblemReportView, {
    attachTo: document.body,
    global: { plugins: [i18n, pinia, router] },
  })
  await flushPromises()
  return wrapper
}

/** Types into the percentage and leaves the field, as a user does. */
async function typePercent(form: VueWrapper, value: string) {
  const input = form.find('[data-testid="report-percent"] input')
  await input.setValue(value)
  await input.trigger('change')
}

/** The message Element Plus shows under the field whose control carries `testid`. */
function errorBeside(form: VueWrapper, testid: string): string {
  const item = form.find(`[data-testid="${testid}"]`).element.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

const submit = async (form: VueWrapper) => {
  await form.find('[data-testid="report-submit"]').trigger('click')
  await flushPromises()
}

describe('the progress report form', () => {
  const server = useFakeApi()
  beforeEach(() => {
    localStorage.clear()
    server
      .on('GET /api/v1/problems/p1', inProgress)
      .on('GET /api/v1/problems/p1/measures', { items: [] })
      .on('GET /api/v1/units', page([]))
  })
  afterEach(() => {
    wrapper?.unmount()
    useSessionStore().me = null
  })

  it('sends the period, the trimmed text and the percentage, then opens the problem’s reports', async () => {
    server.on('POST /api/v1/problems/p1/reports', { id: 'r1', version: 1 })
    const form = await openForm()
    await form.find('textarea[data-testid="report-done"]').setValue('  完成截污管网铺设1.2公里 ')
    await form.find('textarea[data-testid="report-issues"]').setValue('雨季施工受影响')
    await typePercent(form, '65')
    await submit(form)

    const [sent] = server.to('POST /api/v1/problems/p1/reports')
    expect(sent!.body).toEqual({
      period: expect.stringMatching(/^\d{4}-\d{2}$/),
      measureId: null,
      done: '完成截污管网铺设1.2公里',
      percent: 65,
      issues: '雨季施工受影响',
      nextSteps: '',
      evidenceIds: [],
    })
    expect(sent!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(router.currentRoute.value.name).toBe('problem-detail')
    expect(router.currentRoute.value.hash).toBe('#problem-reports')
  })

  // The rules are Element Plus's (async-validator): this fails if the test setup loads its
  // CommonJS build, where ElForm takes every field as valid (see vitest.config.ts).
  it('left empty, says beside each field what is missing and sends nothing', async () => {
    const form = await openForm()
    await form.find('textarea[data-testid="report-done"]').setValue('   ')
    await typePercent(form, '')
    await submit(form)
    await vi.waitFor(() => {
      expect(errorBeside(form, 'report-done')).toBe('请填写本期完成情况')
      expect(errorBeside(form, 'report-percent')).toBe('请填写完成进度')
    })
    expect(server.to('POST /api/v1/problems/p1/reports')).toEqual([])
    expect(router.currentRoute.value.name).toBe('problem-report')
  })
})
