import { eq } from 'drizzle-orm'
import type { Db } from '../src/db/client.js'
import { problems, progressReports } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'

/** A progress report row of `unit` on `problem` for `period` (the reports module owns the API). */
export async function makeReport(
  db: Db,
  o: {
    problem: { id: string }
    unit: { id: string }
    period: string
    status?: 'submitted' | 'accepted' | 'returned'
  },
) {
  await db.insert(progressReports).values({
    id: uuidv7(),
    problemId: o.problem.id,
    unitId: o.unit.id,
    period: o.period,
    done: '已完成本期整改任务',
    percent: 50,
    status: o.status ?? 'submitted',
  })
}

/** Marks a closed problem as closed not rectified (未整改到位). */
export async function closeNotRectified(db: Db, id: string) {
  await db.update(problems).set({ outcome: 'not_rectified' }).where(eq(problems.id, id))
}

/** Sets a problem's stored light, as the lights refresher would. */
export async function setLight(db: Db, id: string, light: 'green' | 'blue' | 'yellow' | 'red') {
  await db.update(problems).set({ light }).where(eq(problems.id, id))
}
