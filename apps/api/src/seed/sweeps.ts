import { eq } from 'drizzle-orm'
import type { Role } from '@rectify/schemas'
import type { Db, Tx } from '../db/client.js'
import type { FieldCipher } from '../lib/crypto/field-cipher.js'
import { problems, users } from '../db/schema/index.js'
import type { Ctx } from '../lib/context.js'
import { addDays } from '../lib/dates.js'
import { DEFAULT_LIGHT_SETTINGS } from '../modules/problems/index.js'
import { ProblemsService } from '../modules/problems/index.js'
import { SweepsService } from '../modules/sweeps/index.js'

export interface SweepsSeedContext {
  /** The demo office account, which launches the sweep and reports for counties without users. */
  officeId: string
  unit: (code: string) => string
  today: string
  cipher: FieldCipher
}

/** The common demo problem the sweep is launched from. */
const PARENT_TITLE = '主城区建筑工地扬尘管控不严'

/**
 * A demo sweep (举一反三排查), through its service: from the common problem of construction
 * dust in the city centre, across 江东区, 青山县, 平川县 and 临湖县, due in three weeks. 江东区
 * found none (signed statement), 青山县 found two sites (two draft child problems), 平川县 and
 * 临湖县 are still pending — the `county` demo user has one to answer.
 */
export async function seedSweeps(tx: Tx, c: SweepsSeedContext): Promise<{ sweeps: number }> {
  const db = tx as unknown as Db
  const [parent] = await tx
    .select({ id: problems.id })
    .from(problems)
    .where(eq(problems.title, PARENT_TITLE))
  if (!parent) return { sweeps: 0 }
  const [u] = await tx.select().from(users).where(eq(users.id, c.officeId))
  const ctx: Ctx = {
    actor: {
      type: 'user',
      id: u!.id,
      name: u!.username,
      unitId: u!.unitId,
      unitPath: null,
      roles: u!.roles as Role[],
      scopes: [],
      sessionId: null,
      cityWide: true,
    },
    meta: { requestId: null, ip: null, userAgent: 'rectify-cli/seed --demo' },
  }
  const service = new SweepsService(
    db,
    new ProblemsService(db, DEFAULT_LIGHT_SETTINGS, c.cipher),
    DEFAULT_LIGHT_SETTINGS,
  )
  const sweep = await service.launch(ctx, parent.id, {
    title: '全市建筑工地扬尘问题举一反三排查',
    instructions:
      '对照“主城区建筑工地扬尘管控不严”问题，全面排查辖区内在建工地“六个百分之百”落实情况、渣土车带泥上路和裸土覆盖情况。发现问题的逐项报送（问题、地点、整改时限）；未发现问题的，由单位负责人签字说明。',
    unitIds: ['JZ-JD', 'JZ-QS', 'JZ-PC', 'JZ-LH'].map(c.unit),
    dueDate: addDays(c.today, 21),
  })
  await service.report(ctx, sweep.id, {
    unitId: c.unit('JZ-JD'),
    none: true,
    statement:
      '经对全区32个在建工地逐一排查，均已落实“六个百分之百”要求，未发现同类问题。将持续开展日常巡查。',
    signedBy: '江东区住建局 周建国',
  })
  await service.report(ctx, sweep.id, {
    unitId: c.unit('JZ-QS'),
    findings: [
      {
        title: '青山县城南安置房项目工地裸土未覆盖',
        description: '城南安置房二期工地约3000平方米裸土未覆盖，出入口未设置车辆冲洗设施。',
        deadline: addDays(c.today, 45),
      },
      {
        title: '青山县龙潭镇渣土车带泥上路',
        description: '龙潭镇工业园区周边道路渣土车带泥上路，道路积尘明显。',
        deadline: addDays(c.today, 60),
        mode: 'time_bound',
      },
    ],
  })
  return { sweeps: 1 }
}
