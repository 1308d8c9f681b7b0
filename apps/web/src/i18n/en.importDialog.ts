/** What the three import dialogs share (ImportDialogShell), in English. */
const enImportDialog = {
  importDialog: {
    template: 'Download the template',
    errorsFile: 'Download the file with errors marked',
    errorsFileHint:
      'Your own table back, each cell in error filled light red with a comment saying what is wrong; fix it and import it again',
    ignore: 'Ignore this column',
    errorsTitle: '{n} errors found: fix the file and upload it again, or adjust the column mapping',
    errorAt: 'Row {row} “{column}”: {message}',
    phoneHint:
      'An import means checking a whole table and how each column maps, which is best done on a computer. It still works on a phone: choose the file, read the check, then confirm.',
  },
}

export default enImportDialog
