import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  accountRoles,
  api,
  apiLogin,
  close,
  confirmBox,
  login,
  logout,
  openPage,
  shot,
  unitByCode,
} from '../harness.mjs'

const stamp = () => Date.now().toString(36).toUpperCase()

describe('administration', () => {
  test('the admin creates a unit and a user, who then signs in', async () => {
    const id = stamp()
    const unitName = `端到端测试局${id}`
    const username = `e2e_${id.toLowerCase()}`
    const page = await openPage()
    await login(page, 'admin')
    await shot(page, 'home-admin')

    await page.goto('/admin/units')
    await page.getByTestId('unit-detail').waitFor()
    assert.match(await page.getByTestId('unit-detail-name').innerText(), /江州市/)
    await page.getByTestId('unit-create-child').click()
    await page.getByTestId('unit-form-code').fill(`E2E-${id}`)
    await page.getByTestId('unit-form-name').fill(unitName)
    await page.getByTestId('unit-form-submit').click()
    await page.getByTestId('unit-detail-name').filter({ hasText: unitName }).waitFor()
    assert.equal(
      await page.getByTestId(`unit-node-E2E-${id}`).count(),
      1,
      'the new unit is in the tree',
    )

    await page.getByTestId('unit-users').click()
    await page.waitForURL(/\/admin\/users\?unit=/)
    await page.getByTestId('user-create').click()
    await page.getByTestId('user-form-username').fill(username)
    await page.getByTestId('user-form-display-name').fill('测试员 赵六')
    await page.getByTestId('user-form-password').fill('Jz#Check2026')
    await shot(page, 'user-create')
    await page.getByTestId('user-form-submit').click()
    await page.getByTestId('user-detail').waitFor()
    assert.match(await page.getByTestId('user-detail').innerText(), new RegExp(unitName))

    await page.goto('/admin/users')
    await page.getByTestId(`user-row-${username}`).waitFor()
    await shot(page, 'users')
    await logout(page)

    await login(page, username, 'Jz#Check2026')
    assert.match(await page.getByTestId('topbar-unit').innerText(), new RegExp(unitName))
    assert.match(await accountRoles(page), /责任单位/)
    await close(page)
  })

  test('a stale rename shows 此记录已被他人修改 and keeps the edit for a second try', async () => {
    const token = await apiLogin('admin')
    const unit = await unitByCode(token, 'JZ-QS')
    const page = await openPage()
    await login(page, 'admin')
    await page.goto(`/admin/units/${unit.id}`)
    await page.getByTestId('unit-detail-name').filter({ hasText: unit.name }).waitFor()
    await page.getByTestId('unit-rename').click()

    // Someone else renames it meanwhile.
    await api(token, 'PATCH', `/units/${unit.id}`, { name: `${unit.name}（他人）` }, unit.version)

    await page.getByTestId('unit-form-name').fill(`${unit.name}（新）`)
    await page.getByTestId('unit-form-submit').click()
    await page
      .getByTestId('stale-alert')
      .filter({ hasText: '此记录已被他人修改，请刷新后重试' })
      .waitFor()
    await shot(page, 'stale')
    await page.getByTestId('stale-reload').click()
    await page.getByTestId('stale-current').filter({ hasText: '（他人）' }).waitFor()
    assert.equal(
      await page.getByTestId('unit-form-name').inputValue(),
      `${unit.name}（新）`,
      'the edit is kept',
    )
    await page.getByTestId('unit-form-name').fill(unit.name)
    await page.getByTestId('unit-form-submit').click()
    await page.getByTestId('unit-edit-dialog').waitFor({ state: 'hidden' })
    const heading = page.getByTestId('unit-detail-name')
    await heading.filter({ hasNotText: '（' }).waitFor()
    assert.match(await heading.innerText(), new RegExp(unit.name))
    await close(page)
  })

  test('an API client shows its secret once, and rotating issues a new one', async () => {
    const name = `省级平台对接${stamp()}`
    const page = await openPage()
    await login(page, 'admin')
    await page.getByTestId('nav-clients').locator('a').click()
    await page.getByTestId('client-create').click()
    await page.getByTestId('client-form-name').fill(name)
    await page.getByTestId('scope-problems:read').click()
    await page.getByTestId('client-form-submit').click()
    await page.getByTestId('client-secret-dialog').waitFor()
    const first = await page.getByTestId('client-secret-value').inputValue()
    assert.ok(first.length >= 16, 'a secret is shown')
    await shot(page, 'client-secret')
    await page.getByTestId('client-secret-done').click()
    await page.getByRole('link', { name }).click()
    await page.getByTestId('client-detail').waitFor()

    await page.getByTestId('client-rotate').click()
    await confirmBox(page)
    await page.getByTestId('client-secret-dialog').waitFor()
    const second = await page.getByTestId('client-secret-value').inputValue()
    assert.notEqual(second, first)
    await close(page)
  })

  test('the office reads the audit log, with before/after and hash in the expanded row', async () => {
    const page = await openPage()
    await login(page, 'office')
    await page.getByTestId('nav-audit').locator('a').click()
    const firstRow = page.locator('[data-testid="audit-table"] .el-table__row').first()
    await firstRow.waitFor()
    // Actions and people in words (issue 16): no dotted code in the action column.
    for (const action of await page.getByTestId('audit-action').allInnerTexts())
      assert.doesNotMatch(action, /^[a-z_]+\.[a-z_.]+$/, action)
    await firstRow.getByRole('button', { name: '展开详情' }).click()
    await page.getByTestId('audit-hash').first().waitFor()
    assert.match(await page.getByTestId('audit-hash').first().innerText(), /^[0-9a-f]{16,}$/i)
    await shot(page, 'audit')
    await close(page)
  })
})
