import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { close, login, openPage, shot, submitLogin } from '../harness.mjs'

describe('sign-in', () => {
  test('a wrong password shows 用户名或密码错误 and stays on the login page', async () => {
    const page = await openPage()
    await page.goto('/')
    await page.waitForURL(/\/login/)
    await shot(page, 'login')
    await submitLogin(page, 'admin', 'not-the-password')
    const error = page.getByTestId('login-error')
    await error.waitFor()
    assert.match(await error.innerText(), /用户名或密码错误/)
    assert.match(page.url(), /\/login/)
    await close(page)
  })

  test('a deep link survives the login: /admin/users → login → /admin/users', async () => {
    const page = await openPage()
    await page.goto('/admin/users?role=unit')
    await page.waitForURL(/\/login\?redirect=/)
    await login(page, 'office')
    await page.waitForURL(/\/admin\/users\?role=unit$/)
    await page.getByTestId('users-table').waitFor()
    await close(page)
  })

  test('a reload keeps the user signed in (the refresh token lives in this tab)', async () => {
    const page = await openPage()
    await login(page, 'leader')
    // Leaders land on the dashboard (统计分析); a reload keeps them there, signed in.
    await page.waitForURL(/\/dashboard$/)
    await page.reload()
    await page.getByTestId('nav-menu').waitFor()
    assert.match(page.url(), /\/dashboard$/)
    await close(page)
  })
})
