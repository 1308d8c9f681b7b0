/**
 * The demo city's problem list, modelled on typical second-round feedback. Each line: title,
 * description, domain, source, nature, mode, lead unit, region (county), co-responsible units,
 * and the state the demo puts it in (with how its dates sit against today).
 */
export type DemoState =
  | 'draft'
  | 'plan_review'
  | 'green'
  | 'near'
  | 'behind'
  | 'milestone_missed'
  | 'overdue'
  | 'long_term'
  | 'acceptance'

export interface DemoProblem {
  title: string
  description: string
  domain: 'air' | 'water' | 'soil' | 'solid_waste' | 'ecology' | 'noise' | 'marine' | 'other'
  source: 'feedback' | 'petition' | 'self_check' | 'sweep' | 'inspection' | 'public_report'
  nature: 'individual' | 'common'
  mode: 'immediate' | 'time_bound' | 'long_term'
  lead: string
  region: string
  co: string[]
  state: DemoState
  measures: string[]
}

const p = (
  title: string,
  description: string,
  domain: DemoProblem['domain'],
  lead: string,
  region: string,
  co: string[],
  state: DemoState,
  measures: string[],
  o: Partial<Pick<DemoProblem, 'source' | 'nature' | 'mode'>> = {},
): DemoProblem => ({
  title,
  description,
  domain,
  lead,
  region,
  co,
  state,
  measures,
  source: o.source ?? 'feedback',
  nature: o.nature ?? 'individual',
  mode: o.mode ?? (state === 'long_term' ? 'long_term' : 'time_bound'),
})

export const DEMO_PROBLEMS: DemoProblem[] = [
  p('临湖县城市污水处理厂出水氨氮、总磷超标排放', '督察发现，临湖县城市污水处理厂长期超负荷运行，2025年以来出水氨氮、总磷多次超过一级A标准，超标污水直排湖滨河。', 'water', 'JZ-EEB', 'JZ-LH', ['JZ-HUD', 'JZ-WRB'], 'behind', ['实施污水处理厂提标改造工程', '新建二期处理规模2万吨/日', '加强在线监测和运维监管']),
  p('江州经开区化工园区VOCs治理不到位', '园区内12家企业挥发性有机物收集效率低，部分企业活性炭长期未更换，无组织排放问题突出，群众反映异味扰民。', 'air', 'JZ-EEB', 'JZ-JD', ['JZ-MIIT'], 'green', ['开展园区VOCs走航监测和源解析', '督促企业完成治理设施升级', '建设园区环境监测监控平台']),
  p('青山县废弃矿山生态修复进度严重滞后', '青山县32处废弃矿山仅完成修复9处，部分矿坑长期裸露，存在水土流失和地质灾害隐患。', 'ecology', 'JZ-NRB', 'JZ-QS', ['JZ-EEB'], 'overdue', ['编制废弃矿山生态修复实施方案', '分批实施复绿和地质灾害治理', '建立修复成效评估机制']),
  p('云溪县饮用水水源保护区内违规建设旅游设施', '云溪县石门水库一级保护区内建有农家乐、游船码头等设施，生活污水未经处理排入水库。', 'water', 'JZ-EEB', 'JZ-YX', ['JZ-WRB', 'JZ-NRB'], 'near', ['拆除一级保护区内违规建设项目', '完善保护区界标和隔离防护设施']),
  p('平川县秸秆露天焚烧屡禁不止', '2025年秋收期间卫星遥感监测发现平川县秸秆焚烧火点43个，综合利用率低于全省平均水平。', 'air', 'JZ-AGR', 'JZ-PC', ['JZ-EEB'], 'milestone_missed', ['建立县乡村三级网格化巡查制度', '推进秸秆综合利用项目建设'], { nature: 'common' }),
  p('主城区建筑工地扬尘管控不严', '抽查主城区25个在建工地，14个未落实“六个百分之百”要求，渣土车带泥上路问题普遍。', 'air', 'JZ-HUD', 'JZ-JD', ['JZ-URB'], 'green', ['全面推行工地扬尘在线监控', '开展渣土运输专项整治'], { nature: 'common' }),
  p('江东区黑臭水体整治不彻底、返黑返臭', '已完成整治的5条黑臭水体中，3条在汛期出现返黑返臭，沿河截污管网存在错接混接。', 'water', 'JZ-HUD', 'JZ-JD', ['JZ-WRB', 'JZ-EEB'], 'behind', ['排查整改沿河排口和管网错接混接', '实施清淤和生态补水', '建立河长巡河长效机制']),
  p('沿江非法采砂问题突出', '江西区、临湖县交界江段夜间非法采砂屡打不绝，河床和岸线遭到破坏。', 'ecology', 'JZ-WRB', 'JZ-JX', ['JZ-NRB'], 'green', ['开展非法采砂专项打击行动', '建设重点江段视频监控系统'], { source: 'petition' }),
  p('生活垃圾填埋场渗滤液处理能力不足', '市生活垃圾填埋场渗滤液积存超过8万吨，处理设施能力不足，存在外溢风险。', 'solid_waste', 'JZ-URB', 'JZ-JX', ['JZ-EEB'], 'overdue', ['应急转运处理积存渗滤液', '扩建渗滤液处理站']),
  p('危险废物规范化管理不到位', '部分重点企业危险废物贮存不规范，台账记录不全，转移联单执行不严。', 'solid_waste', 'JZ-EEB', 'JZ-PC', [], 'near', ['开展危险废物规范化环境管理评估', '督促企业完善贮存设施和台账']),
  p('畜禽养殖粪污直排问题', '临湖县部分规模养殖场粪污处理设施不配套，粪污直排周边沟渠。', 'water', 'JZ-AGR', 'JZ-LH', ['JZ-EEB'], 'plan_review', ['完善养殖场粪污处理设施', '推进粪污资源化利用']),
  p('工业园区污水管网雨污混接', '江西区工业园区污水管网覆盖不全，雨污混接导致园区污水进入雨水管网外排。', 'water', 'JZ-HUD', 'JZ-JX', ['JZ-MIIT'], 'draft', ['开展管网排查和混接改造']),
  p('燃煤小锅炉淘汰不彻底', '仍有37台10蒸吨以下燃煤锅炉未按期淘汰，部分已淘汰锅炉死灰复燃。', 'air', 'JZ-MIIT', 'JZ-QS', ['JZ-EEB'], 'acceptance', ['完成剩余燃煤锅炉淘汰或清洁能源替代', '开展“回头看”防止反弹'], { nature: 'common' }),
  p('城区餐饮油烟扰民', '群众反映江东区美食街餐饮油烟直排、噪声扰民，多次投诉未解决。', 'air', 'JZ-URB', 'JZ-JD', [], 'green', ['督促餐饮单位安装油烟净化设施并定期清洗'], { source: 'public_report', mode: 'immediate' }),
  p('夜间施工噪声扰民', '信访件反映临湖县城关镇某工地长期夜间施工，噪声严重影响居民休息。', 'noise', 'JZ-HUD', 'JZ-LH', [], 'draft', ['立即停止违规夜间施工并依法处罚'], { source: 'petition', mode: 'immediate' }),
  p('河道“清四乱”不彻底', '湖滨河、青石河沿岸仍存在乱占、乱采、乱堆、乱建问题，部分问题整改后反弹。', 'ecology', 'JZ-WRB', 'JZ-LH', ['JZ-NRB'], 'green', ['全面排查“四乱”问题并建立台账', '依法拆除河道管理范围内违建']),
  p('自然保护区内违规采石', '青山县省级自然保护区实验区内仍有2家采石场违规生产。', 'ecology', 'JZ-NRB', 'JZ-QS', ['JZ-EEB'], 'behind', ['关停保护区内采石场', '实施矿区生态修复']),
  p('受污染耕地安全利用率不达标', '平川县部分耕地土壤镉超标，安全利用措施落实不到位。', 'soil', 'JZ-AGR', 'JZ-PC', ['JZ-EEB'], 'long_term', ['推广低积累品种和土壤调理', '开展农产品质量协同监测']),
  p('尾矿库环境风险隐患突出', '云溪县3座尾矿库未按要求建设渗滤液收集和防渗设施。', 'soil', 'JZ-EEB', 'JZ-YX', ['JZ-NRB'], 'near', ['完善尾矿库防渗和渗滤液收集设施', '编制突发环境事件应急预案']),
  p('医疗废物收集处置体系不健全', '乡镇卫生院医疗废物收集转运不及时，部分暂存点不规范。', 'solid_waste', 'JZ-EEB', 'JZ-YX', [], 'green', ['建立乡镇医疗废物集中收集转运体系']),
  p('城市建成区黑臭水体长效管护缺失', '江西区2条已整治水体缺乏长效管护，水质不稳定。', 'water', 'JZ-HUD', 'JZ-JX', ['JZ-WRB'], 'long_term', ['落实河湖长制，建立日常巡查管护机制'], { nature: 'common' }),
  p('化工企业违规设置暗管排污', '明察暗访发现江东区某化工企业通过暗管排放生产废水。', 'water', 'JZ-EEB', 'JZ-JD', [], 'acceptance', ['依法查处并移送公安机关', '拆除暗管并开展周边水体监测'], { source: 'inspection' }),
  p('露天矿山粉尘污染', '平川县石料开采和加工企业粉尘无组织排放严重。', 'air', 'JZ-NRB', 'JZ-PC', ['JZ-EEB'], 'overdue', ['督促企业实施封闭作业和喷淋降尘']),
  p('农村生活污水治理设施运行不正常', '抽查45座农村污水处理设施，21座未正常运行。', 'water', 'JZ-AGR', 'JZ-QS', ['JZ-EEB', 'JZ-HUD'], 'behind', ['开展设施运行情况全面排查', '落实第三方专业化运维'], { nature: 'common', source: 'sweep' }),
  p('长江岸线非法码头未清理到位', '沿江岸线仍有4处非法码头未拆除复绿。', 'ecology', 'JZ-WRB', 'JZ-JX', ['JZ-NRB'], 'plan_review', ['拆除非法码头并实施岸线复绿']),
  p('饮用水水源地保护区划定不规范', '部分乡镇集中式饮用水水源地未依法划定保护区。', 'water', 'JZ-EEB', 'JZ-PC', ['JZ-WRB'], 'green', ['完成乡镇级水源地保护区划定'], { nature: 'common', source: 'self_check' }),
  p('重点排污单位自动监测数据弄虚作假', '督察发现个别企业篡改在线监测数据。', 'air', 'JZ-EEB', 'JZ-JX', [], 'acceptance', ['依法严肃查处数据造假行为', '开展自动监测数据质量专项检查'], { mode: 'immediate' }),
  p('城市垃圾分类推进缓慢', '主城区生活垃圾回收利用率低，分类投放设施覆盖不足。', 'solid_waste', 'JZ-URB', 'JZ-JD', ['JZ-HUD'], 'draft', ['完善分类投放收运设施', '开展垃圾分类示范小区创建']),
  p('湖泊围网养殖清理不彻底', '临湖县湖区仍有部分围网养殖未清理，影响水质。', 'water', 'JZ-AGR', 'JZ-LH', ['JZ-WRB'], 'milestone_missed', ['全面拆除湖区围网设施', '实施增殖放流和水生态修复']),
  p('建筑垃圾乱堆乱倒', '城乡结合部建筑垃圾随意倾倒，侵占耕地和河道。', 'solid_waste', 'JZ-URB', 'JZ-JX', ['JZ-HUD'], 'green', ['清理存量建筑垃圾', '建设建筑垃圾消纳场']),
  p('工业企业噪声扰民', '群众反映青山县某机械厂夜间生产噪声超标。', 'noise', 'JZ-EEB', 'JZ-QS', [], 'green', ['督促企业实施降噪改造'], { source: 'public_report', mode: 'immediate' }),
  p('小散乱污企业整治反弹', '部分已取缔的“散乱污”企业异地死灰复燃。', 'air', 'JZ-MIIT', 'JZ-PC', ['JZ-EEB'], 'behind', ['开展“散乱污”企业动态排查', '建立常态化巡查和举报奖励机制'], { nature: 'common' }),
  p('湿地保护区内违规开发', '云溪县湿地公园内违规建设房地产项目。', 'ecology', 'JZ-NRB', 'JZ-YX', ['JZ-HUD'], 'near', ['依法处置违规建设项目', '恢复湿地生态功能']),
  p('入河排污口排查整治滞后', '全市入河排污口排查溯源完成率不足60%。', 'water', 'JZ-EEB', 'JZ-JD', ['JZ-WRB'], 'green', ['完成入河排污口排查溯源', '分类实施排污口整治'], { nature: 'common' }),
  p('加油站油气回收设施运行不正常', '抽查20座加油站，8座油气回收设施故障。', 'air', 'JZ-EEB', 'JZ-JX', [], 'draft', ['督促加油站修复油气回收设施'], { source: 'inspection' }),
  p('化肥农药使用量居高不下', '全市化肥农药减量增效工作进展缓慢。', 'soil', 'JZ-AGR', 'JZ-LH', [], 'long_term', ['推广测土配方施肥和绿色防控'], { nature: 'common' }),
  p('移动源污染管控不力', '柴油货车冒黑烟现象普遍，非道路移动机械编码登记率低。', 'air', 'JZ-EEB', 'JZ-JD', ['JZ-URB'], 'plan_review', ['开展柴油货车路检路查', '完成非道路移动机械编码登记']),
  p('污水处理厂污泥处置不规范', '部分污水处理厂污泥未按规定处置，存在二次污染风险。', 'solid_waste', 'JZ-HUD', 'JZ-YX', ['JZ-EEB'], 'green', ['建设污泥无害化处置设施']),
  p('矿山企业越界开采', '自然资源执法检查发现青山县2家矿山企业越界开采。', 'ecology', 'JZ-NRB', 'JZ-QS', [], 'overdue', ['依法查处越界开采行为', '恢复越界区域生态']),
  p('园区集中供热替代进展缓慢', '江东区工业园区集中供热管网建设滞后，企业自备锅炉未按期关停。', 'air', 'JZ-MIIT', 'JZ-JD', ['JZ-EEB'], 'green', ['加快集中供热管网建设', '关停园区企业自备燃煤锅炉']),
]
