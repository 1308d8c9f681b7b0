import { expect, login, shot, submitLogin, test } from '../fixtures'

test.describe('sign-in', () => {
  test('a wrong password shows 用户名或密码错误 and stays on the login page', async ({
    openAs,
    world,
  }) => {
    const account = await world.user(['office'])
    const page = await openAs(null)
    await page.goto('/')
    await page.waitForURL(/\/login/)
    await shot(page, 'login')
    await submitLogin(page, account.username, 'not-the-password')
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误')
    expect(page.url()).toMatch(/\/login/)
  })

  test('a deep link survives the login: /admin/users → login → /admin/users', async ({
    openAs,
    world,
  }) => {
    const office = await world.user(['office'])
    const page = await openAs(null)
    await page.goto('/admin/users?role=unit')
    await page.waitForURL(/\/login\?redirect=/)
    await login(page, office)
    await page.waitForURL(/\/admin\/users\?role=unit$/)
    await page.getByTestId('users-table').waitFor()
  })

  test('a reload keeps the user signed in (the refresh token lives in this tab)', async ({
    openAs,
    world,
  }) => {
    const leader = await world.user(['leader'])
    const page = await openAs(null)
    await login(page, leader)
    // Leaders land on the dashboard (统计分析); a reload keeps them there, signed in.
    await page.waitForURL(/\/dashboard$/)
    await page.reload()
    await page.getByTestId('nav-menu').waitFor()
    expect(page.url()).toMatch(/\/dashboard$/)
  })
})
