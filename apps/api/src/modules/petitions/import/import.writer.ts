import type { PetitionImportBody, PetitionImportRow } from '@rectify/schemas'
import type { DbOrTx } from '../../../db/client.js'
import type { petitions } from '../../../db/schema/index.js'
import type { Ctx } from '../../../lib/context.js'
import { uuidv7 } from '../../../lib/ids.js'
import { searchTokens } from '../../../lib/search.js'
import { recordAudit, type AuditEvent } from '../../audit/audit.writer.js'
import { filesRepository } from '../../files/files.repository.js'
import { matchKey } from '../petitions.repeats.js'
import { repeatColumns } from '../repeat-keys.js'
import { importRepository as repo, type NewPetition } from './import.repository.js'
import type { ParsedCase, ParsedSheet } from './rows.js'

type PetitionRow = typeof petitions.$inferSelect

/** A checked sheet: the parsed cases, the cases they update and the repeat links chosen. */
export interface Analysis extends ParsedSheet {
  sheetName: string
  existing: Map<string, PetitionRow>
  /** Row number → earlier case id. */
  repeats: Map<number, string>
  rows: PetitionImportRow[]
}

/** Audit entries per INSERT (the audit writer sends one statement per call). */
const AUDIT_CHUNK = 1000

/**
 * Writes a checked, error-free import inside the caller's transaction: new cases inserted in
 * bulk, existing ones (same receipt number) updated in their handed-over fields while their
 * handling stays, an appearance per case in this batch (the row as read, without the
 * complainant), the repeat links, the remembered column mappings, the sheet attached to the
 * batch, and the audit: one entry for the import and one per case — none names a complainant.
 * Returns how many repeat links were made.
 */
export async function writeImport(
  tx: DbOrTx,
  ctx: Ctx,
  p: {
    batch: { id: string; seq: number }
    fileId: string
    body: PetitionImportBody
    analysis: Analysis
  },
): Promise<number> {
  const { batch, analysis: a } = p
  const mapped = new Set(a.columns.filter((c) => c.field).map((c) => c.field))
  const inserts: NewPetition[] = []
  const updates: NewPetition[] = []
  const perCase: AuditEvent[] = []
  const ids = new Map<number, string>()
  for (const c of a.cases) {
    const before = a.existing.get(c.receiptNo)
    const next = before ? merge(before, c, mapped) : fresh(c, batch.id)
    next.repeatOfId = a.repeats.get(c.row) ?? before?.repeatOfId ?? null
    next.searchTokens = searchTokens(
      next.receiptNo,
      next.reportedParty,
      next.address,
      next.complaint,
    )
    next.partyKey = matchKey(next.reportedParty)
    next.addressKey = matchKey(next.address)
    Object.assign(next, repeatColumns(next as Parameters<typeof repeatColumns>[0]))
    ;(before ? updates : inserts).push(next)
    ids.set(c.row, next.id!)
    perCase.push({
      action: before ? 'petition.reimported' : 'petition.imported',
      entityType: 'petition',
      entityId: next.id!,
      unitId: null,
      before: before ? handedOver(before) : null,
      after: { ...handedOver(next), batchId: batch.id, row: c.row },
    })
  }
  await repo.insertCases(tx, inserts)
  await repo.updateCases(tx, updates)
  await repo.upsertAppearances(
    tx,
    a.cases.map((c) => ({
      petitionId: ids.get(c.row)!,
      batchId: batch.id,
      rowNo: c.row,
      data: appearance(c),
    })),
  )
  const headers = new Set(a.columns.map((c) => c.header))
  await repo.rememberMappings(
    tx,
    Object.entries(p.body.mapping ?? {}).filter(([h]) => headers.has(h)),
  )
  const owner = { ownerType: 'petition_batch', ownerId: batch.id, problemId: null }
  await filesRepository.attach(tx, [p.fileId], owner)
  await recordAudit(tx, ctx, {
    action: 'petition_batch.imported',
    entityType: 'petition_batch',
    entityId: batch.id,
    after: {
      batchId: batch.id,
      batchSeq: batch.seq,
      fileId: p.fileId,
      sheet: a.sheetName,
      counts: { rows: a.cases.length, new: inserts.length, updated: updates.length },
      newReceiptNos: inserts.map((r) => r.receiptNo),
      updatedReceiptNos: updates.map((r) => r.receiptNo),
      repeats: Object.fromEntries(
        [...a.repeats].map(([row, id]) => [a.cases.find((c) => c.row === row)!.receiptNo, id]),
      ),
    },
  })
  await recordAudit(tx, ctx, {
    action: 'file.attached',
    entityType: 'file',
    entityId: p.fileId,
    after: owner,
  })
  for (let i = 0; i < perCase.length; i += AUDIT_CHUNK)
    await recordAudit(tx, ctx, ...perCase.slice(i, i + AUDIT_CHUNK))
  return a.repeats.size
}

/** A new case as handed over: received, unassigned, in this batch. */
function fresh(c: ParsedCase, batchId: string): NewPetition {
  return {
    id: uuidv7(),
    receiptNo: c.receiptNo,
    batchId,
    regionText: c.regionText,
    regionIds: c.regions.map((u) => u.id),
    reportedParty: c.reportedParty,
    address: c.address,
    domains: c.domains,
    complaint: c.complaint,
    keyCase: c.keyCase,
    complainantName: c.complainantName,
    complainantContact: c.complainantContact,
    status: 'received',
  }
}

/**
 * An existing case handed over again: what the new row states replaces what was handed over
 * before (a blank cell keeps the earlier value; the key-case flag follows its column when the
 * sheet has one). Handling — unit, deadline, report, status — is never touched.
 */
function merge(before: PetitionRow, c: ParsedCase, mapped: Set<string | null>): NewPetition {
  const pick = (v: string, old: string) => (v ? v : old)
  return {
    id: before.id,
    receiptNo: before.receiptNo,
    batchId: before.batchId,
    regionText: pick(c.regionText, before.regionText),
    regionIds: c.regions.length ? c.regions.map((u) => u.id) : before.regionIds,
    reportedParty: pick(c.reportedParty, before.reportedParty),
    address: pick(c.address, before.address),
    domains: c.domains.length ? c.domains : before.domains,
    complaint: pick(c.complaint, before.complaint),
    keyCase: mapped.has('keyCase') ? c.keyCase : before.keyCase,
    complainantName: pick(c.complainantName, before.complainantName),
    complainantContact: pick(c.complainantContact, before.complainantContact),
  }
}

/** The handed-over fields the audit keeps (never the complainant). */
function handedOver(r: NewPetition | PetitionRow) {
  return {
    receiptNo: r.receiptNo,
    regionText: r.regionText,
    regionIds: r.regionIds,
    reportedParty: r.reportedParty,
    address: r.address,
    domains: r.domains,
    complaint: r.complaint,
    keyCase: r.keyCase,
    repeatOfId: r.repeatOfId ?? null,
  }
}

/** The row as read, for the case's history in this batch — without the complainant. */
function appearance(c: ParsedCase): Record<string, unknown> {
  const { complainantName: _n, complainantContact: _c, valid: _v, regions, ...rest } = c
  return { ...rest, regionIds: regions.map((u) => u.id) }
}
