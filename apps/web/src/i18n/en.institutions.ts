/** Institutions (建章立制) in English: the registry, the form, the detail page, the problem page's section and the public board's page. */
const enInstitutions = {
  institution: {
    nav: 'Institutions',
    title: 'Institutions',
    description:
      'Rules, mechanisms, documents, standards and plans made to keep fixes lasting, linked to the problems they answer.',
    detail: 'Institution',
    back: 'Back to institutions',
    create: 'Record institution',
    createTitle: 'Record an institution',
    edit: 'Edit',
    editTitle: 'Edit institution',
    saved: 'Saved',
    empty: 'No institutions yet',
    isPublic: 'Public',
    notPublic: 'Internal',
    kinds: {
      regulation: 'Regulation',
      mechanism: 'Mechanism',
      document: 'Document',
      standard: 'Standard',
      plan: 'Plan',
    },
    fields: {
      title: 'Title',
      titlePlaceholder: 'e.g. Long-term rules for restaurant fumes in Linhu County',
      kind: 'Kind',
      docNumber: 'Document number',
      docNumberPlaceholder: 'e.g. 临政办〔2026〕8号; leave empty if none',
      issuingUnit: 'Issuing unit',
      issuedOn: 'Issued on',
      summary: 'Summary',
      public: 'Publish on the public board',
      publicHint:
        'Public institutions appear on the public board (without files; only public problems are named)',
      problems: 'Linked problems',
      problemsPlaceholder: 'Search by problem code or title',
      problemCount: 'Problems',
      files: 'Files',
      noFiles: 'No files',
      createdBy: 'Recorded by',
    },
    filters: {
      q: 'Keyword',
      qPlaceholder: 'Title, document number or summary',
      from: 'Issued from',
      to: 'Issued to',
      public: 'Public',
    },
    required: {
      title: 'Enter the title',
      kind: 'Choose the kind',
      issuingUnit: 'Choose the issuing unit',
      issuedOn: 'Choose the issue date',
    },
    section: {
      title: 'Institutions',
      add: 'Record institution',
      empty: 'No institutions are linked to this problem yet',
    },
    public: {
      title: 'Institutions',
      intro: 'Rules, mechanisms and documents issued to make the fixes last.',
      empty: 'No institutions have been published yet.',
      issued: '{unit} · issued {date}',
      problems: 'Problems addressed',
      count: '{n} in all',
    },
  },
}

export default enInstitutions
