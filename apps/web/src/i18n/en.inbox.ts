/** The inbox in English: the top bar's bell and the inbox page. */
const enInbox = {
  inbox: {
    nav: 'Inbox',
    title: 'Inbox',
    description:
      'Reminders of near and missed deadlines, notices, reviews and more; open a message to see its record.',
    bellLabel: 'Inbox, {n} unread',
    unreadOnly: 'Unread only',
    readAll: 'Mark all read',
    readAllDone: '{n} messages marked read',
    empty: 'No messages',
    emptyUnread: 'No unread messages',
    read: 'Read',
    unread: 'Unread',
    kinds: {
      reminder: 'Reminder',
      notice: 'Notice',
      acceptance: 'Acceptance',
      report: 'Progress report',
      card: 'Card',
      inspection: 'Inspection',
      dispatch: 'Dispatch',
      system: 'System',
    },
  },
  unitPeople: {
    action: 'Contact & head',
    title: 'Set contact and head',
    hint: 'Reminders before and on the deadline go to the contact; from 1 day overdue to the head; from 7 days overdue to the office as well. When unset, every user of the unit gets them.',
    contact: 'Contact',
    head: 'Head',
    none: 'Not set',
  },
}

export default enInbox
