/**
 * What the repeat check compares, read out of a case as handed over: who is complained about
 * (the reported party, or the organisations the complaint names), where (the address, or the
 * villages, communities and numbered addresses the complaint names), and the complaint with the
 * stock phrasing every 交办信访件 shares taken out. Pure functions: the same keys are stored on
 * each case (`repeat_keys`, `repeat_text`) and computed for each probe.
 */

/** NFKC, no whitespace, no punctuation or symbols (so “某某化工 有限公司。” reads 某某化工有限公司). */
export function plain(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/**
 * The legal or trade form an organisation's name ends with, longest first: stripped to compare
 * 宏达化工有限公司, 宏达化工公司 and 宏达化工厂 as one party.
 */
const LEGAL_FORMS = [
  '有限责任公司',
  '股份有限公司',
  '集团有限公司',
  '有限公司',
  '分公司',
  '公司',
  '集团',
  '合作社',
  '个体户',
  '搅拌站',
  '养殖场',
  '养殖户',
  '加工厂',
  '加工点',
  '砂石场',
  '采石场',
  '处理厂',
  '中转站',
  '石料厂',
  '洗砂场',
  '作坊',
  '工厂',
  '工地',
  '项目',
  '码头',
  '厂',
  '场',
  '站',
  '店',
  '矿',
]
/** Stripped from a name's end: the legal form, then one generic place word (厂, 场 …). */
const LEGAL_FORM_RE =
  /(?:专业合作社|有限责任公司|股份有限公司|集团有限公司|有限公司|分公司|公司|集团|合作社|个体户)$/u
const GENERIC_END_RE = /(?:工厂|工地|项目|作坊|加工点|厂|场|站|店|矿|户)$/u
/** Characters no name holds: verbs and particles of the sentence around it. */
const NOT_NAME = /[排放倒堆偷被把将向往从于了着过又也都很为没不]/u

/** Words before a name in a sentence: the name starts after the last of them. */
const LEAD_IN =
  /^.*(?:反映|举报|投诉|来信|来电|信访人|称|位于|地处|的|在|对|是|其中|附近|旁边|周边|隔壁|与|和|及|\d+号|号楼|楼下|一楼|底商|门口|对面|[东南西北](?:侧|边|面)|旁|内|为|有一|有个|有家)/u

/**
 * Administrative divisions a name may start with (临湖县宏达化工 → 宏达化工): two or three
 * characters and the division, repeated (江东区城关镇…); never strips the whole name.
 */
const DIVISION_RE = /^[\p{Script=Han}]{1,4}?(?:省|市|县|区|镇|乡|街道|开发区|园区|工业园)/u

/** Words that only point at an organisation (一家, 该, 无证 …), never part of its name. */
const DETERMINER =
  /^(?:一家|一个|这家|那家|该|此|本|多家|几家|一些|有的|小型|大型|私人|无证|黑|非法|违法|个体)+/u
/** Placeholder names of anonymised tables (某某化工, XX公司): they name no one in particular. */
const PLACEHOLDER = /某|xx|\*/u

/**
 * The core of an organisation's name: sentence lead-in, administrative divisions and legal
 * form removed (群众反映临湖县宏达化工有限公司 → 宏达化工). Empty when nothing distinctive is
 * left (一家化工厂, 某某公司, 砂石场).
 */
export function partyCore(name: string): string {
  let core = plain(name).replace(/[(（][^)）]*[)）]$/u, '')
  const lead = LEAD_IN.exec(core)
  if (lead && core.length - lead[0].length >= 2) core = core.slice(lead[0].length)
  for (let i = 0; i < 3; i++) {
    const m = DIVISION_RE.exec(core)
    if (!m || core.length - m[0].length < 2) break
    core = core.slice(m[0].length)
  }
  core = core.replace(DETERMINER, '').replace(LEGAL_FORM_RE, '').replace(GENERIC_END_RE, '')
  core = core.replace(DETERMINER, '')
  if (core.length < 2 || core.length > 12 || PLACEHOLDER.test(core) || NOT_NAME.test(core))
    return ''
  return core
}

/** Organisation names in a complaint: a run of characters ending in a legal or trade form. */
const ORG_RE = new RegExp(`[\\p{Script=Han}A-Za-z0-9]{1,24}?(?:${LEGAL_FORMS.join('|')})`, 'gu')
/** Words that end like a trade form but name no one (现场, 市场, 农场 …). */
const NOT_A_PARTY =
  /^(?:现|市|农|广|操|停车|商|菜市|机|会|考|战|立|官|当|全|下|上|道|车|工|厂|加油|充电|车)$/u

/** Clauses of a text: NFKC, split at punctuation and spaces, so a name never spans two. */
function clauses(text: string): string[] {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean)
}

/** The organisations a text names, as cores of at least three characters. */
export function partiesIn(text: string): string[] {
  const out = new Set<string>()
  for (const clause of clauses(text))
    for (const m of clause.matchAll(ORG_RE)) {
      const core = partyCore(m[0])
      if (core.length >= 3 && !NOT_A_PARTY.test(core)) out.add(core)
    }
  return [...out]
}

/** A named place: village, community, residential estate, or a numbered road address. */
const SITE_RE =
  /[\p{Script=Han}]{2,6}?(?:村(?![民委])|社区|小区|花园|家园|新村|公寓|[路街道巷]\d+号)/gu

/** The specific places a text names (白沙村, 锦绣花园, 建设路88号), divisions stripped. */
export function sitesIn(text: string): string[] {
  const out = new Set<string>()
  for (const m of clauses(text).flatMap((c) => [...c.matchAll(SITE_RE)])) {
    let s = m[0]
    const lead = LEAD_IN.exec(s)
    if (lead && s.length - lead[0].length >= 3) s = s.slice(lead[0].length)
    for (let i = 0; i < 3; i++) {
      const d = DIVISION_RE.exec(s)
      if (!d || s.length - d[0].length < 3) break
      s = s.slice(d[0].length)
    }
    if (s.length >= 3) out.add(s)
  }
  return [...out]
}

/**
 * Stock phrasing of 交办信访件 — openings (群众反映, 信访人称), effects (严重影响周边居民生活),
 * history (多次反映未解决, 已持续3个月) and asks (希望尽快查处) — that two unrelated complaints
 * share and a restated one may or may not repeat. Removed before texts are compared.
 */
const STOCK = [
  /严重影响(?:了)?(?:周边|附近|当地)?(?:群众|居民|村民|百姓)?(?:的)?(?:正常)?(?:生产生活|生活|休息|身体健康|健康|出行|生活环境)/gu,
  /(?:影响|干扰)(?:了)?(?:周边|附近)(?:群众|居民|村民)(?:的)?(?:正常)?(?:生活|休息)?/gu,
  /(?:周边|附近)?(?:群众|居民|村民)(?:苦不堪言|意见很大|反映强烈|怨声载道)/gu,
  /(?:曾|已)?(?:多次|反复|屡次)(?:向(?:有关|相关)?(?:部门|政府)?)?(?:反映|投诉|举报)?(?:均|但|却)?(?:一直)?(?:未|没有|没)(?:得到)?(?:解决|处理|查处|整改|回复)/gu,
  /(?:至今|一直|仍然|始终)(?:仍|都)?(?:未|没有|没)(?:得到)?(?:彻底)?(?:解决|处理|查处|整改)/gu,
  /(?:已)?(?:持续|长达|将近|近)[\d一二两三四五六七八九十半几]+(?:多)?(?:个)?(?:月|年|天)(?:多)?/gu,
  /\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|至今|起|开始|左右)?/gu,
  /(?:长期以来|近年来|近期|最近|目前|现在|一直以来|长期)/gu,
  /(?:希望|请求|恳请|要求|请|盼望)(?:上级|有关|相关)?(?:部门|政府|督察组)?(?:尽快|早日|及时|依法|严肃|彻底)?(?:予以)?(?:查处|解决|处理|整改|整治|督办|核实|调查|关停|取缔|停产整改|彻底解决|依法处理)(?:此事|此问题|该问题)?/gu,
  /(?:环境)?污染(?:十分|非常|特别)?严重/gu,
  /(?:等|的)?(?:问题|情况|现象)/gu,
  /(?:据|有)?(?:群众|居民|村民|信访人|举报人|来信人|来电人|网民|市民|反映人|投诉人)?(?:再次|多次|又|联名)?(?:来信|来电|网上)?(?:反映|举报|投诉|称|表示)(?:称|说)?/gu,
]

/** Characters of the cleaned complaint kept for comparison (and indexed). */
export const REPEAT_TEXT_LENGTH = 80

/** The complaint as compared: plain, stock phrasing removed, at most REPEAT_TEXT_LENGTH characters. */
export function repeatText(complaint: string): string {
  let t = (complaint ?? '').normalize('NFKC')
  for (const re of STOCK) t = t.replace(re, '')
  return plain(t).slice(0, REPEAT_TEXT_LENGTH)
}

/**
 * Keys of a case: `p:` party cores and `q:` their first four characters (so 安泰塑料 finds
 * 安泰塑料制品; the check then wants one core to begin with the other), `s:` named places, `a:`
 * the address as written.
 */
export function repeatKeys(c: { reportedParty: string; address: string; complaint: string }) {
  const keys = new Set<string>()
  const own = partyCore(c.reportedParty)
  for (const p of [...(own.length >= 2 ? [own] : []), ...partiesIn(c.complaint)]) {
    keys.add(`p:${p}`)
    if (p.length >= 4) keys.add(`q:${p.slice(0, 4)}`)
  }
  const address = plain(c.address)
  if (address.length >= 4) keys.add(`a:${address}`)
  for (const s of [...sitesIn(c.address), ...sitesIn(c.complaint)]) keys.add(`s:${s}`)
  return [...keys].slice(0, 24)
}

/** The derived columns the repeat check reads, as every write stores them. */
export function repeatColumns(c: { reportedParty: string; address: string; complaint: string }) {
  return { repeatKeys: repeatKeys(c), repeatText: repeatText(c.complaint) }
}

/**
 * The keys a probe is looked up with: its own keys and `q:` for every four characters of its
 * cleaned complaint (`text`: repeatText of it, when the caller has it already), so a party named
 * in the text without a legal form (华泰电镀把废水…) still finds the earlier case whose party core
 * begins so.
 */
export function probeKeys(
  c: { reportedParty: string; address: string; complaint: string },
  text = repeatText(c.complaint),
) {
  const keys = new Set(repeatKeys(c))
  const chars = [...text]
  for (let i = 0; i + 4 <= chars.length; i++) keys.add(`q:${chars.slice(i, i + 4).join('')}`)
  return [...keys]
}

/** Divisions anywhere in a text (临湖县, 湖滨镇, 白鹭乡): where, not what. */
const DIVISIONS_ANYWHERE = /[\p{Script=Han}]{1,3}?(?:省|市|县|区|镇|乡|街道)/gu

/**
 * What is wrong, as the complaint says it: the cleaned text without divisions, named places and
 * the parties' names — two complaints about one village agree here only when they are about
 * the same trouble.
 */
export function troubleText(complaint: string, keys: readonly string[]): string {
  let t = repeatText(complaint).replace(DIVISIONS_ANYWHERE, '')
  for (const k of keys)
    if (k.startsWith('p:') || k.startsWith('s:')) t = t.split(k.slice(2)).join('')
  return t
}

/** Dice coefficient of two texts' character bigrams (0–1): rewording keeps most bigrams. */
export function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const c = [...s]
    const m = new Map<string, number>()
    for (let i = 0; i + 2 <= c.length; i++) {
      const g = c[i]! + c[i + 1]!
      m.set(g, (m.get(g) ?? 0) + 1)
    }
    return m
  }
  const A = grams(a)
  const B = grams(b)
  let sizeA = 0
  let sizeB = 0
  let common = 0
  for (const n of A.values()) sizeA += n
  for (const [g, n] of B) {
    sizeB += n
    common += Math.min(n, A.get(g) ?? 0)
  }
  return sizeA + sizeB ? (2 * common) / (sizeA + sizeB) : 0
}

/**
 * Kinds of trouble and the words complaints use for them: two complaints about one place agree
 * on what is wrong when they share a kind, however differently they put it (噪声 · 吵 · 打桩).
 */
const TROUBLES: [string, RegExp][] = [
  ['noise', /噪声|噪音|吵|声音|低音炮|震动|打桩|轰鸣|鸣笛|唱|ktv|广场舞|音响/u],
  ['odour', /臭|异味|气味|刺鼻|熏|难闻|腥/u],
  ['dust', /扬尘|粉尘|灰尘|落灰|是灰|全是灰|石粉/u],
  ['smoke', /黑烟|浓烟|烟气|废气|焚烧|冒烟|烟囱/u],
  ['fume', /油烟/u],
  ['paint', /喷漆|油漆/u],
  ['wastewater', /废水|污水|排污|直排|偷排|暗管|排口|血水|粪水|渗滤液|漂染/u],
  ['waste', /垃圾|固废|固体废物|废渣|危险废物|危废|倾倒|填埋|废油|油桶/u],
  ['livestock', /猪|牛|羊|鸡|鸭|鸽|狗|养殖|粪/u],
  ['fish', /鱼塘|渔塘|养鱼|投肥|化肥|富营养/u],
  ['mining', /采砂|挖沙|采石|开采|开山|矿|尾矿|爆破/u],
  ['ecology', /林地|湿地|山体|毁林|占用|侵占|复绿|生态修复/u],
  ['construction', /工地|施工|建筑|渣土/u],
  ['soil', /土壤|农田|庄稼|菜地/u],
]

/** The kinds of trouble a complaint speaks of. */
export function troubles(complaint: string): Set<string> {
  const t = plain(complaint)
  return new Set(TROUBLES.filter(([, re]) => re.test(t)).map(([k]) => k))
}

/** Share of the two complaints' kinds of trouble they have in common (Jaccard, 0–1). */
export function troubleOverlap(a: string, b: string): number {
  const A = troubles(a)
  const B = troubles(b)
  const common = [...A].filter((k) => B.has(k)).length
  const all = new Set([...A, ...B]).size
  return all ? common / all : 0
}
