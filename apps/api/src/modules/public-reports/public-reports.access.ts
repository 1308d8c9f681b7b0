import type { FileAccess } from '../files/index.js'

/** Photos sent with a public report: the city-wide readers of public reports only. */
export const publicReportFileAccess: FileAccess = {
  public_report: (_db, _file, actor) => actor.cityWide && actor.type === 'user',
}
