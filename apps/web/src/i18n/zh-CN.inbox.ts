/** 消息中心 in Simplified Chinese: the top bar's bell and the inbox page. */
const zhCNInbox = {
  inbox: {
    nav: '消息中心',
    title: '消息中心',
    description: '临期、逾期提醒和督办、审核等消息，点击消息查看对应记录。',
    bellLabel: '消息中心，{n} 条未读',
    unreadOnly: '只看未读',
    readAll: '全部标为已读',
    readAllDone: '已将 {n} 条消息标为已读',
    empty: '暂无消息',
    emptyUnread: '没有未读消息',
    read: '已读',
    unread: '未读',
    kinds: {
      reminder: '提醒',
      notice: '督办单',
      acceptance: '验收',
      report: '进展报告',
      card: '红黄牌',
      inspection: '督查检查',
      dispatch: '调度',
      system: '系统',
    },
  },
  unitPeople: {
    action: '联络员与负责人',
    title: '设置联络员与负责人',
    hint: '到期前和当天的提醒发给联络员，逾期 1 天起升级至负责人，逾期 7 天起同时报整改办。未设置时发给本单位全部用户。',
    contact: '联络员',
    head: '负责人',
    none: '未设置',
  },
}

export default zhCNInbox
