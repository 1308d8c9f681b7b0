import type { FieldCipher } from '../lib/crypto/field-cipher.js'
import { count } from 'drizzle-orm'
import type { Role } from '@rectify/schemas'
import type { Config } from '../config.js'
import type { Database, Db } from '../db/client.js'
import { problems, units, users } from '../db/schema/index.js'
import { cliContext } from '../lib/context.js'
import { uuidv7 } from '../lib/ids.js'
import { recordAudit } from '../modules/audit/index.js'
import { hashPassword } from '../modules/auth/index.js'
import { fileStoreFor, type FileStore } from '../modules/files/index.js'
import { shanghaiDate } from '../lib/dates.js'
import { seedDemoLedger } from './ledger.js'
import { seedAcceptance } from './acceptance.js'
import { seedPublicReports } from './public-reports.js'
import { seedReminders } from './reminders.js'
import { seedNotices } from './notices.js'
import { seedInspections } from './inspections.js'
import { seedDispatch } from './dispatch.js'
import { seedWebhooks } from './webhooks.js'
import { seedSweeps } from './sweeps.js'
import { seedPetitions } from './petitions.js'
import { seedInstitutions } from './institutions.js'

/** The password of every demo account. Demo only: README says so; change it on a real system. */
export const DEMO_PASSWORD = 'Rectify@2026'

type Kind = 'city' | 'department' | 'county' | 'township' | 'other'
interface UnitSeed {
  code: string
  name: string
  kind: Kind
  children?: UnitSeed[]
}

const county = (code: string, name: string, towns: string[]): UnitSeed => ({
  code,
  name,
  kind: 'county',
  children: towns.map((t, i) => ({ code: `${code}-T${i + 1}`, name: t, kind: 'township' })),
})

/** 江州市 (a fictional prefecture-level city): its departments, counties and townships. */
export const DEMO_CITY: UnitSeed = {
  code: 'JZ',
  name: '江州市',
  kind: 'city',
  children: [
    { code: 'JZ-OFFICE', name: '市生态环境保护督察整改工作领导小组办公室', kind: 'department' },
    { code: 'JZ-EEB', name: '市生态环境局', kind: 'department' },
    { code: 'JZ-HUD', name: '市住建局', kind: 'department' },
    { code: 'JZ-WRB', name: '市水利局', kind: 'department' },
    { code: 'JZ-AGR', name: '市农业农村局', kind: 'department' },
    { code: 'JZ-NRB', name: '市自然资源局', kind: 'department' },
    { code: 'JZ-MIIT', name: '市工信局', kind: 'department' },
    { code: 'JZ-URB', name: '市城管局', kind: 'department' },
    { code: 'JZ-CDI', name: '市纪委监委', kind: 'department' },
    county('JZ-JD', '江东区', ['东湖街道', '临江街道', '白沙镇']),
    county('JZ-JX', '江西区', ['西城街道', '河口镇']),
    county('JZ-LH', '临湖县', ['城关镇', '湖滨镇', '青石乡']),
    county('JZ-QS', '青山县', ['青山镇', '龙潭镇']),
    county('JZ-PC', '平川县', ['平川镇', '桥头镇', '柳林乡']),
    county('JZ-YX', '云溪县', ['云溪镇', '石门乡']),
  ],
}

/** One account per role, as the README lists them. */
export const DEMO_USERS: { username: string; displayName: string; unit: string; roles: Role[] }[] =
  [
    { username: 'admin', displayName: '系统管理员', unit: 'JZ', roles: ['admin'] },
    { username: 'office', displayName: '整改办 王敏', unit: 'JZ-OFFICE', roles: ['office'] },
    { username: 'eco', displayName: '市生态环境局 李强', unit: 'JZ-EEB', roles: ['lead_unit'] },
    { username: 'county', displayName: '临湖县 张伟', unit: 'JZ-LH', roles: ['unit'] },
    // The county's rectification office: leads the county's own problems and does the county
    // level of acceptance (县级验收) for problems in 临湖县 led by city departments.
    { username: 'lhoffice', displayName: '临湖县整改办 赵磊', unit: 'JZ-LH', roles: ['lead_unit'] },
    { username: 'leader', displayName: '市领导 陈刚', unit: 'JZ', roles: ['leader'] },
    { username: 'auditor', displayName: '市纪委监委 刘洋', unit: 'JZ-CDI', roles: ['auditor'] },
  ]

/** True when the database holds no units yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(units)
  return (row?.n ?? 0) === 0
}

/**
 * Creates the demo city and its accounts in one transaction, audited as the CLI. Refuses a
 * database that already has units.
 */
export async function seedDemo(
  db: Db,
  store: FileStore | null,
  cipher: FieldCipher,
): Promise<{ units: number; users: number; problems: number; reports: number; files: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const ctx = cliContext('seed --demo')
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ n: count() }).from(units)
    if ((row?.n ?? 0) > 0)
      throw new Error('The database already has units; seed --demo needs an empty database')
    const ids = new Map<string, string>()
    const rows: (typeof units.$inferInsert)[] = []
    const walk = (u: UnitSeed, parentId: string | null, parentPath: string) => {
      const id = uuidv7()
      const path = `${parentPath}${id}/`
      ids.set(u.code, id)
      rows.push({ id, code: u.code, name: u.name, kind: u.kind, parentId, path })
      u.children?.forEach((c) => walk(c, id, path))
    }
    walk(DEMO_CITY, null, '/')
    await tx.insert(units).values(rows)
    const now = new Date()
    const userRows = DEMO_USERS.map((u) => ({
      id: uuidv7(),
      username: u.username,
      displayName: u.displayName,
      unitId: ids.get(u.unit)!,
      roles: u.roles,
      passwordHash,
      passwordChangedAt: now,
    }))
    await tx.insert(users).values(userRows)
    const userId = (name: string) => userRows.find((u) => u.username === name)!.id
    const ledger = await seedDemoLedger(tx, {
      cipher,
      unit: (code) => ids.get(code) ?? fail(`demo unit ${code}`),
      users: { office: userId('office'), eco: userId('eco'), county: userId('county') },
      store,
      today: shanghaiDate(),
    })
    const closeout = await seedAcceptance(tx, {
      cipher,
      unit: (code) => ids.get(code)!,
      users: { office: userId('office'), eco: userId('eco'), county: userId('county') },
      store,
      today: shanghaiDate(),
    })
    // After the acceptance seed: it opens the notice the demo objection is filed against.
    const reports = await seedPublicReports(tx, {
      cipher,
      office: { id: userId('office'), name: '整改办 王敏', unitId: ids.get('JZ-OFFICE')! },
    })
    await seedWebhooks(tx)
    await seedDispatch(tx, {
      office: { id: userId('office'), name: '整改办 王敏', unitId: ids.get('JZ-OFFICE')! },
      today: shanghaiDate(),
    })
    await seedInspections(tx, {
      cipher,
      officeId: userId('office'),
      unit: (code) => ids.get(code)!,
      today: shanghaiDate(),
    })
    await seedNotices(tx, {
      officeId: userId('office'),
      countyId: userId('county'),
      unit: (code) => ids.get(code)!,
      today: shanghaiDate(),
    })
    await seedReminders(tx, {
      unit: (code) => ids.get(code)!,
      users: { county: userId('county'), lhoffice: userId('lhoffice'), office: userId('office') },
      today: shanghaiDate(),
    })
    await seedSweeps(tx, {
      cipher,
      officeId: userId('office'),
      unit: (code) => ids.get(code)!,
      today: shanghaiDate(),
    })
    await seedPetitions(tx, {
      cipher,
      officeId: userId('office'),
      countyId: userId('county'),
      unit: (code) => ids.get(code)!,
      today: shanghaiDate(),
    })
    await seedInstitutions(tx, {
      officeId: userId('office'),
      ecoId: userId('eco'),
      unit: (code) => ids.get(code)!,
      today: shanghaiDate(),
      store,
    })
    // The acceptance seed adds problems of its own: count what is there.
    const [all] = await tx.select({ n: count() }).from(problems)
    const totals = { problems: all?.n ?? 0 }
    await recordAudit(tx, ctx, {
      action: 'seed.demo',
      entityType: 'database',
      unitId: null,
      after: {
        units: rows.length,
        users: userRows.map((u) => u.username),
        ...ledger,
        ...totals,
        ...closeout,
        ...reports,
      },
    })
    return { units: rows.length, users: userRows.length, ...ledger, ...totals }
  })
}

/** At start: `auto` seeds an empty embedded database, `always` any empty one, `never` none. */
function fail(what: string): never {
  throw new Error(`Missing ${what}`)
}

export async function seedDemoIfWanted(
  database: Database,
  config: Config,
  cipher: FieldCipher,
): Promise<void> {
  if (config.SEED_DEMO === 'never') return
  if (config.SEED_DEMO === 'auto' && database.kind !== 'pglite') return
  if (!(await isEmpty(database.db))) return
  const r = await seedDemo(database.db, fileStoreFor(config), cipher)
  console.log(
    `Seeded the demo city: ${r.units} units, ${r.users} accounts (password ${DEMO_PASSWORD}, demo only), ${r.problems} problems, ${r.reports} reports, ${r.files} evidence files`,
  )
}
