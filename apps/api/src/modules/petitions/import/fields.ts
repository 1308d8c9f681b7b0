import type { PROBLEM_DOMAINS, PetitionFinding, PetitionImportField } from '@rectify/schemas'
import { fieldMatcher } from '../../../lib/workbook/fields.js'
import { normalizeValue } from '../../../lib/workbook/normalize.js'

type ProblemDomain = (typeof PROBLEM_DOMAINS)[number]

/**
 * Header synonyms seen in the sheets inspection teams hand over and cities publish, by field: the
 * petition import's field dictionary for the workbook reader (labels compare normalised — no
 * spaces or line breaks, ASCII brackets, simplified characters).
 */
export const HEADER_SYNONYMS: Record<PetitionImportField, readonly string[]> = {
  seq: ['序号', '编号序号'],
  receiptNo: ['收件编号', '受理编号', '信访件编号', '编号', '交办编号', '信访编号', '举报编号'],
  region: [
    '行政区域',
    '所属区域',
    '区域',
    '所属地区',
    '地区',
    '所在地区',
    '所属县区',
    '县(市、区)',
  ],
  reportedParty: [
    '被反映对象',
    '反映对象',
    '被投诉对象',
    '被举报对象',
    '被反映单位',
    '所属企业单位',
    '涉及单位',
    '涉及企业',
  ],
  address: ['地址', '被反映对象地址', '详细地址', '所在地址'],
  domain: ['污染类型', '问题类型', '涉及领域', '环境问题类型', '污染类别', '领域'],
  complaint: ['交办问题基本情况', '反映情况', '信访内容', '举报内容', '反映问题', '主要问题'],
  keyCase: ['重点件', '是否重点', '是否重点件'],
  complainantName: ['信访人', '举报人姓名', '举报人', '信访人姓名'],
  complainantContact: ['联系方式', '联系电话', '举报人联系方式'],
  finding: ['是否属实', '调查核实情况(属实与否)', '属实情况', '核查结果'],
  measures: ['处理和整改情况', '处理及整改情况', '整改落实情况', '处理整改情况', '办理情况'],
  accountability: [
    '问责情况',
    '责任追究情况',
    '责任人被处理情况',
    '责任人处理情况',
    '责任人员处理情况',
    '责任追究',
  ],
  investigation: ['调查核实情况', '调查核实结果', '核查情况', '调查情况', '核实情况'],
  closure: ['是否办结', '办结情况', '办理状态', '办结状态', '办理结果', '办理进度'],
  handlingUnit: ['办理单位', '承办单位', '责任单位', '办理部门', '责任部门', '牵头单位'],
  ordersToRectify: ['责令整改(家)', '责令整改'],
  casesFiled: ['立案处罚(家)', '立案处罚'],
  finesWan: ['罚款金额(万元)', '罚款(万元)', '罚款金额'],
  detained: ['拘留(人)', '行政拘留(人)', '拘留'],
  talkedTo: ['约谈(人)', '约谈'],
  heldAccountable: ['问责(人)', '问责'],
}

/** The field a header names by synonym, or null. */
export const synonymField = fieldMatcher(HEADER_SYNONYMS)

/** Fields no import can do without. */
export const REQUIRED_FIELDS: readonly PetitionImportField[] = ['receiptNo', 'complaint']
/** The required columns in English, for a missing column's message. */
export const REQUIRED_EN: Partial<Record<PetitionImportField, string>> = {
  receiptNo: 'receipt number',
  complaint: 'the complaint as handed over',
}

/** What a parser answers: a value, or the problem in both languages. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; messageEn: string }
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(message: string, messageEn: string): Parsed<T> => ({
  ok: false,
  message,
  messageEn,
})

/** Splits a cell listing several values: 大气、噪声 · 江东区，临湖县 · 水/土壤. */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;/／\s]+/u)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Receipt numbers are text whatever the cell held; at most 60 characters, no inner spaces. */
export function parseReceipt(text: string): Parsed<string> {
  const value = text.normalize('NFKC').trim()
  if (!value) return fail('收件编号不能为空', 'The receipt number is required')
  if (value.length > 60)
    return fail('收件编号超过60个字符', 'The receipt number exceeds 60 characters')
  if (/\s/u.test(value))
    return fail(`收件编号“${value}”含有空格`, `Receipt number "${value}" contains spaces`)
  return ok(value)
}

const DOMAIN_WORDS: [ProblemDomain, readonly string[]][] = [
  ['air', ['大气', '废气', '扬尘', '油烟', '恶臭', '异味', '大气污染', '空气']],
  ['water', ['水', '废水', '污水', '黑臭水体', '水污染', '水环境']],
  ['soil', ['土壤', '土壤污染']],
  ['solid_waste', ['固废', '固体废物', '垃圾', '危废', '危险废物']],
  ['ecology', ['生态', '矿山', '林地', '湿地', '生态破坏']],
  ['noise', ['噪声', '噪音']],
  ['marine', ['海洋']],
  ['other', ['其他', '其它']],
]
const DOMAIN_BY_WORD = new Map<string, ProblemDomain>()
for (const [d, words] of DOMAIN_WORDS) for (const w of words) DOMAIN_BY_WORD.set(w, d)

/** 大气、噪声 → ['air','noise']; each part must be a known word (污染 suffix tolerated). */
export function parseDomains(text: string): Parsed<ProblemDomain[]> {
  const out: ProblemDomain[] = []
  for (const part of splitList(normalizeValue(text))) {
    const d = DOMAIN_BY_WORD.get(part) ?? DOMAIN_BY_WORD.get(part.replace(/(污染|类|问题)$/u, ''))
    if (!d) return fail(`无法识别的污染类型“${part}”`, `Unknown domain "${part}"`)
    if (!out.includes(d)) out.push(d)
  }
  return ok(out)
}

/** A unit a region name may match. */
export interface RegionUnit {
  id: string
  code: string
  name: string
  kind: string
}

const stripSuffix = (name: string) => name.replace(/[县区市]$/u, '')

/**
 * Matches region names to units: exact name first, then without the 县/区/市 suffix (临湖 →
 * 临湖县); counties and the city are preferred over townships when a stripped name is shared.
 */
export function regionMatcher(units: readonly RegionUnit[]) {
  const exact = new Map<string, RegionUnit>()
  const loose = new Map<string, RegionUnit>()
  const rank = (u: RegionUnit) => (u.kind === 'county' ? 0 : u.kind === 'city' ? 1 : 2)
  for (const u of [...units].sort((a, b) => rank(b) - rank(a))) {
    exact.set(u.name, u)
    loose.set(stripSuffix(u.name), u)
  }
  return (text: string): Parsed<RegionUnit[]> => {
    const out: RegionUnit[] = []
    for (const part of splitList(normalizeValue(text))) {
      const u = exact.get(part) ?? loose.get(stripSuffix(part))
      if (!u) return fail(`无法识别的行政区域“${part}”`, `Unknown region "${part}"`)
      if (!out.some((x) => x.id === u.id)) out.push(u)
    }
    return ok(out)
  }
}

const FINDINGS: Record<string, PetitionFinding> = {
  属实: 'true',
  是: 'true',
  基本属实: 'mostly_true',
  部分属实: 'partly_true',
  不属实: 'untrue',
  否: 'untrue',
}

/** 属实/是 · 基本属实 · 部分属实 · 不属实/否; blank → null (not yet found). */
export function parseFinding(text: string): Parsed<PetitionFinding | null> {
  const t = normalizeValue(text).replace(/[\s。.]+/gu, '')
  if (!t) return ok(null)
  const f = FINDINGS[t]
  return f
    ? ok(f)
    : fail(
        `“${text}”不是有效的核实结论（属实、基本属实、部分属实、不属实）`,
        `"${text}" is not a finding (属实, 基本属实, 部分属实, 不属实)`,
      )
}

/** 是/重点/√/Y → true; blank/否/N → false. */
export function parseKeyCase(text: string): Parsed<boolean> {
  const t = normalizeValue(text).toUpperCase()
  if (['是', '重点', '重点件', '√', '✓', 'Y', 'YES', '1'].includes(t)) return ok(true)
  if (['', '否', '非重点', '×', 'N', 'NO', '0', '-'].includes(t)) return ok(false)
  return fail(`“${text}”不是有效的重点件标记（是/否）`, `"${text}" is not a key-case flag (是/否)`)
}

/** A count: a whole number ≥ 0, "3家"/"2人" accepted; blank → null (not stated — never zero). */
export function parseCount(text: string): Parsed<number | null> {
  const t = text.normalize('NFKC').replace(/\s+/gu, '')
  if (!t) return ok(null)
  const m = /^(\d{1,6})(家|人|个|起|件)?$/u.exec(t)
  if (!m)
    return fail(
      `“${text}”不是有效的数量（非负整数）`,
      `"${text}" is not a count (a whole number ≥ 0)`,
    )
  return ok(Number(m[1]))
}

/** Fines in 万元: a number ≥ 0 ("1.5", "1.5万元", "1.5万"); blank → null. */
export function parseFines(text: string): Parsed<number | null> {
  const t = text.normalize('NFKC').replace(/[\s,]+/gu, '')
  if (!t) return ok(null)
  const m = /^(\d{1,8}(?:\.\d{1,4})?)(万元|万)?$/u.exec(t)
  if (!m) return fail(`“${text}”不是有效的罚款金额（万元）`, `"${text}" is not an amount in 万元`)
  return ok(Number(m[1]))
}

/** Free text with a length limit (the contract's maxLength). */
export function parseText(
  text: string,
  max: number,
  label: string,
  labelEn: string,
): Parsed<string> {
  return text.length > max
    ? fail(`${label}超过${max}个字符`, `${labelEn} exceeds ${max} characters`)
    : ok(text)
}

/** The column label an error names when the sheet has no column for the field. */
export const FIELD_LABELS: Record<PetitionImportField, string> = {
  seq: '序号',
  receiptNo: '收件编号',
  region: '行政区域',
  reportedParty: '被反映对象',
  address: '地址',
  domain: '污染类型',
  complaint: '交办问题基本情况',
  keyCase: '重点件',
  complainantName: '信访人',
  complainantContact: '联系方式',
  finding: '是否属实',
  measures: '处理和整改情况',
  accountability: '问责情况',
  investigation: '调查核实情况',
  closure: '是否办结',
  handlingUnit: '办理单位',
  ordersToRectify: '责令整改(家)',
  casesFiled: '立案处罚(家)',
  finesWan: '罚款金额(万元)',
  detained: '拘留(人)',
  talkedTo: '约谈(人)',
  heldAccountable: '问责(人)',
}

/** A case's closure state as a sheet states it (是否办结 / 办结情况 / 办理状态). */
export type Closure = 'closed' | 'partly_closed' | 'open'

const CLOSURES: Record<string, Closure> = {
  已办结: 'closed',
  办结: 'closed',
  是: 'closed',
  已完成: 'closed',
  已整改: 'closed',
  阶段办结: 'partly_closed',
  阶段性办结: 'partly_closed',
  部分办结: 'partly_closed',
  未办结: 'open',
  否: 'open',
  办理中: 'open',
  正在办理: 'open',
  待审核: 'open',
  未交办: 'open',
  待办理: 'open',
  整改中: 'open',
}

/** 已办结/是 · 阶段办结 · 未办结/否/办理中 (and the words for them); blank → null (not stated). */
export function parseClosure(text: string): Parsed<Closure | null> {
  const t = normalizeValue(text).replace(/[\s。.]+/gu, '')
  if (!t) return ok(null)
  const s = CLOSURES[t]
  return s
    ? ok(s)
    : fail(
        `“${text}”不是有效的办结情况（已办结、阶段办结、未办结）`,
        `"${text}" is not a closure state (已办结, 阶段办结, 未办结)`,
      )
}
