/** What the three import dialogs share (ImportDialogShell), in Simplified Chinese. */
const zhCNImportDialog = {
  importDialog: {
    template: '下载导入模板',
    errorsFile: '下载错误标注文件',
    errorsFileHint: '下载您上传的原表，有错误的单元格标为浅红色并附批注，改正后可直接重新导入',
    ignore: '忽略此列',
    errorsTitle: '发现 {n} 处错误，修正后重新上传或调整列映射',
    errorAt: '第 {row} 行「{column}」：{message}',
    phoneHint:
      '导入需要核对整张表格和每一列的对应关系，建议在电脑上操作。在手机上也可以完成：选择文件、查看检查结果后确认导入。',
  },
}

export default zhCNImportDialog
