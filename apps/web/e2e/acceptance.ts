/**
 * A problem brought through acceptance to its publicity over the API, for the tests that need a
 * close-out notice on the public board (close-out itself, in the browser, is closeout.spec.ts).
 */
import { withDatabase, type Api, type City, type Versioned, type World } from './fixtures'
import { shanghaiDay } from './ui.mjs'

interface Application extends Versioned {
  criteria: string[]
}

/** Passes the level of `application` awaiting review, every criterion met. */
async function pass(api: Api, application: Application, opinion: string): Promise<Application> {
  return api.call<Application>(
    'POST',
    `/acceptances/${application.id}/reviews`,
    {
      checkDate: shanghaiDay(0),
      checklist: application.criteria.map((criterion) => ({
        criterion,
        met: true,
        note: '现场核查属实',
      })),
      opinion,
      decision: 'pass',
    },
    application.version,
  )
}

/**
 * A public problem of a new city, reported done, accepted at the county level (by a lead-unit
 * account of the county, its rectification office) and the city level, and in publicity from
 * today for `days` working days.
 */
export async function inPublicity(
  world: World,
  title: string,
  days = 5,
): Promise<{ city: City; problem: Versioned & { code: string; title: string } }> {
  const city = await world.city()
  const countyOffice = await world.user(['lead_unit'], { unit: city.county })
  const problem = await world.problemInProgress(city, {
    title,
    deadline: shanghaiDay(60),
    public: true,
  })
  const period = shanghaiDay(0).slice(0, 7)
  for (const [api, body] of [
    [
      city.countyApi,
      { measureId: problem.measure.id, period, done: '措施全部完成。', percent: 100 },
    ],
    [city.leadApi, { period, done: '整改任务全部完成，经监测达标。', percent: 100 }],
  ] as const) {
    const report = await api.call<Versioned>('POST', `/problems/${problem.id}/reports`, body)
    await city.officeApi.call(
      'POST',
      `/reports/${report.id}/review`,
      { decision: 'accept' },
      report.version,
    )
  }
  const current = () => city.officeApi.call<Versioned>('GET', `/problems/${problem.id}`)
  const applied = await city.leadApi.call<Application>(
    'POST',
    `/problems/${problem.id}/acceptances`,
    { selfCheck: '经自查，整改措施已全部落实，问题已消除。' },
    (await current()).version,
  )
  const county = await pass(await world.as(countyOffice), applied, '县级验收合格，同意报市级复核。')
  await pass(city.officeApi, county, '市级复核通过。')
  await city.officeApi.call(
    'POST',
    `/problems/${problem.id}/publicity`,
    {
      notice: `${problem.code} 整改已通过验收，现予公示。如有异议，请于公示期内通过本平台反映。`,
      days,
      startDate: shanghaiDay(0),
    },
    (await current()).version,
  )
  return { city, problem }
}

/** Lets the open publicity of `problem` run out: its dates move back `days` calendar days. */
export async function publicityEnded(problem: Versioned, days = 14): Promise<void> {
  const moved = await withDatabase([
    {
      sql: `update publicities set start_date = start_date - ${days}, end_date = end_date - ${days}
            where problem_id = $1 and status = 'open'`,
      params: [problem.id],
    },
  ])
  if (moved[0] !== 1) throw new Error(`the open publicity of ${problem.id} did not move`)
}
