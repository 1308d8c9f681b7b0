import type {
  PetitionImportBody,
  PetitionImportChoice,
  PetitionImportDifference,
  PetitionImportRow,
} from '@rectify/schemas'
import type { DbOrTx } from '../../../db/client.js'
import type { petitions } from '../../../db/schema/index.js'
import type { Ctx } from '../../../lib/context.js'
import type { FieldCipher } from '../../../lib/crypto/field-cipher.js'
import { uuidv7 } from '../../../lib/ids.js'
import { PIPELINE_SLICE, PIPELINE_STEP, pipeline } from '../../../lib/pipeline.js'
import { searchTokens } from '../../../lib/search.js'
import { recordAuditMany, type AuditEvent } from '../../audit/index.js'
import { matchKey } from '../petitions.repeats.js'
import { sealComplainant } from '../complainant.js'
import { repeatColumns } from '../repeat-keys.js'
import { statusFor, type RowHandling } from './handling.js'
import {
  importRepository as repo,
  type HandlingUpdate,
  type NewPetition,
} from './import.repository.js'
import type { ParsedCase, ParsedSheet } from './rows.js'
import { actorName } from '../../users/index.js'
import { attachFiles } from '../../files/index.js'

type PetitionRow = typeof petitions.$inferSelect

/** What the import does with one row: the handling it states and how its case differs. */
export interface RowPlan {
  handling: RowHandling | null
  differences: PetitionImportDifference[]
  /** The case is reported, closed or published and differs: it changes only on `take`. */
  needsChoice: boolean
  choice: PetitionImportChoice | null
}

/** A checked sheet: the parsed cases, the cases they update and the repeat links chosen. */
export interface Analysis extends ParsedSheet {
  sheetName: string
  existing: Map<string, PetitionRow>
  /** Row number → earlier case id. */
  repeats: Map<number, string>
  /** Row number → its plan. */
  plans: Map<number, RowPlan>
  rows: PetitionImportRow[]
  /** A case the import hands to a unit is due this day (the batch's handover + handling days). */
  deadline: string
}

const HANDED = new Set(['region', 'reportedParty', 'address', 'domains', 'complaint', 'keyCase'])

/**
 * Writes a checked, error-free import inside the caller's transaction: new cases inserted in
 * bulk; existing ones (same receipt number) rewritten only where the row differs — and a
 * reported, closed or published case only when the office chose `take`; the handling a handled
 * disclosure table states landed on its case, marked with the file; an appearance per case in
 * this batch (the row as read, without the complainant, with the differences and the choice);
 * the repeat links, the remembered column mappings, the sheet attached to the batch, and the
 * audit: one entry for the import and one per case changed or kept (before and after) — none
 * names a complainant. Returns how many repeat links were made.
 */
export async function writeImport(
  tx: DbOrTx,
  ctx: Ctx,
  p: {
    batch: { id: string; seq: number }
    fileId: string
    body: PetitionImportBody
    analysis: Analysis
    cipher: FieldCipher
  },
): Promise<number> {
  const { batch, analysis: a, cipher } = p
  const mapped = new Set(a.columns.filter((c) => c.field).map((c) => c.field))
  const inserts: NewPetition[] = []
  const updates: NewPetition[] = []
  const handled: HandlingUpdate[] = []
  const perCase: AuditEvent[] = []
  const ids = new Map<number, string>()
  let unchanged = 0
  // New cases are inserted pipelined (lib/pipeline.ts), PIPELINE_STEP at a time: while the
  // database inserts one step the next is sealed and tokenized. All are awaited below.
  const writes = pipeline()
  let sent = 0
  const flush = () => {
    writes.send(repo.insertCases(tx, inserts.slice(sent)))
    sent = inserts.length
  }
  for (const [k, c] of a.cases.entries()) {
    if (k && k % PIPELINE_SLICE === 0) {
      if (inserts.length - sent >= PIPELINE_STEP) flush()
      await writes.yield()
    }
    const before = a.existing.get(c.receiptNo)
    const plan = a.plans.get(c.row)!
    const h = plan.handling
    const diffs = plan.differences
    if (before && plan.needsChoice && plan.choice === 'keep') {
      ids.set(c.row, before.id)
      perCase.push(event('petition.reimport_kept', before.id, before, diffs, 'keep', batch.id, c))
      continue
    }
    const linked = a.repeats.get(c.row)
    const writesHanded =
      !before ||
      diffs.some((d) => HANDED.has(d.field)) ||
      (!!linked && linked !== before.repeatOfId) ||
      // Compared by blind index: the stored complainant is never opened here.
      (!!c.complainantName &&
        cipher.blindIndex(c.complainantName, 'name') !== before.complainantNameIndex) ||
      (!!c.complainantContact &&
        cipher.blindIndex(c.complainantContact, 'contact') !== before.complainantContactIndex)
    const writesHandling =
      !!h && (!before || before.status === 'received' || diffs.some((d) => !HANDED.has(d.field)))
    if (before && !writesHanded && !writesHandling) {
      ids.set(c.row, before.id)
      unchanged++
      continue
    }
    const next = before ? merge(before, c, mapped, cipher) : fresh(c, batch.id, cipher)
    next.repeatOfId = linked ?? before?.repeatOfId ?? null
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
    if (writesHandling)
      handled.push({
        ...h,
        id: next.id!,
        status: statusFor(h.closure, before),
        deadline: a.deadline,
      })
    if (before)
      perCase.push(event('petition.reimported', before.id, before, diffs, plan.choice, batch.id, c))
    else
      perCase.push({
        action: 'petition.imported',
        entityType: 'petition',
        entityId: next.id!,
        unitId: h?.handlingUnitId ?? null,
        before: null,
        after: {
          ...handedOver(next),
          ...(h ? { handling: handlingOf(h), handlingImportFileId: p.fileId } : {}),
          batchId: batch.id,
          row: c.row,
        },
      })
  }
  if (inserts.length > sent) flush()
  await writes.done()
  await repo.updateCases(tx, updates)
  await repo.applyHandling(tx, handled, {
    by: ctx.actor.id,
    byName: await actorName(tx, ctx.actor),
    fileId: p.fileId,
  })
  await repo.upsertAppearances(
    tx,
    a.cases.map((c) => ({
      petitionId: ids.get(c.row)!,
      batchId: batch.id,
      rowNo: c.row,
      data: appearance(c, a.plans.get(c.row)!),
    })),
  )
  const headers = new Set(a.columns.map((c) => c.header))
  await repo.rememberMappings(
    tx,
    Object.entries(p.body.mapping ?? {}).filter(([h]) => headers.has(h)),
  )
  const owner = { ownerType: 'petition_batch', ownerId: batch.id, problemId: null }
  const attached = await attachFiles(tx, [p.fileId], owner)
  const receipts = (rows: NewPetition[]) => rows.map((r) => r.receiptNo)
  const receiptOf = new Map(a.cases.map((c) => [c.row, c.receiptNo]))
  // One chain append for the import, the attached sheet and every case (JSON in chunks).
  await recordAuditMany(tx, ctx, [
    {
      action: 'petition_batch.imported',
      entityType: 'petition_batch',
      entityId: batch.id,
      after: {
        batchId: batch.id,
        batchSeq: batch.seq,
        fileId: p.fileId,
        sheet: a.sheetName,
        counts: {
          rows: a.cases.length,
          new: inserts.length,
          updated: updates.length,
          handled: handled.length,
          unchanged,
        },
        newReceiptNos: receipts(inserts),
        updatedReceiptNos: receipts(updates),
        keptReceiptNos: a.cases
          .filter((c) => a.plans.get(c.row)!.choice === 'keep')
          .map((c) => c.receiptNo),
        repeats: Object.fromEntries([...a.repeats].map(([row, id]) => [receiptOf.get(row)!, id])),
      },
    },
    ...attached,
    ...perCase,
  ])
  return a.repeats.size
}

/**
 * The audit entry of a re-imported case: each differing field before (the case) and after (the
 * sheet), and the office's choice when the case needed one.
 */
function event(
  action: string,
  id: string,
  before: PetitionRow,
  diffs: PetitionImportDifference[],
  choice: PetitionImportChoice | null,
  batchId: string,
  c: ParsedCase,
): AuditEvent {
  const side = (k: 'current' | 'incoming') => Object.fromEntries(diffs.map((d) => [d.field, d[k]]))
  return {
    action,
    entityType: 'petition',
    entityId: id,
    unitId: before.handlingUnitId,
    before: { receiptNo: before.receiptNo, ...side('current') },
    after: {
      receiptNo: before.receiptNo,
      ...(action === 'petition.reimport_kept' ? {} : side('incoming')),
      batchId,
      row: c.row,
      differences: diffs,
      choice,
    },
  }
}

/** A new case as handed over: received, unassigned, in this batch. */
function fresh(c: ParsedCase, batchId: string, cipher: FieldCipher): NewPetition {
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
    ...sealComplainant(cipher, c.complainantName, c.complainantContact),
    status: 'received',
  }
}

/**
 * An existing case handed over again: what the new row states replaces what was handed over
 * before (a blank cell keeps the earlier value; the key-case flag follows its column when the
 * sheet has one). The handling is the row's handling's business (applyHandling), not this.
 */
function merge(
  before: PetitionRow,
  c: ParsedCase,
  mapped: Set<string | null>,
  cipher: FieldCipher,
): NewPetition {
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
    complainantName: before.complainantName,
    complainantNameIndex: before.complainantNameIndex,
    complainantContact: before.complainantContact,
    complainantContactIndex: before.complainantContactIndex,
    // A blank cell keeps the complainant recorded before; a filled one is sealed anew.
    ...sealComplainant(cipher, c.complainantName || undefined, c.complainantContact || undefined),
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

/** The handling the audit keeps of a new case. */
function handlingOf(h: RowHandling) {
  const { handlingUnit: _u, ...rest } = h
  return rest
}

/**
 * The row as read, for the case's history in this batch — without the complainant; where the
 * case read differently, both texts (`differences`) and what the office chose.
 */
function appearance(c: ParsedCase, plan: RowPlan): Record<string, unknown> {
  const { complainantName: _n, complainantContact: _c, valid: _v, regions, ...rest } = c
  return {
    ...rest,
    regionIds: regions.map((u) => u.id),
    ...(plan.differences.length ? { differences: plan.differences, choice: plan.choice } : {}),
  }
}
