import type { PetitionImportReport } from '@rectify/schemas'
import { describe, expect, it } from 'vitest'
import {
  canCommit,
  chosenChoices,
  chosenRepeats,
  columnsToAsk,
  indexErrors,
  pendingChoices,
} from './petition-import'

const candidate = (id: string) => ({
  id,
  receiptNo: `R-${id}`,
  batchSeq: 1,
  reportedParty: '',
  address: '',
  complaint: '',
  status: 'received' as const,
  reasons: ['party' as const],
  matchedParty: '宏达化工',
  matchedSite: null,
  similarity: 0.5,
  problem: null,
})

const row = (n: number, more: Partial<PetitionImportReport['rows'][number]> = {}) => ({
  row: n,
  receiptNo: `X${n}`,
  action: 'new' as const,
  regionText: '',
  regions: [],
  reportedParty: '',
  address: '',
  domains: [],
  complaint: 'c',
  keyCase: false,
  finding: null,
  hasComplainant: false,
  handling: null,
  differences: [],
  needsChoice: false,
  choice: null,
  repeatCandidates: [],
  ...more,
})

function report(more: Partial<PetitionImportReport> = {}): PetitionImportReport {
  return {
    dryRun: true,
    sheet: 'S',
    columns: [
      { index: 0, header: '受理编号', field: 'receiptNo', by: 'synonym' },
      { index: 1, header: '所属区域', field: 'region', by: 'synonym' },
      { index: 2, header: '罚款金额(万元)', field: 'finesWan', by: 'synonym' },
      { index: 3, header: '督察组备注', field: null, by: 'none' },
      { index: 4, header: '投诉详情', field: 'complaint', by: 'mapping' },
    ],
    missingFields: [],
    rows: [row(3), row(4)],
    errors: [],
    counts: {
      rows: 2,
      new: 2,
      updated: 0,
      errors: 0,
      repeats: 0,
      handled: 0,
      needChoice: 0,
      unchanged: 0,
    },
    imported: false,
    ...more,
  }
}

describe('petition import helpers', () => {
  it('puts each error in the cell of the field its column maps to', () => {
    const e = (row: number, column: string) => ({
      row,
      column,
      cell: null,
      message: column,
      messageEn: column,
    })
    const index = indexErrors(
      report({
        errors: [e(3, '所属区域'), e(3, '罚款金额(万元)'), e(4, '重复件'), e(4, '受理编号')],
      }),
    )
    expect(index.cell(3, 'region').map((x) => x.column)).toEqual(['所属区域'])
    // A column the table does not show, or no column at all, goes to the row's "other" cell.
    expect(index.cell(3, 'other').map((x) => x.column)).toEqual(['罚款金额(万元)'])
    expect(index.cell(4, 'other').map((x) => x.column)).toEqual(['重复件'])
    expect(index.cell(4, 'receiptNo')).toHaveLength(1)
    expect(index.row(3)).toHaveLength(2)
    expect(index.cell(5, 'region')).toEqual([])
  })

  it('asks about unknown and user-mapped columns, never synonyms', () => {
    expect(columnsToAsk(report()).map((c) => c.header)).toEqual(['督察组备注', '投诉详情'])
  })

  it('allows the import only with rows and without errors', () => {
    expect(canCommit(report())).toBe(true)
    expect(canCommit(report({ rows: [] }))).toBe(false)
    expect(
      canCommit(
        report({ errors: [{ row: 3, column: 'x', cell: 'C3', message: 'm', messageEn: 'm' }] }),
      ),
    ).toBe(false)
    expect(canCommit(null)).toBe(false)
  })

  it('sends only repeat links the current report still offers', () => {
    const r = report({ rows: [row(3, { repeatCandidates: [candidate('a')] }), row(4)] })
    expect(chosenRepeats(r, { '3': 'a', '4': 'b', '9': 'a' })).toEqual({ '3': 'a' })
    expect(chosenRepeats(r, { '3': 'z' })).toEqual({})
  })

  it('holds the import until every reported, closed or published case that differs has keep or take', () => {
    const diff = { field: 'measures' as const, current: 'a', incoming: 'b' }
    const r = report({
      rows: [
        row(3, { action: 'update', differences: [diff], needsChoice: true }),
        row(4, { action: 'update', differences: [diff], needsChoice: false }),
        row(5, { action: 'update', differences: [diff], needsChoice: true }),
      ],
    })
    expect(pendingChoices(r, {})).toEqual([3, 5])
    expect(canCommit(r, { '3': 'keep' })).toBe(false)
    expect(canCommit(r, { '3': 'keep', '5': 'take' })).toBe(true)
    // Only rows that need a choice send one.
    expect(chosenChoices(r, { '3': 'keep', '4': 'take', '9': 'keep' })).toEqual({ '3': 'keep' })
  })
})
