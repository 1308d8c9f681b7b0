import { Readable } from 'node:stream'
import { eq, ilike, or } from 'drizzle-orm'
import type { CreateInstitutionBody, Role } from '@rectify/schemas'
import type { Db, Tx } from '../db/client.js'
import { files, problems, units, users } from '../db/schema/index.js'
import { isCityWide, type Ctx } from '../lib/context.js'
import { addDays } from '../lib/dates.js'
import { uuidv7 } from '../lib/ids.js'
import type { FileStore } from '../modules/files/index.js'
import { InstitutionsService } from '../modules/institutions/index.js'
import { demoPdf } from './evidence.js'

export interface InstitutionsSeedContext {
  /** The demo office account, which records most institutions. */
  officeId: string
  /** The demo lead unit (市生态环境局), which records its own. */
  ecoId: string
  unit: (code: string) => string
  today: string
  /** Where the one demo document goes; no file without it. */
  store?: FileStore | null
}

/** A demo user as the services see them (unit path and city-wide flag from the tables). */
async function userCtx(tx: Tx, userId: string): Promise<Ctx> {
  const [u] = await tx
    .select({ user: users, path: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
  const roles = u!.user.roles as Role[]
  const cityWide = isCityWide(roles)
  return {
    actor: {
      type: 'user',
      id: u!.user.id,
      name: u!.user.displayName,
      unitId: u!.user.unitId,
      unitPath: cityWide ? null : u!.path,
      roles,
      scopes: [],
      sessionId: null,
      cityWide,
    },
    meta: { requestId: null, ip: null, userAgent: 'rectify-cli/seed --demo' },
  }
}

/** Demo problems whose title contains any of the words. */
async function problemsAbout(tx: Tx, ...words: string[]): Promise<string[]> {
  const rows = await tx
    .select({ id: problems.id })
    .from(problems)
    .where(or(...words.map((w) => ilike(problems.title, `%${w}%`))))
  return rows.map((r) => r.id)
}

/** An uploaded, still unattached PDF of `userId` (the service attaches it). */
async function document(tx: Tx, store: FileStore, userId: string, name: string): Promise<string> {
  const stored = await store.put(Readable.from([demoPdf('Linhu river chief patrol mechanism')]))
  const id = uuidv7()
  await tx.insert(files).values({
    id,
    name,
    size: stored.size,
    mimeType: 'application/pdf',
    sha256: stored.sha256,
    storageKey: stored.key,
    uploadedBy: userId,
  })
  return id
}

/**
 * Demo institutions (建章立制), through the service: rules, mechanisms, standards and plans issued
 * by city departments and counties, linked to the demo problems they answer; four public (the
 * board names only their public problems), one recorded by the lead unit 市生态环境局, and the
 * river-chief mechanism with its document.
 */
export async function seedInstitutions(tx: Tx, c: InstitutionsSeedContext): Promise<number> {
  const service = new InstitutionsService(tx as unknown as Db)
  const office = await userCtx(tx, c.officeId)
  const eco = await userCtx(tx, c.ecoId)
  const day = (n: number) => addDays(c.today, -n)
  const records: [Ctx, CreateInstitutionBody][] = [
    [
      office,
      {
        title: '《江州市城区餐饮油烟治理长效管理办法》',
        kind: 'regulation',
        docNumber: '江政办〔2026〕8号',
        issuingUnitId: c.unit('JZ-URB'),
        issuedOn: day(75),
        summary:
          '明确餐饮服务单位安装油烟净化设施并每季度清洗的义务，城管、市场监管、生态环境部门按职责联合巡查，对油烟直排实行“首次警告、再次处罚、屡查屡犯停业整顿”。',
        public: true,
        problemIds: await problemsAbout(tx, '油烟'),
      },
    ],
    [
      office,
      {
        title: '《临湖县河长制巡河工作机制》',
        kind: 'mechanism',
        docNumber: '临河长办〔2026〕2号',
        issuingUnitId: c.unit('JZ-LH'),
        issuedOn: day(60),
        summary:
          '县级河长每月、乡级河长每旬、村级河长每周巡河，巡河发现的排污口、“四乱”问题当日录入台账，五个工作日内交办，整改情况纳入年度考核。',
        public: true,
        problemIds: await problemsAbout(tx, '清四乱', '临湖县城市污水处理厂'),
        ...(c.store
          ? { fileIds: [await document(tx, c.store, c.officeId, '临湖县河长制巡河工作机制.pdf')] }
          : {}),
      },
    ],
    [
      office,
      {
        title: '《江州市建筑工地扬尘管控标准（试行）》',
        kind: 'standard',
        docNumber: '江建发〔2026〕15号',
        issuingUnitId: c.unit('JZ-HUD'),
        issuedOn: day(48),
        summary:
          '在建工地全面落实“六个百分之百”，5000平方米以上工地安装扬尘在线监测和视频监控并与住建部门联网，渣土车密闭运输、出场冲洗。',
        public: true,
        problemIds: await problemsAbout(tx, '扬尘'),
      },
    ],
    [
      office,
      {
        title: '《江东区黑臭水体长效管护办法》',
        kind: 'regulation',
        docNumber: '江东政办〔2026〕3号',
        issuingUnitId: c.unit('JZ-JD'),
        issuedOn: day(40),
        summary:
          '已整治水体实行“一河一策”长效管护，汛前排查截污管网错接混接，每月监测透明度、溶解氧和氨氮，返黑返臭的启动问责。',
        public: true,
        problemIds: await problemsAbout(tx, '黑臭水体'),
      },
    ],
    [
      office,
      {
        title: '《江州市秸秆综合利用和禁烧工作方案（2026—2028年）》',
        kind: 'plan',
        docNumber: '江农发〔2026〕6号',
        issuingUnitId: c.unit('JZ-AGR'),
        issuedOn: day(30),
        summary:
          '到2028年秸秆综合利用率达到95%以上；秋收期间实行网格化禁烧巡查和卫星火点通报，火点所在乡镇约谈。',
        problemIds: await problemsAbout(tx, '秸秆'),
      },
    ],
    [
      eco,
      {
        title: '《化工园区挥发性有机物治理联合执法机制》',
        kind: 'mechanism',
        docNumber: '江环发〔2026〕21号',
        issuingUnitId: c.unit('JZ-EEB'),
        issuedOn: day(20),
        summary:
          '生态环境、应急管理、工信部门每季度联合检查园区企业VOCs收集和治理设施，活性炭更换记录纳入排污许可执行报告。',
        problemIds: await problemsAbout(tx, 'VOCs'),
      },
    ],
    [
      office,
      {
        title: '关于建立督察整改“回头看”常态化机制的通知',
        kind: 'document',
        docNumber: '江整改办〔2026〕4号',
        issuingUnitId: c.unit('JZ-OFFICE'),
        issuedOn: day(10),
        summary:
          '已销号问题在销号后3个月、12个月各开展一次“回头看”，发现反弹的重新挂账整改，并追究相关单位责任。',
        problemIds: await problemsAbout(tx, '渗滤液', '危险废物'),
      },
    ],
  ]
  for (const [ctx, body] of records) await service.create(ctx, body)
  return records.length
}
