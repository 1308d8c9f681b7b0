/**
 * Demo data for the close-out stages: the public holidays and make-up working days (调休) of
 * 2026 and 2027, and five more problems the demo takes through publicity, close-out and
 * rebound reviews.
 */

/**
 * Only what changes the working week: holidays on weekdays, worked weekend days. 2026 as the
 * State Council's general office announced it in November 2025; 2027 laid out by the same
 * rules from the statutory days (marked 预排) — replace it with the notice once published.
 */
export const HOLIDAYS: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [
  ...days('holiday', '元旦', ['2026-01-01', '2026-01-02']),
  ...days('workday', '元旦调休上班', ['2026-01-04']),
  ...days('workday', '春节调休上班', ['2026-02-14', '2026-02-28']),
  ...days('holiday', '春节', [
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-23',
  ]),
  ...days('holiday', '清明节', ['2026-04-06']),
  ...days('holiday', '劳动节', ['2026-05-01', '2026-05-04', '2026-05-05']),
  ...days('workday', '劳动节调休上班', ['2026-05-09']),
  ...days('holiday', '端午节', ['2026-06-19']),
  ...days('workday', '国庆节调休上班', ['2026-09-20', '2026-10-10']),
  ...days('holiday', '中秋节', ['2026-09-25']),
  ...days('holiday', '国庆节', [
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]),
  ...days('holiday', '元旦', ['2027-01-01']),
  ...days('workday', '春节调休上班（预排）', ['2027-01-31', '2027-02-20']),
  ...days('holiday', '春节（预排）', [
    '2027-02-05',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
  ]),
  ...days('holiday', '清明节', ['2027-04-05']),
  ...days('holiday', '劳动节（预排）', ['2027-05-03', '2027-05-04', '2027-05-05']),
  ...days('workday', '劳动节调休上班（预排）', ['2027-05-08']),
  ...days('holiday', '端午节', ['2027-06-09']),
  ...days('holiday', '中秋节', ['2027-09-15']),
  ...days('workday', '国庆节调休上班（预排）', ['2027-09-26', '2027-10-09']),
  ...days('holiday', '国庆节（预排）', [
    '2027-10-01',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ]),
]

function days(kind: 'holiday' | 'workday', name: string, dates: string[]) {
  return dates.map((date) => ({ date, kind, name }))
}

/** Where a demo problem ends up after close-out. */
export type CloseoutState =
  'publicity_over' | 'rectified' | 'not_rectified' | 'rebound_passed' | 'rebound_failed'

export interface CloseoutProblem {
  title: string
  description: string
  domain: 'air' | 'water' | 'soil' | 'solid_waste' | 'ecology'
  lead: string
  region: string
  measure: string
  state: CloseoutState
  /** Days from today the lead unit applied; every later step follows at a fixed pace. */
  applied: number
}

/**
 * The two notices whose period is over: the public-reports seed files its pending objection on
 * the public notice ending first (the street food one), so the landfill is the one ready to close.
 */
export const CLOSEOUT_PROBLEMS: CloseoutProblem[] = [
  {
    title: '西城街道餐饮油烟扰民',
    description:
      '西城街道美食街42家餐饮店油烟净化设施缺失或长期不清洗，油烟直排，周边居民反映强烈。',
    domain: 'air',
    lead: 'JZ-URB',
    region: 'JZ-JX',
    measure: '全部安装并定期清洗油烟净化设施，建立在线监控',
    state: 'publicity_over',
    applied: -45,
  },
  {
    title: '河口镇生活垃圾填埋场渗滤液外溢',
    description: '填埋场调节池容量不足，雨季渗滤液外溢进入周边沟渠，周边群众多次反映异味。',
    domain: 'solid_waste',
    lead: 'JZ-URB',
    region: 'JZ-JX',
    measure: '扩建渗滤液调节池并新建应急处理设施，完成周边沟渠清淤',
    state: 'publicity_over',
    applied: -40,
  },
  {
    title: '湖滨镇畜禽养殖场粪污直排湖滨河',
    description: '3家规模养殖场粪污处理设施不配套，养殖废水经暗沟直排湖滨河。',
    domain: 'water',
    lead: 'JZ-AGR',
    region: 'JZ-LH',
    measure: '配套建设粪污资源化利用设施，封堵全部暗沟',
    state: 'rectified',
    applied: -95,
  },
  {
    title: '桥头镇砖瓦窑厂烟尘无组织排放',
    description: '砖瓦窑厂未建设除尘脱硫设施，生产期间烟尘无组织排放，影响周边村庄。',
    domain: 'air',
    lead: 'JZ-EEB',
    region: 'JZ-PC',
    measure: '责令停产整治，依法查处环境违法行为',
    state: 'not_rectified',
    applied: -90,
  },
  {
    title: '石门乡饮用水水源保护区内违章建筑',
    description:
      '云溪县石门乡饮用水水源二级保护区内存在农家乐等违章建筑6处，生活污水未经处理排放。',
    domain: 'water',
    lead: 'JZ-EEB',
    region: 'JZ-YX',
    measure: '拆除保护区内违章建筑，完成生态修复和界标设置',
    state: 'rebound_passed',
    applied: -220,
  },
  {
    title: '龙潭镇河道非法采砂破坏生态',
    description: '龙潭河下游存在多处非法采砂点，河床破坏严重，岸线植被大面积损毁。',
    domain: 'ecology',
    lead: 'JZ-WRB',
    region: 'JZ-QS',
    measure: '取缔全部非法采砂点，实施河道生态修复',
    state: 'rebound_failed',
    applied: -200,
  },
]
