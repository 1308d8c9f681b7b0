import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { close, login, openPage, shot } from '../harness.mjs'

describe('language', () => {
  test('the switch turns the UI into English, survives a reload, and back to Chinese', async () => {
    const page = await openPage()
    await login(page, 'admin')
    assert.equal((await page.getByTestId('nav-home').innerText()).trim(), '工作台')

    await page.getByTestId('lang-switch').click()
    await page.getByTestId('lang-option-en').click()
    await page.getByTestId('nav-home').filter({ hasText: 'Workbench' }).waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    await page.goto('/admin/users')
    await page.getByTestId('page-title').filter({ hasText: 'Users' }).waitFor()
    await page.reload()
    await page.getByTestId('page-title').filter({ hasText: 'Users' }).waitFor()
    await shot(page, 'users-en')

    await page.getByTestId('lang-switch').click()
    await page.getByTestId('lang-option-zh-CN').click()
    await page.getByTestId('page-title').filter({ hasText: '用户管理' }).waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    await close(page)
  })
})
