import { tableWorkbook } from './template.js'

/** The demo city's counties (seed/demo.ts DEMO_CITY): the regions sample cases come from. */
export const SAMPLE_REGIONS = ['江东区', '江西区', '临湖县', '青山县', '平川县', '云溪县'] as const

export interface SampleOptions {
  /** `invalid` adds rows with an unknown region, an unknown domain, no complaint, a duplicate receipt. */
  kind: 'valid' | 'invalid'
  /** Same seed, same file. */
  seed?: number
  /** Cases in the file (default 50; the bench builds 5,000). */
  count?: number
  /** Which 第N批 (default 1): receipt numbers and dates follow it, and batch N repeats cases of batch N−1. */
  batchSeq?: number
  /** Region names to use (default SAMPLE_REGIONS). */
  regions?: readonly string[]
}

/** One case of a sample file as written, with its Excel row. */
export interface SampleCase {
  row: number
  seq: number
  /** A number when the receipt is written as a number cell (as some offices type them). */
  receipt: string | number
  region: string
  party: string
  address: string
  domain: string
  complaint: string
  keyCase: string
  name: string
  contact: string
  orders: string
  fines: string
}

/** A planted repeat: the row restates the case `of` (same party and address, similar text). */
export interface PlantedRepeat {
  row: number
  of: string
  /** True when the earlier case is in the same file, false when it is in batch N−1. */
  sameFile: boolean
}

export interface Sample {
  cases: SampleCase[]
  repeats: PlantedRepeat[]
  /** The rows and columns (as headed) an invalid file has errors in. */
  errors: { row: number; column: string }[]
}

/** The header row, with the line breaks and synonym variants real sheets have. */
export const SAMPLE_HEADERS = [
  '序号',
  '受理\n编号',
  '所属\n区域',
  '被反映对象',
  '被反映对象\n地址',
  '问题类型',
  '反映情况',
  '是否\n重点',
  '举报人姓名',
  '联系\n电话',
  '责令整改\n(家)',
  '罚款金额\n（万元）',
] as const
const FIRST_ROW = 3 // title row 1, header row 2

/** A small deterministic PRNG (mulberry32): the same seed gives the same file. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! }
}

const TRADES = [
  '化工',
  '建材',
  '印染',
  '石材加工',
  '食品',
  '砖瓦',
  '电镀',
  '家具',
  '塑料制品',
  '混凝土',
  '养殖',
  '木业',
]
const NAMES = [
  '宏达',
  '金源',
  '恒盛',
  '鑫旺',
  '华泰',
  '永兴',
  '瑞丰',
  '天成',
  '隆昌',
  '众鑫',
  '新锐',
  '博远',
  '安泰',
  '同福',
]
const STREETS = [
  '工业园区',
  '滨江路',
  '建设大道',
  '城南工业集中区',
  '湖滨路',
  '环城北路',
  '青石路',
  '经三路',
]
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴']

/** Complaint texts by domain word as written in the sheet ({p}: the reported party). */
const COMPLAINTS: [string, string[]][] = [
  [
    '大气',
    [
      '群众反映{p}生产时排放刺鼻异味，夜间尤为严重，周边居民不敢开窗。',
      '{p}喷漆车间废气未经处理直排，附近小区常年闻到油漆味。',
    ],
  ],
  ['扬尘', ['{p}露天堆放砂石料未覆盖，运输车辆带泥上路，扬尘污染严重。']],
  [
    '水',
    [
      '{p}将生产废水通过暗管偷排至附近河道，河水发黑发臭。',
      '{p}污水处理设施长期不运行，废水直排农田灌溉渠。',
    ],
  ],
  ['噪声', ['{p}夜间生产设备噪声扰民，严重影响周边居民休息。']],
  ['固废', ['{p}在厂区外空地倾倒工业固体废物，雨天渗滤液流入周边水塘。']],
  ['土壤', ['{p}原厂址遗留污染土壤未治理即开发建设，群众担心影响健康。']],
  ['生态', ['{p}在山上非法开采石料，破坏林地，山体裸露未修复。']],
  ['大气、噪声', ['{p}锅炉冒黑烟，风机噪声大，附近居民反映多次未解决。']],
  ['水、固废', ['{p}养殖粪污随意堆放，污水流入河道，臭味扰民。']],
]

const pad = (n: number, w: number) => String(n).padStart(w, '0')

function handoverDate(batchSeq: number): string {
  const d = new Date(Date.UTC(2024, 5, 2 + (batchSeq - 1) * 7))
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`
}

/** The receipt of case i in batch N, in one of the forms teams use. */
function receipt(i: number, batchSeq: number): string | number {
  const day = handoverDate(batchSeq)
  switch (i % 4) {
    case 0:
      return Number(`${day}${pad(i + 1, 4)}`) // typed as a number: 202406020001
    case 1:
      return `D2ZGHJ${day}${pad(i + 1, 4)}`
    case 2:
      return `JZXF-${day.slice(0, 4)}-${pad(batchSeq, 2)}${pad(i + 1, 4)}`
    default:
      return `X3HB${day}${pad(i + 1, 4)}`
  }
}

/** The cases of a sample batch (deterministic for seed, count, batchSeq). */
export function sampleCases(o: SampleOptions): Sample {
  const batchSeq = o.batchSeq ?? 1
  const cases = baseCases(o, batchSeq)
  const repeats = plant(cases, o, batchSeq)
  const errors = o.kind === 'invalid' ? spoil(cases) : []
  return { cases, repeats, errors }
}

/** The batch's cases before repeats are planted and rows spoiled. */
function baseCases(o: SampleOptions, batchSeq: number): SampleCase[] {
  const count = o.count ?? 50
  const regions = o.regions ?? SAMPLE_REGIONS
  const r = rng((o.seed ?? 1) * 7919 + batchSeq)
  const cases: SampleCase[] = []
  for (let i = 0; i < count; i++) {
    const region = regions[i % regions.length]!
    const party = `${region.slice(0, 2)}${r.pick(NAMES)}${r.pick(TRADES)}有限公司`
    const [domain, texts] = r.pick(COMPLAINTS)
    const anonymous = r.next() < 0.15
    cases.push({
      row: FIRST_ROW + i,
      seq: i + 1,
      receipt: receipt(i, batchSeq),
      // Now and then written without its suffix, or two regions handling one case jointly.
      region:
        i % 11 === 3
          ? `${region}、${regions[(i + 1) % regions.length]}`
          : i % 7 === 2
            ? region.replace(/[县区]$/u, '')
            : region,
      party,
      address: `${region}${r.pick(STREETS)}${1 + Math.floor(r.next() * 300)}号`,
      domain,
      complaint: r.pick(texts).replace('{p}', party),
      keyCase: i % 9 === 0 ? '是' : i % 2 ? '' : '否',
      name: anonymous ? '' : `${r.pick(SURNAMES)}某某`,
      contact: anonymous ? '' : `13${pad(Math.floor(r.next() * 1e9), 9)}`,
      // Counts are mostly blank (not stated), sometimes written with their unit.
      orders: i % 10 === 5 ? `${1 + (i % 3)}家` : '',
      fines: i % 12 === 6 ? String((i % 5) + 0.5) : '',
    })
  }
  return cases
}

/**
 * Plants repeats: in batch 1 a few later rows restate earlier rows of the same file; in batch N
 * a few rows restate cases of batch N−1 (same seed) — same party and address, the text again.
 */
function plant(cases: SampleCase[], o: SampleOptions, batchSeq: number): PlantedRepeat[] {
  const out: PlantedRepeat[] = []
  // Batch N−1 as written, without its own planted repeats (no chain back to batch 1).
  const earlier = batchSeq > 1 ? baseCases(o, batchSeq - 1) : null
  const pairs = earlier
    ? [
        [4, 2],
        [16, 7],
        [28, 13],
        [40, 21],
      ]
    : [
        [20, 2],
        [33, 9],
        [45, 14],
      ]
  for (const [at, from] of pairs) {
    const c = cases[at!]
    const src = (earlier ?? cases)[from!]
    if (!c || !src || (!earlier && from! >= at!)) continue
    Object.assign(c, {
      region: src.region,
      party: src.party,
      address: src.address,
      domain: src.domain,
      complaint: `群众再次反映：${src.complaint}`,
    })
    out.push({ row: c.row, of: String(src.receipt), sameFile: !earlier })
  }
  return out
}

/** Four invalid rows: unknown region, unknown domain, no complaint, a receipt used above. */
function spoil(cases: SampleCase[]): { row: number; column: string }[] {
  const at = (i: number) => cases[Math.min(i, cases.length - 1)]!
  at(5).region = '海州市'
  at(12).domain = '辐射'
  at(23).complaint = ''
  at(31).receipt = at(30).receipt
  return [
    { row: at(5).row, column: '所属区域' },
    { row: at(12).row, column: '问题类型' },
    { row: at(23).row, column: '反映情况' },
    { row: at(31).row, column: '受理编号' },
  ]
}

/** The sample batch as an .xlsx in the handover layout (title row, wrapped synonym headers). */
export async function buildSampleBatch(o: SampleOptions): Promise<Buffer> {
  const batchSeq = o.batchSeq ?? 1
  const { cases } = sampleCases(o)
  const wb = await tableWorkbook({
    title: `第二轮第五批中央生态环境保护督察交办信访件（第${batchSeq}批）`,
    headers: SAMPLE_HEADERS,
    rows: cases.map((c) => [
      c.seq,
      c.receipt,
      c.region,
      c.party,
      c.address,
      c.domain,
      c.complaint,
      c.keyCase,
      c.name,
      c.contact,
      c.orders,
      c.fines,
    ]),
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
