// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import BaseFilterBar from './BaseFilterBar.vue'
import BaseListCard from './BaseListCard.vue'

const global = { plugins: [i18n] }

describe('BaseListCard', () => {
  const props = { error: null, total: 42, shown: 20, hasMore: true, loading: false }

  it('shows the rows, the total and 加载更多, and asks for more on a click', async () => {
    const card = mount(BaseListCard, {
      props,
      slots: { default: () => h('table', { 'data-testid': 'rows' }) },
      global,
    })
    expect(card.find('section.rx-card [data-testid="rows"]').exists()).toBe(true)
    expect(card.get('[data-testid="list-total"]').text()).toBe('共 42 条，已显示 20 条')
    await card.get('[data-testid="load-more"]').trigger('click')
    expect(card.emitted('more')).toHaveLength(1)
  })

  it('has no 加载更多 on the last page', () => {
    const card = mount(BaseListCard, { props: { ...props, shown: 42, hasMore: false }, global })
    expect(card.find('[data-testid="load-more"]').exists()).toBe(false)
  })

  it('words the failure of the last load by its code above the rows', () => {
    const failure = new ApiError({
      type: 'urn:rectify:error:forbidden',
      title: 'Forbidden',
      status: 403,
      code: 'forbidden',
    })
    const card = mount(BaseListCard, { props: { ...props, error: failure }, global })
    const alert = card.get('.el-alert')
    expect(alert.text()).toContain(i18n.global.t('errors.forbidden'))
  })
})

describe('BaseFilterBar', () => {
  it('is a search landmark named by its label, holding the page’s fields', () => {
    const bar = mount(BaseFilterBar, {
      props: { label: '问题台账' },
      slots: { default: () => h('input', { 'data-testid': 'filter-q' }) },
      global,
    })
    const form = bar.get('[data-testid="filter-bar"]')
    expect(form.attributes('role')).toBe('search')
    expect(form.attributes('aria-label')).toBe('问题台账')
    expect(form.find('[data-testid="filter-q"]').exists()).toBe(true)
  })

  it('searches on submit (Enter in a field) and resets on 重置', async () => {
    const bar = mount(BaseFilterBar, { props: { label: 'x' }, global })
    await bar.get('form').trigger('submit')
    expect(bar.emitted('search')).toHaveLength(1)
    await bar.get('[data-testid="filter-reset"]').trigger('click')
    expect(bar.emitted('reset')).toHaveLength(1)
    expect(bar.emitted('search')).toHaveLength(1)
  })

  it('spins 查询 while the list loads', () => {
    const bar = mount(BaseFilterBar, { props: { label: 'x', loading: true }, global })
    expect(bar.get('[data-testid="filter-search"]').classes()).toContain('is-loading')
  })
})
