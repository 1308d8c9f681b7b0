import { expect, login, logout, submitLogin, test } from '../fixtures'

test.describe('session', () => {
  test('a user changes their own password and signs in with the new one', async ({
    openAs,
    world,
  }) => {
    const account = await world.user(['unit'], { password: 'Lh#Initial2026' })

    const page = await openAs(null)
    await login(page, account)
    await page.getByTestId('user-menu').click()
    await page.getByTestId('menu-change-password').click()
    await page.getByTestId('cp-current').fill('wrong-password')
    await page.getByTestId('cp-new').fill('Lh#Changed2026')
    await page.getByTestId('cp-confirm').fill('Lh#Changed2026')
    await page.getByTestId('change-password-submit').click()
    // A wrong current password is reported at its field and does not end the session.
    const fieldError = page.locator('[data-testid="change-password-dialog"] .el-form-item__error')
    await fieldError.filter({ hasText: '当前密码不正确' }).waitFor()
    await expect(page.getByTestId('nav-menu')).toHaveCount(1)

    await page.getByTestId('cp-current').fill('Lh#Initial2026')
    await page.getByTestId('change-password-submit').click()
    await page.getByTestId('change-password-dialog').waitFor({ state: 'hidden' })
    await logout(page)

    await submitLogin(page, account.username, 'Lh#Initial2026')
    await page.getByTestId('login-error').waitFor()
    await login(page, { username: account.username, password: 'Lh#Changed2026' })
  })

  test('signing out revokes the session: the back button does not get back in', async ({
    openAs,
    world,
  }) => {
    const page = await openAs(await world.user(['lead_unit']))
    await page.goto('/')
    await page.getByTestId('nav-menu').waitFor()
    await page.goto('/admin/units')
    await page.getByTestId('unit-detail').waitFor()
    await logout(page)
    await page.goBack()
    await page.getByTestId('login-submit').waitFor()
    expect(page.url()).toMatch(/\/login/)
  })
})
