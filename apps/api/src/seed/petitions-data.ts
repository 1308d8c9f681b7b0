import type { PROBLEM_DOMAINS, PetitionFinding } from '@rectify/schemas'

type ProblemDomain = (typeof PROBLEM_DOMAINS)[number]

/** What a demo unit reported on a case. */
export interface DemoReport {
  finding: PetitionFinding
  investigation: string
  measures: string
  ordersToRectify?: number
  casesFiled?: number
  finesWan?: number
  talkedTo?: number
  heldAccountable?: number
  accountability?: string
}

/** One demo case as the inspection team handed it over, and how far it got. */
export interface DemoCase {
  receiptNo: string
  /** The county that handles it (and its region). */
  county: string
  reportedParty: string
  address: string
  domains: ProblemDomain[]
  complaint: string
  keyCase?: boolean
  /** Demo-only fake complainants. */
  complainant: [string, string]
  /** received: not assigned; handling: assigned only; else reported and reviewed so. */
  state: 'received' | 'handling' | 'submitted' | 'partly_closed' | 'closed'
  report?: DemoReport
}

const closedWater: DemoReport = {
  finding: 'true',
  investigation:
    '经县生态环境分局现场核查，该企业污水处理设施未正常运行，存在废水超标排放问题，反映情况属实。',
  measures: '责令企业立即停产整改，完成污水处理设施提标改造并通过验收，依法立案查处。',
  ordersToRectify: 1,
  casesFiled: 1,
  finesWan: 12.5,
  accountability: '对属地镇分管负责人进行约谈。',
  talkedTo: 1,
}

/** 第一批 (published): handed over 40 days ago, handled and reviewed. */
export const BATCH_ONE: DemoCase[] = [
  {
    receiptNo: 'X5JZ202609010001',
    county: 'JZ-LH',
    reportedParty: '临湖县湖滨镇恒昌化工有限公司',
    address: '临湖县湖滨镇工业集中区纬二路',
    domains: ['water'],
    complaint: '恒昌化工夜间通过雨水管偷排生产废水，湖滨河下游河水发黑发臭，鱼类死亡。',
    keyCase: true,
    complainant: ['张先生', '138****0001'],
    state: 'closed',
    report: closedWater,
  },
  {
    receiptNo: 'X5JZ202609010002',
    county: 'JZ-LH',
    reportedParty: '临湖县城关镇鑫源混凝土搅拌站',
    address: '临湖县城关镇环城北路',
    domains: ['air', 'noise'],
    complaint: '搅拌站露天堆放砂石料未覆盖，扬尘严重，夜间运输车辆噪声扰民。',
    complainant: ['李女士', '139****0002'],
    state: 'closed',
    report: {
      finding: 'mostly_true',
      investigation: '现场检查发现料场部分未覆盖，夜间22时后仍有车辆作业，反映情况基本属实。',
      measures: '督促企业建设全封闭料棚，安装喷淋抑尘设施，禁止夜间22时至次日6时作业。',
      ordersToRectify: 1,
      accountability: '',
    },
  },
  {
    receiptNo: 'X5JZ202609010003',
    county: 'JZ-JD',
    reportedParty: '江东区白沙镇个体养猪场',
    address: '江东区白沙镇白沙村三组',
    domains: ['water', 'soil'],
    complaint: '养猪场粪污直排农田和水塘，臭味大，周边水井水质变差。',
    complainant: ['王先生', '137****0003'],
    state: 'closed',
    report: {
      finding: 'true',
      investigation: '现场核实该养殖场无粪污处理设施，粪污经沟渠流入水塘，反映情况属实。',
      measures: '依法关停该养殖场，清运粪污320吨，对受污染水塘进行清淤和生态修复。',
      ordersToRectify: 1,
      casesFiled: 1,
      finesWan: 3,
      accountability: '对白沙镇农业综合服务中心负责人诫勉谈话。',
      heldAccountable: 1,
    },
  },
  {
    receiptNo: 'X5JZ202609010004',
    county: 'JZ-QS',
    reportedParty: '青山县龙潭镇采石场',
    address: '青山县龙潭镇龙潭村后山',
    domains: ['ecology'],
    complaint: '采石场越界开采，山体破坏严重，废石随意倾倒堵塞河道。',
    keyCase: true,
    complainant: ['赵先生', '136****0004'],
    state: 'partly_closed',
    report: {
      finding: 'true',
      investigation: '经自然资源部门实地测量，采石场越界开采面积约1.2公顷，反映情况属实。',
      measures:
        '责令停止开采，没收违法所得，制定矿山生态修复方案，已清理河道废石，复绿工程正在实施。',
      ordersToRectify: 1,
      casesFiled: 1,
      finesWan: 46.8,
      accountability: '对龙潭镇国土所所长给予政务警告处分。',
      heldAccountable: 1,
    },
  },
  {
    receiptNo: 'X5JZ202609010005',
    county: 'JZ-PC',
    reportedParty: '平川县桥头镇垃圾中转站',
    address: '平川县桥头镇桥东路',
    domains: ['solid_waste', 'air'],
    complaint: '垃圾中转站垃圾清运不及时，渗滤液外流，臭气熏天。',
    complainant: ['刘女士', '135****0005'],
    state: 'closed',
    report: {
      finding: 'partly_true',
      investigation: '中转站渗滤液收集池满溢属实，垃圾清运频次符合规定，反映情况部分属实。',
      measures: '扩建渗滤液收集池，增加除臭设备，每日清运两次并加强巡查。',
      ordersToRectify: 1,
    },
  },
  {
    receiptNo: 'X5JZ202609010006',
    county: 'JZ-YX',
    reportedParty: '云溪县石门乡小水电站',
    address: '云溪县石门乡石门溪',
    domains: ['ecology', 'water'],
    complaint: '小水电站未按要求下泄生态流量，石门溪下游河段长期断流。',
    complainant: ['陈先生', '188****0006'],
    state: 'closed',
    report: {
      finding: 'true',
      investigation: '现场核查电站未安装生态流量泄放设施，下游河段断流约800米，反映情况属实。',
      measures: '电站加装生态流量泄放管和在线监控，接入县水利局监管平台，下游河段已恢复水流。',
      ordersToRectify: 1,
    },
  },
  {
    receiptNo: 'X5JZ202609010007',
    county: 'JZ-JX',
    reportedParty: '江西区河口镇汽修一条街',
    address: '江西区河口镇滨江路',
    domains: ['air'],
    complaint: '多家汽修店露天喷漆，油漆味刺鼻，周边居民不敢开窗。',
    complainant: ['孙女士', '159****0007'],
    state: 'closed',
    report: {
      finding: 'true',
      investigation: '现场检查5家汽修店，其中3家存在露天喷漆行为，反映情况属实。',
      measures: '取缔露天喷漆作业，3家店铺建设密闭喷漆房并配套废气治理设施。',
      ordersToRectify: 3,
      casesFiled: 3,
      finesWan: 6,
    },
  },
  {
    receiptNo: 'X5JZ202609010008',
    county: 'JZ-LH',
    reportedParty: '临湖县青石乡规模养殖场',
    address: '临湖县青石乡青石村',
    domains: ['water'],
    complaint: '养殖场废水处理设施闲置，废水经暗管排入青石河。',
    complainant: ['周先生', '131****0008'],
    state: 'closed',
    report: {
      finding: 'untrue',
      investigation:
        '县农业农村局和生态环境分局联合核查，未发现暗管，处理设施运行记录完整，出水达标，反映情况不属实。',
      measures: '向举报人反馈核查结果，将该养殖场纳入重点监管，每月抽测一次。',
    },
  },
]

/** 第二批 (not yet published): handed over 12 days ago, being handled. */
export const BATCH_TWO: DemoCase[] = [
  {
    // The same plant again: the demo's repeat of X5JZ202609010001.
    receiptNo: 'X5JZ202609130001',
    county: 'JZ-LH',
    reportedParty: '临湖县湖滨镇恒昌化工有限公司。',
    address: '临湖县湖滨镇工业集中区纬二路',
    domains: ['water', 'air'],
    complaint: '恒昌化工整改后又开始夜间偷排废水，湖滨河再次发黑发臭，厂区还有刺鼻气味。',
    keyCase: true,
    complainant: ['张先生', '138****0001'],
    state: 'handling',
  },
  {
    receiptNo: 'X5JZ202609130002',
    county: 'JZ-LH',
    reportedParty: '临湖县城关镇老城区餐饮街',
    address: '临湖县城关镇解放路',
    domains: ['air'],
    complaint: '餐饮店油烟直排，未安装油烟净化器，油烟扰民。',
    complainant: ['吴女士', '133****0010'],
    state: 'handling',
  },
  {
    receiptNo: 'X5JZ202609130003',
    county: 'JZ-LH',
    reportedParty: '临湖县湖滨镇砂场',
    address: '临湖县湖滨镇临湖大堤外侧',
    domains: ['ecology', 'water'],
    complaint: '砂场在湖区非法采砂，破坏湖岸，运砂车辆抛洒严重。',
    complainant: ['郑先生', '177****0011'],
    state: 'submitted',
    report: {
      finding: 'partly_true',
      investigation: '现场未发现正在采砂，但湖岸有新近采挖痕迹，运砂车抛洒属实，反映情况部分属实。',
      measures: '联合水利、公安部门开展夜间巡查，拆除采砂设备2套，责令砂场规范运输并清扫路面。',
      ordersToRectify: 1,
      casesFiled: 1,
      finesWan: 2,
    },
  },
  {
    receiptNo: 'X5JZ202609130004',
    county: 'JZ-JD',
    reportedParty: '江东区东湖街道某小区地下车库',
    address: '江东区东湖街道东湖路66号',
    domains: ['noise'],
    complaint: '小区配电房和水泵房低频噪声严重，影响居民休息。',
    complainant: ['黄女士', '186****0012'],
    state: 'submitted',
    report: {
      finding: 'true',
      investigation: '夜间监测噪声超过标准限值3分贝，反映情况属实。',
      measures: '督促物业更换低噪声水泵，加装减振基础和隔声门，整改后复测达标。',
      ordersToRectify: 1,
    },
  },
  {
    receiptNo: 'X5JZ202609130005',
    county: 'JZ-QS',
    reportedParty: '青山县青山镇建材市场',
    address: '青山县青山镇建材路',
    domains: ['solid_waste'],
    complaint: '建材市场旁空地长期堆放建筑垃圾，无人清运。',
    complainant: ['冯先生', '150****0013'],
    state: 'handling',
  },
  {
    receiptNo: 'X5JZ202609130006',
    county: 'JZ-PC',
    reportedParty: '平川县柳林乡小造纸厂',
    address: '平川县柳林乡柳林村',
    domains: ['water'],
    complaint: '已关停的小造纸厂又偷偷生产，废水排入柳林河。',
    complainant: ['褚女士', '152****0014'],
    state: 'received',
  },
]
