/** The dashboard in English: its charts and tables, the ledger's bucket filter. */
const enDashboard = {
  dashboard: {
    nav: 'Dashboard',
    title: 'Rectification dashboard',
    description:
      'Overall progress, progress by unit, region and domain, weekly completions, overdue and behind problems, supervision and petitions. Click any number or bar to open the filtered list behind it.',
    asOf: 'As of {date}',
    total: 'Problems',
    empty: 'No data',
    viewAll: 'View all {n}',
    buckets: {
      completed: 'Completed',
      on_schedule: 'On schedule',
      behind: 'Behind',
      overdue: 'Overdue',
      closed_not_rectified: 'Closed, not rectified',
    },
    charts: {
      status: 'By status',
      light: 'By light',
      buckets: 'Completed and progress',
      breakdown: 'By unit, region and domain',
      trend: 'Weekly close-outs and the burn-up against deadlines',
      overdue: 'Overdue problems (the 10 most overdue)',
      behind: 'Problems behind plan (the 10 furthest behind)',
      noticesLevel: 'Supervision notices by level',
      noticesStatus: 'Supervision notices by status',
      cards: 'Cards this year',
      petitionsFinding: 'Petitions by finding',
      petitionsStatus: 'Petitions by status',
    },
    view: { chart: 'Chart', table: 'Table' },
    table: { category: 'Item', count: 'Count' },
    series: {
      total: 'Problems',
      completed: 'Completed',
      closedNotRectified: 'Closed, not rectified',
      onSchedule: 'On schedule',
      behind: 'Behind',
      overdue: 'Of which overdue',
      weekly: 'Closed as rectified that week',
      cumulative: 'Closed as rectified, cumulative',
      planned: 'Due by then, cumulative',
    },
    dimension: 'Group by',
    dimensions: { unit: 'Unit', region: 'Region', domain: 'Domain' },
    bucketNote:
      'Completed means in acceptance, in publicity or closed (a close as not rectified is counted apart, never as completed); on schedule and behind split the open problems by light; overdue overlaps both.',
    unitNote:
      'By unit, a problem counts for its lead and co-responsible units (with their sub-units), as the ledger’s unit filter does; a problem can count for several units, so the rows may add up to more than the total.',
    regionNote: 'Problems without a region are not counted.',
    trendNote:
      'ISO weeks (Monday to Sunday) in Beijing time; the plan line counts problems whose deadline has passed.',
    noticesOverdue: 'Reply overdue',
    noticesNote: 'Notices belong to no round; counted by the unit addressed.',
    cardColors: { yellow: 'Yellow card', red: 'Red card' },
    cardsNote:
      'The cards list has no colour filter, so the table has no links: see the Cards page.',
    petitionsNote:
      'Petitions belong to no round filter; counted by handling unit. Cases without a finding yet are not in this chart.',
    overdueDays: '{n} days overdue',
    behindPoints: '{n} points behind',
    columns: { leadUnit: 'Lead unit', daysOverdue: 'Days overdue', pointsBehind: 'Behind plan' },
    ranking: {
      title: 'Unit ranking ({metric})',
      open: 'Full rankings',
      rank: 'Rank',
      unit: 'Unit',
    },
    ledger: { bucket: 'Bucket', closedFrom: 'Closed from', closedTo: 'Closed to' },
  },
}

export default enDashboard
