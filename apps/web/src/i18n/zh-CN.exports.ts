/** 导出 (.xlsx) and the dispatch bulletin (调度通报) in Simplified Chinese. */
const zhCNExports = {
  exports: {
    buttons: {
      measures: '导出整改措施',
      reports: '导出本期进展报告',
      petitions: '导出信访件公开表',
      accountability: '导出问责统计',
    },
    bulletin: {
      title: '调度通报',
      download: '下载调度通报',
      sentence: '通报开头的总体进展（与汇总口径一致）',
      requirements: '下一步工作要求',
      placeholder: '每段之间空一行，例如：一是……\n\n二是……',
      save: '保存工作要求',
      saved: '已保存工作要求',
      hint: '通报包含总体进展、滞后和逾期问题、督办和红黄牌、信访件办理、排名和下一步工作要求，下载为 Word 文档（.docx）。',
    },
  },
}

export default zhCNExports
