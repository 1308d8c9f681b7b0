import type { Role, UnitKind } from '@rectify/schemas'
import { accountRoles, expect, shot, test } from '../fixtures'

/** What an account of each role must and must not find in the left menu. */
const ROLES: { role: Role; kind: UnitKind; label: string; see: string[]; hide: string[] }[] = [
  {
    role: 'admin',
    kind: 'city',
    label: '系统管理员',
    see: ['units', 'users', 'clients'],
    hide: ['audit'],
  },
  {
    role: 'office',
    kind: 'department',
    label: '整改办',
    see: ['units', 'users', 'audit'],
    hide: ['clients'],
  },
  {
    role: 'lead_unit',
    kind: 'department',
    label: '牵头单位',
    see: ['units'],
    hide: ['users', 'clients', 'audit'],
  },
  {
    role: 'unit',
    kind: 'county',
    label: '责任单位',
    see: ['units'],
    hide: ['users', 'clients', 'audit'],
  },
  {
    role: 'leader',
    kind: 'city',
    label: '市领导',
    see: ['units', 'users'],
    hide: ['clients', 'audit'],
  },
  {
    role: 'auditor',
    kind: 'department',
    label: '纪检审计',
    see: ['units', 'users', 'audit'],
    hide: ['clients'],
  },
]

test.describe('navigation by role', () => {
  for (const expected of ROLES) {
    test(`${expected.role} sees ${expected.see.join(', ')} and not ${expected.hide.join(', ')}`, async ({
      openAs,
      world,
    }) => {
      const unit = await world.unit({ kind: expected.kind })
      const account = await world.user([expected.role], { unit })
      // A unit beside the account's own: city-wide roles see it, a unit's staff do not.
      const other = await world.unit({ kind: 'department' })
      const page = await openAs(account)
      // Leaders land on the dashboard at sign-in (signin.spec.ts); anyone may open the home.
      await page.goto(expected.role === 'leader' ? '/dashboard' : '/')
      await expect(page.getByTestId('topbar-unit')).toContainText(unit.name)
      expect(await accountRoles(page)).toContain(expected.label)
      await expect(page.getByTestId('nav-home')).toHaveCount(1)
      if (expected.role !== 'leader') {
        // Working roles' homes show their work only: no account block, no "coming soon" note.
        await page.getByTestId('home').waitFor()
        await expect(page.getByText('正在陆续上线')).toHaveCount(0)
        await expect(page.getByTestId('home-account')).toHaveCount(0)
        await expect(page.getByTestId('home-shortcuts')).toHaveCount(
          expected.role === 'admin' ? 1 : 0,
        )
      }
      for (const item of expected.see) {
        await expect(page.getByTestId(`nav-${item}`), `${expected.role} sees ${item}`).toHaveCount(
          1,
        )
      }
      for (const item of expected.hide) {
        await expect(page.getByTestId(`nav-${item}`), `${expected.role} lacks ${item}`).toHaveCount(
          0,
        )
      }

      // Units are readable by all, writable by the administrator only.
      await page.getByTestId('nav-units').locator('a').click()
      await page.getByTestId('unit-detail').waitFor()
      await expect(page.getByTestId('unit-create-child')).toHaveCount(
        expected.role === 'admin' ? 1 : 0,
      )
      if (expected.role === 'unit') {
        // A unit's staff see their own subtree only.
        await expect(page.getByTestId(`unit-node-${unit.code}`)).toHaveCount(1)
        await expect(
          page.getByTestId(`unit-node-${other.code}`),
          'a unit does not see its neighbours',
        ).toHaveCount(0)
        await shot(page, 'units-county')
      }
      if (expected.role === 'admin') {
        await expect(page.getByTestId(`unit-node-${other.code}`)).toHaveCount(1)
        await shot(page, 'units')
      }
    })
  }

  test('a role without the right is sent home from a typed URL', async ({ openAs, world }) => {
    const page = await openAs(await world.user(['unit']))
    await page.goto('/admin/clients')
    await page.getByTestId('home').waitFor()
    expect(page.url()).not.toMatch(/clients/)
  })

  test('read-only roles see no write buttons on users', async ({ openAs, world }) => {
    const someone = await world.user(['unit'])
    const page = await openAs(await world.user(['auditor']))
    await page.goto(`/admin/users?q=${someone.username}`)
    await page.getByTestId(`user-row-${someone.username}`).waitFor()
    await expect(page.getByTestId('user-create')).toHaveCount(0)
    await expect(page.getByTestId(`user-toggle-${someone.username}`)).toHaveCount(0)
  })
})
