import type { ProblemImportField } from '@rectify/schemas'
import { fieldMatcher } from '../../lib/workbook/fields.js'
import type { RequiredColumn } from '../../lib/workbook/missing.js'
import { normalizeValue } from '../../lib/workbook/normalize.js'

/**
 * Header synonyms of rectification plans' task tables, by field: the problem list's field
 * dictionary for the workbook reader (labels compare normalised — no spaces, ASCII brackets,
 * simplified characters; a label with a bracketed note, 整改时限(年月), is also tried without it).
 */
export const HEADER_SYNONYMS: Record<ProblemImportField, readonly string[]> = {
  seq: ['序号'],
  code: ['编号', '问题编号', '任务编号', '反馈问题编号', '问题序号'],
  title: [
    '问题',
    '反馈问题',
    '反馈意见',
    '整改任务',
    '督察反馈问题',
    '反馈意见建议',
    '督察反馈意见建议',
    '督察反馈意见',
    '存在问题',
    '主要问题',
    '问题名称',
    '整改问题',
    '反馈问题(整改任务)',
  ],
  description: ['问题描述', '具体问题', '问题具体情况', '问题详情'],
  units: ['责任单位', '整改责任单位', '整改实施主体', '责任主体', '整改单位', '实施单位'],
  leadUnit: ['牵头单位', '牵头部门', '牵头责任单位'],
  coUnits: ['配合单位', '配合部门', '协办单位', '整改验收单位', '验收单位'],
  /** Collective responsibilities as recorded (the ledger export writes them beside 责任单位). */
  collective: ['集体责任', '集体责任单位'],
  leadLeader: ['牵头市领导', '责任领导', '牵头领导', '市级责任领导', '包保市领导', '责任市领导'],
  target: ['整改目标', '目标'],
  deadline: ['整改时限', '完成时限', '整改期限', '时限', '完成时间'],
  measures: ['整改措施', '主要措施', '具体措施', '措施'],
  mode: ['整改方式', '整改类型'],
  domain: ['领域', '所属领域', '问题领域', '问题类别'],
  region: ['所属区域', '县区', '所在县区', '所属县(市、区)', '区域'],
  nature: ['问题性质', '性质'],
  source: ['问题来源', '来源'],
}

/** The field a header names by synonym, or null. */
export const synonymField = fieldMatcher(HEADER_SYNONYMS)

/** Without these an import cannot make a problem (units: a units, lead-unit column). */
export const REQUIRED_FIELDS = ['title', 'deadline', 'units'] as const

/** The required columns as a clerk knows them, for a missing column's message. */
export const REQUIRED_COLUMNS: Record<(typeof REQUIRED_FIELDS)[number], RequiredColumn> = {
  title: {
    label: '问题/整改任务',
    labelEn: 'problem or task',
    accepted: [...HEADER_SYNONYMS.title, ...HEADER_SYNONYMS.description],
  },
  deadline: { label: '整改时限', labelEn: 'deadline', accepted: HEADER_SYNONYMS.deadline },
  units: {
    label: '责任单位',
    labelEn: 'responsible unit',
    accepted: [...HEADER_SYNONYMS.units, ...HEADER_SYNONYMS.leadUnit],
  },
}

const pick =
  <T extends string>(map: Record<string, T>) =>
  (text: string) =>
    map[normalizeValue(text).replace(/\s/g, '')] ?? null

export const MODE_LABELS = { immediate: '立行立改', time_bound: '限时整改', long_term: '长期坚持' }
/** 整改方式 cells (the export writes MODE_LABELS). */
export const parseMode = pick<'immediate' | 'time_bound' | 'long_term'>({
  立行立改: 'immediate',
  立即整改: 'immediate',
  限时整改: 'time_bound',
  限期整改: 'time_bound',
  长期坚持: 'long_term',
  长期整改: 'long_term',
  持续整改: 'long_term',
})
export const parseNature = pick<'individual' | 'common'>({
  个性: 'individual',
  个性问题: 'individual',
  共性: 'common',
  共性问题: 'common',
})
export const parseSource = pick<string>({
  反馈意见: 'feedback',
  反馈问题: 'feedback',
  交办信访件: 'petition',
  信访件: 'petition',
  自查: 'self_check',
  自查问题: 'self_check',
  举一反三: 'sweep',
  举一反三排查: 'sweep',
  明察暗访: 'inspection',
  群众反映: 'public_report',
})
export const DOMAIN_LABELS: Record<string, string> = {
  air: '大气',
  water: '水',
  soil: '土壤',
  solid_waste: '固废',
  ecology: '生态',
  noise: '噪声',
  marine: '海洋',
  other: '其他',
}
export const parseDomain = pick<string>({
  ...Object.fromEntries(Object.entries(DOMAIN_LABELS).map(([k, v]) => [v, k])),
  大气污染: 'air',
  水污染: 'water',
  水环境: 'water',
  土壤污染: 'soil',
  固体废物: 'solid_waste',
  生态环境: 'ecology',
  生态破坏: 'ecology',
  噪声污染: 'noise',
})

/** Keywords by domain, most telling first: a problem's text without a 领域 column. */
const DOMAIN_WORDS: [string, RegExp][] = [
  ['noise', /噪声|噪音/],
  ['marine', /海洋|海域|近岸|岸线|入海/],
  ['solid_waste', /固废|固体废物|危险废物|危废|垃圾|尾矿|渣场|填埋/],
  ['soil', /土壤|污染地块|重金属/],
  ['air', /大气|扬尘|烟尘|废气|VOCs|挥发性有机|空气|燃煤|锅炉|臭氧|颗粒物|秸秆焚烧/i],
  ['water', /污水|水质|黑臭|河道|河流|湖|水库|饮用水|水源|排污口|管网|断面/],
  ['ecology', /生态|自然保护区|湿地|林地|矿山|采砂|采石|违建|岸线|草原/],
]

/** The domain a problem's text speaks of, or `other`. */
export function inferDomain(text: string): string {
  for (const [domain, re] of DOMAIN_WORDS) if (re.test(text)) return domain
  return 'other'
}

/** 张三（副市长） / 张三 副市长 / 副市长张三 → name and post (≤ 50 / 100 characters). */
export function parseLeader(text: string): { name: string; post: string } | null {
  const t = text.normalize('NFKC').trim()
  if (!t) return null
  const bracket = /^(.+?)\((.+)\)$/.exec(t)
  if (bracket)
    return { name: bracket[1]!.trim().slice(0, 50), post: bracket[2]!.trim().slice(0, 100) }
  const spaced = /^(\S+)\s+(\S.*)$/.exec(t)
  if (spaced) return { name: spaced[1]!.slice(0, 50), post: spaced[2]!.slice(0, 100) }
  return { name: t.slice(0, 50), post: '' }
}

/** The leader as the export writes it (and parseLeader reads back). */
export function leaderText(l: { name: string; post: string } | null | undefined): string {
  if (!l) return ''
  return l.post ? `${l.name}（${l.post}）` : l.name
}
