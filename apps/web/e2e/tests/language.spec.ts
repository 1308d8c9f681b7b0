import { expect, shot, test } from '../fixtures'

test.describe('language', () => {
  test('the switch turns the UI into English, survives a reload, and back to Chinese', async ({
    openAs,
    world,
  }) => {
    const page = await openAs(await world.user(['admin']))
    await page.goto('/')
    await expect(page.getByTestId('nav-home')).toHaveText('工作台')

    await page.getByTestId('lang-switch').click()
    await page.getByTestId('lang-option-en').click()
    await page.getByTestId('nav-home').filter({ hasText: 'Workbench' }).waitFor()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.goto('/admin/users')
    await page.getByTestId('page-title').filter({ hasText: 'Users' }).waitFor()
    await page.reload()
    await page.getByTestId('page-title').filter({ hasText: 'Users' }).waitFor()
    await shot(page, 'users-en')

    await page.getByTestId('lang-switch').click()
    await page.getByTestId('lang-option-zh-CN').click()
    await page.getByTestId('page-title').filter({ hasText: '用户管理' }).waitFor()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  })
})
