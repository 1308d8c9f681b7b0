import { sql } from 'drizzle-orm'
import type { Database, Db } from '../src/db/client.js'
import { uuidv7 } from '../src/lib/ids.js'
import {
  findRepeatCandidates,
  type RepeatProbe,
} from '../src/modules/petitions/petitions.repeats.js'
import { record } from './results.js'

/** Thrown to roll the bench's rows back: the bench database keeps none of them. */
class RollBack extends Error {}

const EARLIER = 200_000
const PROBES = 200
const CHUNK = 20_000

// Fragments of the synthetic complaints: formulaic like real ones, so that many share phrases.
const arr = (xs: string[]) => `(array[${xs.map((x) => `'${x}'`).join(',')}])`
const COUNTIES = arr(['江东区', '江西区', '临湖县', '青山县', '平川县', '云溪县'])
const TOWNS = arr(['城关镇', '湖滨镇', '青石乡', '白沙镇', '河口镇', '龙潭镇', '桥头镇', '石门乡'])
const BRANDS = arr([
  '宏达',
  '鑫源',
  '恒昌',
  '永盛',
  '华丰',
  '金泰',
  '瑞丰',
  '新兴',
  '富源',
  '联发',
  '东方',
  '天宇',
  '长江',
  '兴旺',
  '盛世',
  '百川',
])
const KINDS = arr([
  '化工有限公司',
  '混凝土搅拌站',
  '规模养殖场',
  '砂石厂',
  '印染有限公司',
  '造纸厂',
  '电镀厂',
  '食品加工厂',
  '汽修厂',
  '建材市场',
  '垃圾中转站',
  '餐饮店',
])
const ROADS = arr([
  '工业大道',
  '滨河路',
  '解放路',
  '人民路',
  '环城北路',
  '建设路',
  '纬二路',
  '经三路',
  '新华路',
  '迎宾大道',
  '沿江路',
  '文化路',
])
const WHAT = arr([
  '夜间偷排生产废水',
  '露天堆放物料扬尘严重',
  '废气直排刺鼻难闻',
  '噪声扰民影响休息',
  '粪污直排农田',
  '渗滤液外流',
  '非法采砂破坏河道',
  '油烟直排扰民',
  '危险废物随意堆放',
  '越界开采破坏山体',
  '未批先建违规生产',
  '污水处理设施闲置',
])
const EFFECT = arr([
  '河水发黑发臭',
  '周边居民不敢开窗',
  '鱼类大量死亡',
  '庄稼减产',
  '晚上无法入睡',
  '水井水质变差',
  '路面抛洒严重',
  '空气中有异味',
  '附近小学受影响',
  '多次反映未解决',
])
const ASK = arr(['希望尽快查处', '请求督察组督办', '要求停产整改', '希望彻底解决', '请依法处理'])

/** The rows i in [from, to): ~46,000 distinct parties (each ~4 times), addresses likewise. */
function generate(batchId: string, from: number, to: number) {
  // The keys the application would store (repeat-keys.ts): the party core (brand and trade,
  // divisions and legal form stripped) and its first four characters, the address, the
  // numbered address as a named place; the complaint without its stock phrasing.
  return sql.raw(`
    insert into petitions (id, receipt_no, batch_id, region_text, reported_party, address,
      party_key, address_key, repeat_keys, repeat_text, domains, complaint, status)
    select gen_random_uuid(), 'BENCH' || lpad(i::text, 7, '0'), '${batchId}', county, party, addr,
           party, addr,
           array['p:' || core, 'q:' || left(core, 4), 'a:' || addr, 's:' || road],
           left(party || what || effect, 80), array['water'], complaint, 'received'
    from (
      select i, county, party, addr, core, road, what, effect,
             '群众反映' || party || what || '，' || effect
               || '，已持续' || (1 + i % 11) || '个月，' || ${ASK}[1 + (i * 3) % 5] || '。' as complaint
      from (
        select i, c as county,
               c || ${TOWNS}[1 + (j / 6) % 8] || ${BRANDS}[1 + (j / 48) % 16] || ${KINDS}[1 + (j / 768) % 12]
                 || case when j / 9216 > 0 then (j / 9216 + 1)::text || '分厂' else '' end as party,
               ${BRANDS}[1 + (j / 48) % 16]
                 || regexp_replace(${KINDS}[1 + (j / 768) % 12], '(有限公司|厂|场|站|店)$', '')
                 || case when j / 9216 > 0 then (j / 9216 + 1)::text || '分' else '' end as core,
               c || ${TOWNS}[1 + (k / 6) % 8] || ${ROADS}[1 + (k / 48) % 12] || (1 + (k / 576) % 80) || '号' as addr,
               ${ROADS}[1 + (k / 48) % 12] || (1 + (k / 576) % 80) || '号' as road,
               ${WHAT}[1 + (i * 7) % 12] as what, ${EFFECT}[1 + (i * 13) % 10] as effect
        from (
          select i, i % 46080 as j, (i * 7) % 46080 as k, ${COUNTIES}[1 + (i % 46080) % 6] as c
          from generate_series(${from}, ${to - 1}) as i
        ) g
      ) h
    ) x`)
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/**
 * The repeat check (petitions.repeats.ts) against 200,000 earlier cases: the cases are generated
 * in SQL (formulaic Chinese complaints sharing phrases, parties and addresses seen ~4 times),
 * then ~200 new cases are checked one call each — a quarter about a known party, a quarter at a
 * known address, a quarter with a reworded known complaint, a quarter new — next to a
 * primary-key lookup timed the same way. All inside a transaction that is rolled back. Goal: p99
 * ≤ 50 ms per case.
 */
export async function benchPetitionRepeats(database: Database): Promise<string> {
  const lines: string[] = []
  try {
    await database.db.transaction(async (tx) => {
      const db = tx as unknown as Db
      const round = await tx.execute(sql`select id from rounds order by id limit 1`)
      const roundId = (round as unknown as { rows: { id: string }[] }).rows[0]?.id
      if (!roundId) throw new Error('the petition repeat bench needs a round (the demo city)')
      const batchId = uuidv7()
      await tx.execute(sql`insert into petition_batches (id, round_id, seq, handed_on, source)
        values (${batchId}, ${roundId}, 900, current_date, 'central')`)
      const started = performance.now()
      for (let from = 0; from < EARLIER; from += CHUNK)
        await tx.execute(generate(batchId, from, Math.min(EARLIER, from + CHUNK)))
      await tx.execute(sql`analyze petitions`)
      lines.push(
        `loaded ${EARLIER} earlier cases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      )

      const sample = await tx.execute(sql`
        select id, reported_party, address, complaint from petitions
        where batch_id = ${batchId} and receipt_no in (
          select 'BENCH' || lpad(((g * 977) % ${EARLIER})::text, 7, '0') from generate_series(1, ${PROBES}) g)`)
      const rows = (
        sample as unknown as {
          rows: { id: string; reported_party: string; address: string; complaint: string }[]
        }
      ).rows
      const probes: RepeatProbe[] = rows.map((r, n) => {
        switch (n % 4) {
          case 0: // the same party, another complaint
            return {
              reportedParty: r.reported_party,
              address: '',
              complaint: `${r.reported_party}又在夜里排放，气味很大。`,
            }
          case 1: // the same address
            return {
              reportedParty: '',
              address: r.address,
              complaint: '这里的工厂晚上偷偷生产，噪声很大。',
            }
          case 2: // the complaint reworded
            return {
              reportedParty: '',
              address: '',
              complaint: r.complaint
                .replace('群众反映', '有人举报')
                .replace('。', '，至今没有解决。'),
            }
          default: // nothing like it
            return {
              reportedParty: `新设${n}号光伏电站`,
              address: `海岛${n}号`,
              complaint: `第${n}号海上风电项目施工影响候鸟栖息，希望核实。`,
            }
        }
      })
      const ids = rows.map((r) => r.id)

      const time = async (run: (i: number) => Promise<unknown>) => {
        for (let i = 0; i < 10; i++) await run(i) // warm-up
        const ms: number[] = []
        for (let i = 0; i < probes.length; i++) {
          const t0 = performance.now()
          await run(i)
          ms.push(performance.now() - t0)
        }
        return ms.sort((a, b) => a - b)
      }
      let found = 0
      const check = await time(async (i) => {
        const [c] = await findRepeatCandidates(db, [probes[i]!])
        if (c?.length) found++
      })
      const pk = await time((i) =>
        tx.execute(sql`select id, receipt_no from petitions where id = ${ids[i]!}`),
      )
      const [c50, c99, p50, p99] = [
        percentile(check, 50),
        percentile(check, 99),
        percentile(pk, 50),
        percentile(pk, 99),
      ]
      const pkP99 = { name: 'petition primary-key lookup p99', value: p99 }
      record(
        { name: 'petition repeat check p50', value: c50, unit: 'ms', concurrency: 1 },
        {
          name: 'petition repeat check p99',
          value: c99,
          unit: 'ms',
          baseline: pkP99,
          goal: { op: '<=', limit: 50 },
          concurrency: 1,
        },
      )
      lines.push(
        `repeat check, one at a time: p50 ${c50.toFixed(1)} ms, p99 @1 ${c99.toFixed(1)} ms per case (goal p99 ≤ 50 ms); ${found}/${probes.length + 10} with candidates`,
        `primary-key lookup, one at a time: p50 ${p50.toFixed(2)} ms, p99 @1 ${p99.toFixed(2)} ms — the check is ${(c50 / p50).toFixed(0)}× at p50, ${(c99 / p99).toFixed(0)}× at p99`,
      )
      throw new RollBack()
    })
  } catch (err) {
    if (!(err instanceof RollBack)) throw err
  }
  return [
    `repeat check against ${EARLIER} earlier cases, ${PROBES} new ones one call each`,
    ...lines,
  ].join('\n')
}
