import type { Unit } from '@rectify/schemas'
import {
  accountRoles,
  confirmBox,
  expect,
  login,
  logout,
  shot,
  test,
  unique,
  type World,
} from '../fixtures'

/** A new administrator of the top unit (where the system's own administrator sits). */
async function newAdmin(world: World) {
  return world.user(['admin'], { unit: await world.topUnit() })
}

test.describe('administration', () => {
  test('the admin creates a unit and a user, who then signs in', async ({ openAs, world }) => {
    const id = unique('')
    const unitName = `端到端测试局${id}`
    const username = `e2e_${id.toLowerCase()}`
    const password = 'Jz#Check2026'
    const top = await world.topUnit()
    const page = await openAs(await newAdmin(world))
    await page.goto('/')
    await page.getByTestId('nav-menu').waitFor()
    await shot(page, 'home-admin')

    // The units page opens on the administrator's own unit, the top of the tree.
    await page.goto('/admin/units')
    await page.getByTestId('unit-detail').waitFor()
    await expect(page.getByTestId('unit-detail-name')).toContainText(top.name)
    await page.getByTestId('unit-create-child').click()
    await page.getByTestId('unit-form-code').fill(`E2E-${id}`)
    await page.getByTestId('unit-form-name').fill(unitName)
    await page.getByTestId('unit-form-submit').click()
    await page.getByTestId('unit-detail-name').filter({ hasText: unitName }).waitFor()
    await expect(
      page.getByTestId(`unit-node-E2E-${id}`),
      'the new unit is in the tree',
    ).toHaveCount(1)

    await page.getByTestId('unit-users').click()
    await page.waitForURL(/\/admin\/users\?unit=/)
    await page.getByTestId('user-create').click()
    await page.getByTestId('user-form-username').fill(username)
    await page.getByTestId('user-form-display-name').fill('测试员 赵六')
    await page.getByTestId('user-form-password').fill(password)
    await shot(page, 'user-create')
    await page.getByTestId('user-form-submit').click()
    await expect(page.getByTestId('user-detail')).toContainText(unitName)

    await page.goto('/admin/users')
    await page.getByTestId(`user-row-${username}`).waitFor()
    await shot(page, 'users')
    await logout(page)

    await login(page, { username, password })
    await expect(page.getByTestId('topbar-unit')).toContainText(unitName)
    expect(await accountRoles(page)).toContain('责任单位')
  })

  test('a stale rename shows 此记录已被他人修改 and keeps the edit for a second try', async ({
    openAs,
    world,
  }) => {
    const unit = await world.unit()
    const page = await openAs(await newAdmin(world))
    await page.goto(`/admin/units/${unit.id}`)
    await page.getByTestId('unit-detail-name').filter({ hasText: unit.name }).waitFor()
    await page.getByTestId('unit-rename').click()

    // Someone else renames it meanwhile.
    await world.admin.call<Unit>(
      'PATCH',
      `/units/${unit.id}`,
      { name: `${unit.name}（他人）` },
      unit.version,
    )

    await page.getByTestId('unit-form-name').fill(`${unit.name}（新）`)
    await page.getByTestId('unit-form-submit').click()
    await page
      .getByTestId('stale-alert')
      .filter({ hasText: '此记录已被他人修改，请刷新后重试' })
      .waitFor()
    await shot(page, 'stale')
    await page.getByTestId('stale-reload').click()
    await page.getByTestId('stale-current').filter({ hasText: '（他人）' }).waitFor()
    await expect(page.getByTestId('unit-form-name'), 'the edit is kept').toHaveValue(
      `${unit.name}（新）`,
    )
    await page.getByTestId('unit-form-name').fill(unit.name)
    await page.getByTestId('unit-form-submit').click()
    await page.getByTestId('unit-edit-dialog').waitFor({ state: 'hidden' })
    const heading = page.getByTestId('unit-detail-name')
    await heading.filter({ hasNotText: '（' }).waitFor()
    await expect(heading).toContainText(unit.name)
    const saved = await world.admin.call<Unit>('GET', `/units/${unit.id}`)
    expect(saved.name, 'the second try is saved').toBe(unit.name)
  })

  test('an API client shows its secret once, and rotating issues a new one', async ({
    openAs,
    world,
  }) => {
    const name = `省级平台对接${unique('')}`
    const page = await openAs(await newAdmin(world))
    await page.goto('/')
    await page.getByTestId('nav-clients').locator('a').click()
    await page.getByTestId('client-create').click()
    await page.getByTestId('client-form-name').fill(name)
    await page.getByTestId('scope-problems:read').click()
    await page.getByTestId('client-form-submit').click()
    await page.getByTestId('client-secret-dialog').waitFor()
    const first = await page.getByTestId('client-secret-value').inputValue()
    expect(first.length, 'a secret is shown').toBeGreaterThanOrEqual(16)
    await shot(page, 'client-secret')
    await page.getByTestId('client-secret-done').click()
    await page.getByRole('link', { name }).click()
    await page.getByTestId('client-detail').waitFor()

    await page.getByTestId('client-rotate').click()
    await confirmBox(page)
    await page.getByTestId('client-secret-dialog').waitFor()
    const second = await page.getByTestId('client-secret-value').inputValue()
    expect(second.length).toBeGreaterThanOrEqual(16)
    expect(second).not.toBe(first)
  })

  test('the office reads the audit log, with before/after and hash in the expanded row', async ({
    openAs,
    world,
  }) => {
    // The office's own writes (its round) are in the log, whatever else is.
    const city = await world.city()
    const page = await openAs(city.office)
    await page.goto('/')
    await page.getByTestId('nav-audit').locator('a').click()
    const firstRow = page.locator('[data-testid="audit-table"] .el-table__row').first()
    await firstRow.waitFor()
    // Actions and people in words (issue 16): no dotted code in the action column.
    const actions = await page.getByTestId('audit-action').allInnerTexts()
    expect(actions.length).toBeGreaterThan(0)
    for (const action of actions) expect(action).not.toMatch(/^[a-z_]+\.[a-z_.]+$/)
    await firstRow.getByRole('button', { name: '展开详情' }).click()
    await expect(page.getByTestId('audit-hash').first()).toHaveText(/^[0-9a-f]{16,}$/i)
    await shot(page, 'audit')
  })
})
