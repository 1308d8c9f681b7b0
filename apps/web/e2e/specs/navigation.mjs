import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { accountRoles, close, login, openPage, shot } from '../harness.mjs'

/** What each demo account must and must not find in the left menu. */
const ROLES = {
  admin: {
    unit: '江州市',
    role: '系统管理员',
    see: ['units', 'users', 'clients'],
    hide: ['audit'],
  },
  office: {
    unit: '督察整改工作领导小组办公室',
    role: '整改办',
    see: ['units', 'users', 'audit'],
    hide: ['clients'],
  },
  eco: {
    unit: '市生态环境局',
    role: '牵头单位',
    see: ['units'],
    hide: ['users', 'clients', 'audit'],
  },
  county: { unit: '临湖县', role: '责任单位', see: ['units'], hide: ['users', 'clients', 'audit'] },
  leader: { unit: '江州市', role: '市领导', see: ['units', 'users'], hide: ['clients', 'audit'] },
  auditor: {
    unit: '市纪委监委',
    role: '纪检审计',
    see: ['units', 'users', 'audit'],
    hide: ['clients'],
  },
}

describe('navigation by role', () => {
  for (const [username, expected] of Object.entries(ROLES)) {
    test(`${username} sees ${expected.see.join(', ')} and not ${expected.hide.join(', ')}`, async () => {
      const page = await openPage()
      await login(page, username)
      if (username === 'leader') {
        // Leaders land on the dashboard; their account details are under the user menu anywhere.
        await page.waitForURL(/\/dashboard$/)
      }
      assert.match(await page.getByTestId('topbar-unit').innerText(), new RegExp(expected.unit))
      assert.match(await accountRoles(page), new RegExp(expected.role))
      assert.equal(await page.getByTestId('nav-home').count(), 1)
      if (username !== 'leader') {
        // Working roles' homes show their work only: no account block, no "coming soon" note.
        await page.getByTestId('home').waitFor()
        assert.equal(await page.getByText('正在陆续上线').count(), 0)
        assert.equal(await page.getByTestId('home-account').count(), 0)
        assert.equal(await page.getByTestId('home-shortcuts').count(), username === 'admin' ? 1 : 0)
      }
      for (const item of expected.see) {
        assert.equal(await page.getByTestId(`nav-${item}`).count(), 1, `${username} sees ${item}`)
      }
      for (const item of expected.hide) {
        assert.equal(await page.getByTestId(`nav-${item}`).count(), 0, `${username} lacks ${item}`)
      }

      // Units are readable by all, writable by the administrator only.
      await page.getByTestId('nav-units').locator('a').click()
      await page.getByTestId('unit-detail').waitFor()
      assert.equal(
        await page.getByTestId('unit-create-child').count(),
        username === 'admin' ? 1 : 0,
      )
      if (username === 'county') {
        // A county's staff see their own subtree only.
        assert.equal(
          await page.getByTestId('unit-node-JZ-EEB').count(),
          0,
          'county does not see 市生态环境局',
        )
        await shot(page, 'units-county')
      }
      if (username === 'admin') await shot(page, 'units')
      await close(page)
    })
  }

  test('a role without the right is sent home from a typed URL', async () => {
    const page = await openPage()
    await login(page, 'county')
    await page.goto('/admin/clients')
    await page.getByTestId('home').waitFor()
    assert.doesNotMatch(page.url(), /clients/)
    await close(page)
  })

  test('read-only roles see no write buttons on users', async () => {
    const page = await openPage()
    await login(page, 'auditor')
    await page.goto('/admin/users')
    await page.getByTestId('user-row-county').waitFor()
    assert.equal(await page.getByTestId('user-create').count(), 0)
    assert.equal(await page.getByTestId('user-toggle-county').count(), 0)
    await close(page)
  })
})
