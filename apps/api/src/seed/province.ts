import { sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { problemUnits, problems, rounds, units } from '../db/schema/index.js'
import { addDays, shanghaiDate } from '../lib/dates.js'
import { uuidv7 } from '../lib/ids.js'
import { searchTokens } from '../lib/search.js'
import { rollupMergeJob } from '../modules/dashboard/index.js'
import { DEFAULT_LIGHT_SETTINGS } from '../modules/problems/index.js'
import { refreshStaleLights } from '../modules/problems/index.js'
import { DEMO_PROBLEMS } from './ledger-data.js'

/**
 * `seed --profile province`: a province-sized data set for benchmarks — by default 50,000
 * problems, 250,000 measures and 1,000,000 progress reports across 11 cities — built in batches
 * (problems, with their search tokens, from the app) and set-based SQL (measures, reports), with
 * progress reported per phase. Deterministic for a given size. Its units, status mix and texts
 * are exported for the Redmine baseline's seed (bench/redmine-seed.ts).
 */
export interface ProvinceOptions {
  problems: number
  measuresPerProblem: number
  reportsPerMeasure: number
  onProgress?: (phase: string, done: number, total: number) => void
}

export const PROVINCE_DEFAULTS = {
  problems: 50_000,
  measuresPerProblem: 5,
  reportsPerMeasure: 4,
} as const

export const CITIES = [
  '洪州',
  '浔阳',
  '章江',
  '袁州',
  '吉州',
  '临川',
  '饶州',
  '信州',
  '虔州',
  '抚州',
  '瑞州',
]
export const DEPTS = [
  '生态环境局',
  '住建局',
  '水利局',
  '农业农村局',
  '自然资源局',
  '工信局',
  '城管局',
  '林业局',
]
export const COUNTY_SUFFIX = ['东区', '西区', '南县', '北县', '新县', '山县', '湖县', '河县']
export const STATUSES = [
  'draft',
  'plan_review',
  'in_progress',
  'in_progress',
  'in_progress',
  'in_progress',
  'in_progress',
  'in_progress',
  'acceptance',
  'publicity',
]
const SOURCES = [
  'feedback',
  'feedback',
  'feedback',
  'petition',
  'petition',
  'self_check',
  'sweep',
  'inspection',
  'public_report',
]

/** A small seeded PRNG (mulberry32), so the same size gives the same data. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export async function seedProvince(database: Database, opts: ProvinceOptions) {
  const { db } = database
  const progress = opts.onProgress ?? (() => {})
  const rand = prng(20_261_128)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
  const today = shanghaiDate()

  // Units: the province, its cities, and each city's departments and counties.
  const provinceId = uuidv7()
  const unitRows: (typeof units.$inferInsert)[] = [
    {
      id: provinceId,
      code: 'PROV',
      name: '江南省',
      kind: 'other',
      parentId: null,
      path: `/${provinceId}/`,
    },
  ]
  const cities: { id: string; depts: string[]; counties: string[] }[] = []
  for (const [ci, name] of CITIES.entries()) {
    const id = uuidv7()
    const path = `/${provinceId}/${id}/`
    unitRows.push({
      id,
      code: `P${ci}`,
      name: `${name}市`,
      kind: 'city',
      parentId: provinceId,
      path,
    })
    const city = { id, depts: [] as string[], counties: [] as string[] }
    DEPTS.forEach((d, k) => {
      const uid = uuidv7()
      unitRows.push({
        id: uid,
        code: `P${ci}-D${k}`,
        name: `${name}市${d}`,
        kind: 'department',
        parentId: id,
        path: `${path}${uid}/`,
      })
      city.depts.push(uid)
    })
    COUNTY_SUFFIX.forEach((s, k) => {
      const uid = uuidv7()
      unitRows.push({
        id: uid,
        code: `P${ci}-C${k}`,
        name: `${name}${s}`,
        kind: 'county',
        parentId: id,
        path: `${path}${uid}/`,
      })
      city.counties.push(uid)
    })
    cities.push(city)
  }
  await db.insert(units).values(unitRows)
  progress('units', unitRows.length, unitRows.length)

  const roundIds = [uuidv7(), uuidv7()]
  await db.insert(rounds).values([
    {
      id: roundIds[0]!,
      name: '第二轮中央生态环境保护督察（省级汇总）',
      kind: 'central',
      settings: { acceptanceLevels: ['county', 'city'], publicityDays: 5 },
    },
    {
      id: roundIds[1]!,
      name: '省级生态环境保护督察（省级汇总）',
      kind: 'provincial',
      settings: { acceptanceLevels: ['city'], publicityDays: 5 },
    },
  ])

  // Problems, in batches: their search tokens come from the app's tokenizer.
  const BATCH = 1000
  for (let done = 0; done < opts.problems; done += BATCH) {
    const rows: (typeof problems.$inferInsert)[] = []
    const links: (typeof problemUnits.$inferInsert)[] = []
    for (let i = done; i < Math.min(opts.problems, done + BATCH); i++) {
      const city = cities[i % cities.length]!
      const cityName = CITIES[i % cities.length]!
      const t = DEMO_PROBLEMS[Math.floor(rand() * DEMO_PROBLEMS.length)]!
      const county = pick(city.counties)
      const lead = pick(city.depts)
      const co = pick(city.depts)
      const code = `${cityName}-${String(i + 1).padStart(6, '0')}`
      const title = `${cityName}市${t.title}`
      const id = uuidv7()
      rows.push({
        id,
        roundId: roundIds[i % 7 === 0 ? 1 : 0]!,
        code,
        title,
        description: t.description,
        source: pick(SOURCES),
        nature: rand() < 0.2 ? 'common' : 'individual',
        domain: t.domain,
        regionId: county,
        mode: rand() < 0.1 ? 'immediate' : rand() < 0.1 ? 'long_term' : 'time_bound',
        target: '按期完成整改并通过验收',
        deadline: addDays(today, Math.floor(rand() * 840) - 120),
        leadLeader: { name: '副市长', post: `${cityName}市人民政府` },
        leadUnitId: lead,
        responsiblePersons: [],
        public: rand() < 0.6,
        status: pick(STATUSES),
        searchTokens: searchTokens(code, title, t.description),
      })
      links.push(
        { problemId: id, unitId: lead, role: 'lead' },
        { problemId: id, unitId: county, role: 'region' },
      )
      if (co !== lead) links.push({ problemId: id, unitId: co, role: 'co' })
    }
    await db.insert(problems).values(rows)
    await db.insert(problemUnits).values(links).onConflictDoNothing()
    progress('problems', Math.min(opts.problems, done + BATCH), opts.problems)
  }

  // Measures: set-based, one statement per measure number.
  const scope = sql`p.round_id in (${sql.join(
    roundIds.map((r) => sql`${r}::uuid`),
    sql`, `,
  )})`
  for (let k = 1; k <= opts.measuresPerProblem; k++) {
    await db.execute(sql`
      insert into measures (id, problem_id, seq, content, unit_id, person_name, start_date, deadline, weight, status, percent)
      select gen_random_uuid(), p.id, ${k}, '整改措施' || ${k} || '：' || left(p.title, 30), p.lead_unit_id, '',
             p.deadline - 300, p.deadline, 1,
             case when p.status in ('acceptance','publicity') then 'done' when p.status = 'in_progress' then 'in_progress' else 'pending' end,
             case when p.status in ('acceptance','publicity') then 100 when p.status = 'in_progress' then floor(random() * 100) else 0 end
        from problems p where ${scope}`)
    progress('measures', k * opts.problems, opts.measuresPerProblem * opts.problems)
  }

  // Reports: problems × measures × reportsPerMeasure of them (1,000,000 by default), spread over
  // the measures of problems past their draft (a draft reports nothing): every such measure gets
  // `per` monthly reports back from now, the first `extra` of them one more. Set-based.
  const target = opts.problems * opts.measuresPerProblem * opts.reportsPerMeasure
  const reporting = sql`(select m.*, p.region_id, row_number() over (order by m.id) as rn
      from measures m join problems p on p.id = m.problem_id
     where ${scope} and p.status <> 'draft')`
  const [row] = await database.query<{ n: string }>(
    `select count(*) as n from measures m join problems p on p.id = m.problem_id
      where p.round_id = any($1::uuid[]) and p.status <> 'draft'`,
    [roundIds],
  )
  const measureCount = Number(row?.n ?? 0)
  const per = measureCount ? Math.floor(target / measureCount) : 0
  const extra = measureCount ? target % measureCount : 0
  const months = per + (extra ? 1 : 0)
  for (let g = 1; g <= months; g++) {
    await db.execute(sql`
      insert into progress_reports (id, problem_id, measure_id, unit_id, period, done, percent, status, created_at)
      select gen_random_uuid(), m.problem_id, m.id, coalesce(m.region_id, m.unit_id),
             to_char(now() - make_interval(months => ${g}), 'YYYY-MM'),
             '本期完成整改工作量' || ${g * 10} || '%', least(100, m.percent * (${months + 1 - g}) / ${months}),
             case when ${g} = 1 and m.percent < 50 then 'submitted' else 'accepted' end,
             now() - make_interval(months => ${g})
        from ${reporting} m where ${g} <= ${per} or m.rn <= ${extra}`)
    progress('reports', g, months)
  }
  await db.execute(sql`
    update problems p set reported_progress = s.avg
      from (select problem_id, avg(percent) as avg from measures group by problem_id) s
     where s.problem_id = p.id and ${scope}`)
  // The bulk updates above left dead rows: reclaim them and refresh the planner's statistics.
  await database.query('vacuum analyze')

  progress('lights', 0, opts.problems)
  const lit = await refreshStaleLights(db, today, DEFAULT_LIGHT_SETTINGS, { batch: 2000 })
  progress('lights', lit, opts.problems)
  // The writes above left the dashboards' rollup as a few deltas per problem (462,787 rows at
  // 50k): merged now, as the app's merge job would in its first minute, so that a copy of the
  // seeded database starts with one row per key and no dashboard reads the deltas.
  await rollupMergeJob(db).run(new AbortController().signal)
  await database.query('vacuum analyze problem_rollup')
  const [counts] = await database.query<{ problems: string; measures: string; reports: string }>(
    `select (select count(*) from problems) as problems, (select count(*) from measures) as measures, (select count(*) from progress_reports) as reports`,
  )
  return {
    units: unitRows.length,
    problems: Number(counts!.problems),
    measures: Number(counts!.measures),
    reports: Number(counts!.reports),
  }
}
