/** Exports (.xlsx) and the dispatch bulletin in English. */
import type zhCNExports from './zh-CN.exports'

const enExports: typeof zhCNExports = {
  exports: {
    buttons: {
      measures: 'Export measures',
      reports: "Export this period's reports",
      petitions: 'Export disclosure table',
      accountability: 'Export accountability counts',
    },
    bulletin: {
      title: 'Dispatch bulletin',
      download: 'Download bulletin',
      sentence: 'The progress sentence the bulletin opens with (same figures as the summary)',
      requirements: 'Requirements for the next period',
      placeholder: 'Leave a blank line between paragraphs, e.g. First, …\n\nSecond, …',
      save: 'Save requirements',
      saved: 'Requirements saved',
      hint: 'The bulletin holds overall progress, behind and overdue problems, notices and cards, petition handling, the ranking and the requirements, as a Word document (.docx).',
    },
  },
}

export default enExports
