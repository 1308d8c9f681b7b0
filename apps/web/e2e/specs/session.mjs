import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  api,
  apiLogin,
  close,
  login,
  logout,
  openPage,
  submitLogin,
  unitByCode,
} from '../harness.mjs'

describe('session', () => {
  test('a user changes their own password and signs in with the new one', async () => {
    const token = await apiLogin('admin')
    const unit = await unitByCode(token, 'JZ-LH')
    const username = `e2e_pw_${Date.now().toString(36)}`
    await api(token, 'POST', '/users', {
      username,
      displayName: '临湖县 测试',
      unitId: unit.id,
      roles: ['unit'],
      password: 'Lh#Initial2026',
    })

    const page = await openPage()
    await login(page, username, 'Lh#Initial2026')
    await page.getByTestId('user-menu').click()
    await page.getByTestId('menu-change-password').click()
    await page.getByTestId('cp-current').fill('wrong-password')
    await page.getByTestId('cp-new').fill('Lh#Changed2026')
    await page.getByTestId('cp-confirm').fill('Lh#Changed2026')
    await page.getByTestId('change-password-submit').click()
    // A wrong current password is reported at its field and does not end the session.
    const fieldError = page.locator('[data-testid="change-password-dialog"] .el-form-item__error')
    await fieldError.filter({ hasText: '当前密码不正确' }).waitFor()
    assert.equal(await page.getByTestId('nav-menu').count(), 1)

    await page.getByTestId('cp-current').fill('Lh#Initial2026')
    await page.getByTestId('change-password-submit').click()
    await page.getByTestId('change-password-dialog').waitFor({ state: 'hidden' })
    await logout(page)

    await submitLogin(page, username, 'Lh#Initial2026')
    await page.getByTestId('login-error').waitFor()
    await login(page, username, 'Lh#Changed2026')
    await close(page)
  })

  test('signing out revokes the session: the back button does not get back in', async () => {
    const page = await openPage()
    await login(page, 'eco')
    await page.goto('/admin/units')
    await page.getByTestId('unit-detail').waitFor()
    await logout(page)
    await page.goBack()
    await page.getByTestId('login-submit').waitFor()
    assert.match(page.url(), /\/login/)
    await close(page)
  })
})
