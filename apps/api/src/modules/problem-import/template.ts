import { HEADER_SYNONYMS } from './fields.js'

/**
 * The task-table columns, in the order plans print them; the ledger export starts with the same
 * columns so an exported 台账 imports back.
 */
export const TASK_HEADERS = [
  '序号',
  '问题编号',
  '督察反馈问题',
  '责任单位',
  '牵头市领导',
  '整改目标',
  '整改时限',
  '整改措施',
  '整改方式',
] as const

export const TASK_WIDTHS = [6, 14, 48, 28, 16, 32, 20, 56, 10]

/**
 * The example rows, dated from next year (Asia/Shanghai) so that they import without a warning
 * into a current round; codes of their own (示例第N项) so they never clash with a round's real
 * 反馈问题第N项. The third row's unit is a collective that expands when the box is ticked.
 */
function examples(today: string): string[][] {
  const y = Number(today.slice(0, 4)) + 1
  return [
    [
      '1',
      '示例第1项',
      '城区生活污水收集处理能力不足，部分污水直排入河，城南片区管网雨污混流。',
      '市住建局（牵头）、市生态环境局、江东区人民政府',
      '王明（副市长）',
      `${y + 1}年底前城区生活污水集中收集率达到70%以上，消除污水直排口。`,
      `${y}年6月底前完成管网排查；${y + 1}年底前全部完成整改`,
      `1、${y}年6月底前完成城南片区雨污管网排查，建立问题清单；\n2、新建污水管网12公里，改造混接点120处；\n3、${y + 1}年底前建成城南污水处理厂二期。`,
      '限时整改',
    ],
    [
      '2',
      '示例第2项',
      '部分建筑工地扬尘管控不到位，渣土车带泥上路问题突出。',
      '市住建局\n配合单位：市城管局、市自然资源局',
      '李强（副市长）',
      '建筑工地落实“六个百分之百”扬尘防控措施，渣土运输全部密闭。',
      '立行立改、长期坚持',
      '（1）开展建筑工地扬尘专项检查，发现问题立即整改；（2）建立渣土车辆动态监管平台并长期运行。',
      '长期坚持',
    ],
    [
      '3',
      '示例第3项',
      '饮用水水源保护区内仍有违规建筑和餐饮经营活动。',
      '各县（市、区）人民政府',
      '王明（副市长）',
      '依法清理饮用水水源保护区内违法建设项目和经营活动。',
      `${y}年6月底前`,
      '清理保护区内违规建筑和经营场所，设置隔离防护设施。',
      '限时整改',
    ],
  ]
}

const NOTES: [string, string][] = [
  ['序号', '任务的顺序号；没有“问题编号”时作为编号使用。'],
  ['问题编号', '在同一轮督察中唯一；再次导入时按编号更新已有问题，内容未变的不做修改。'],
  ['督察反馈问题', '问题原文。超过200字时，首句作为标题，全文作为问题描述。'],
  [
    '责任单位',
    '多个单位用“、”“，”“；”或换行分隔；可用“（牵头）”“（配合）”或“牵头单位：…；配合单位：…”标明；未标明时第一个单位为牵头单位。“各县（市、区）人民政府”“各乡镇（街道）”“市直有关单位”“各级党委、政府”等集合名称作为一个整体识别，导入时可展开到所指单位，或作为集体责任并指定牵头协调单位。系统中没有的单位，导入时可选择相近单位或直接新建。',
  ],
  ['牵头市领导', '写作“姓名（职务）”。'],
  ['整改目标', '整改要达到的目标。'],
  [
    '整改时限',
    '如“2023年6月底前”“2022年底前”“立行立改”“长期坚持”“2023年6月底前完成并长期坚持”；一格写多个阶段（以“；”或换行分隔）时，每个阶段成为节点，最后一个阶段为整改时限。',
  ],
  [
    '整改措施',
    '多条措施用“1、”“（1）”“一、”编号或每行一条；每条成为一项措施，时限同整改时限。一个任务也可以占多行（每行一条措施，任务各列合并或留空）。',
  ],
  ['整改方式', '立行立改、限时整改或长期坚持；不填时按整改时限判断。'],
]

/** The downloadable task-table template: title, header, three example rows, and a notes sheet. */
export async function buildTemplate(today: string): Promise<Buffer> {
  // exceljs loads with the first template asked for, not at start.
  const { default: excel } = await import('exceljs')
  const wb = new excel.Workbook()
  wb.creator = 'Rectify'
  const ws = wb.addWorksheet('整改任务清单')
  ws.addRow(['中央生态环境保护督察反馈问题整改任务清单'])
  ws.mergeCells(1, 1, 1, TASK_HEADERS.length)
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.getRow(1).alignment = { horizontal: 'center' }
  const header = ws.addRow([...TASK_HEADERS])
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  for (const r of examples(today)) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' }
  TASK_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  ws.views = [{ state: 'frozen', ySplit: 2 }]
  const notes = wb.addWorksheet('填写说明')
  notes.addRow(['列名', '填写说明', '也可识别的列名']).font = { bold: true }
  const synonyms: Record<string, readonly string[]> = {
    序号: HEADER_SYNONYMS.seq,
    问题编号: HEADER_SYNONYMS.code,
    督察反馈问题: HEADER_SYNONYMS.title,
    责任单位: [...HEADER_SYNONYMS.units, ...HEADER_SYNONYMS.leadUnit, ...HEADER_SYNONYMS.coUnits],
    牵头市领导: HEADER_SYNONYMS.leadLeader,
    整改目标: HEADER_SYNONYMS.target,
    整改时限: HEADER_SYNONYMS.deadline,
    整改措施: HEADER_SYNONYMS.measures,
    整改方式: HEADER_SYNONYMS.mode,
  }
  for (const [name, text] of NOTES)
    notes.addRow([name, text, (synonyms[name] ?? []).join('、')]).alignment = {
      wrapText: true,
      vertical: 'top',
    }
  notes.getColumn(1).width = 14
  notes.getColumn(2).width = 80
  notes.getColumn(3).width = 40
  return Buffer.from(await wb.xlsx.writeBuffer())
}
