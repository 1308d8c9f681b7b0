import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sealPending } from '../src/lib/crypto/sealed-columns.js'
import { JobScheduler } from '../src/lib/jobs.js'
import { LocalFileStore } from '../src/modules/files/file-store.js'
import { FilesService } from '../src/modules/files/files.service.js'
import { housekeepingJobs } from '../src/modules/housekeeping/housekeeping.jobs.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeRound } from './ledger-factories.js'
import { makeBatch, makeCase } from './petition-factories.js'

/**
 * Issue 18, retention: with COMPLAINANT_RETENTION_DAYS set, a case closed longer ago than that
 * loses its complainant's identity (name, contact, blind indexes) through the housekeeping
 * job, audited; the case and its handling stay, and the complainant route says it was erased.
 */
describe('complainant retention', () => {
  let t: TestApp
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
  const ids = { old: '', recent: '', open: '' }

  beforeAll(async () => {
    t = await createTestApp({ COMPLAINANT_RETENTION_DAYS: 30 })
    const { db } = t.database
    const w = await makeWorld(db)
    const batch = await makeBatch(db, { round: await makeRound(db) })
    const make = (status: 'closed' | 'handling', name: string) =>
      makeCase(db, {
        batch,
        status,
        handlingUnit: w.units.countyA,
        complainantName: name,
        complainantContact: `${name}-13900001111`,
      })
    ids.old = (await make('closed', '期满投诉人')).id
    ids.recent = (await make('closed', '未满投诉人')).id
    ids.open = (await make('handling', '在办投诉人')).id
    await sealPending(t.database, t.cipher)
    await t.database.query(
      `update petitions set closed_at = now() - interval '31 days' where id = $1`,
      [ids.old],
    )
    await t.database.query(
      `update petitions set closed_at = now() - interval '29 days' where id = $1`,
      [ids.recent],
    )
  })
  afterAll(() => t.close())

  const row = async (id: string) =>
    (
      await t.database.query<Record<string, string | null>>(
        `select status, measures, complainant_name, complainant_contact, complainant_name_index,
                complainant_contact_index, complainant_erased_at from petitions where id = $1`,
        [id],
      )
    )[0]!

  it('erases the identity of a case closed longer ago than the period, audited, and keeps the case', async () => {
    const files = new FilesService(t.database.db, new LocalFileStore(t.config.DATA_DIR), 1024)
    const jobs = housekeepingJobs({ db: t.database.db, files, config: t.config })
    expect(jobs.map((j) => j.name)).toContain('erase-complainants')
    expect(
      housekeepingJobs({
        db: t.database.db,
        files,
        config: { ...t.config, COMPLAINANT_RETENTION_DAYS: undefined },
      }).map((j) => j.name),
    ).not.toContain('erase-complainants')
    await new JobScheduler(t.database.db, jobs, quiet, 0).tick()
    const [result] = await t.database.query<{ last_result: string }>(
      `select last_result from scheduled_jobs where name = 'erase-complainants'`,
    )
    expect(result!.last_result).toBe('1 complainant(s) erased')

    const old = await row(ids.old)
    expect(old).toMatchObject({
      status: 'closed',
      complainant_name: '',
      complainant_contact: '',
      complainant_name_index: '',
      complainant_contact_index: '',
    })
    expect(old.measures).not.toBe('')
    expect(old.complainant_erased_at).not.toBeNull()
    for (const id of [ids.recent, ids.open]) {
      const kept = await row(id)
      expect(kept.complainant_name).toMatch(/^enc:/)
      expect(kept.complainant_contact_index).not.toBe('')
      expect(kept.complainant_erased_at).toBeNull()
    }

    const audit = await t.database.query<{ entity_id: string; after: Record<string, unknown> }>(
      `select entity_id, after from audit_log where action = 'petition.complainant_erased'`,
    )
    expect(audit).toHaveLength(1)
    expect(audit[0]!.entity_id).toBe(ids.old)
    expect(audit[0]!.after).toMatchObject({ retentionDays: 30 })
    expect(JSON.stringify(audit[0]!.after)).not.toContain('期满投诉人')
  })

  it('the complainant route says when the identity was erased; a kept one still opens', async () => {
    const w = await makeWorld(t.database.db)
    const office = await as(t.app, w.users.office)
    const erased = await office.get(`/api/v1/petitions/${ids.old}/complainant`)
    expect(erased.statusCode, erased.body).toBe(200)
    expect(erased.json()).toEqual({
      name: '',
      contact: '',
      erasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    const kept = await office.get(`/api/v1/petitions/${ids.recent}/complainant`)
    expect(kept.json()).toEqual({
      name: '未满投诉人',
      contact: '未满投诉人-13900001111',
      erasedAt: null,
    })
  })

  it('erases nothing twice: a second run finds nothing to do', async () => {
    await t.database.query(
      `update scheduled_jobs set next_run_at = now() where name = 'erase-complainants'`,
    )
    const files = new FilesService(t.database.db, new LocalFileStore(t.config.DATA_DIR), 1024)
    const jobs = housekeepingJobs({ db: t.database.db, files, config: t.config })
    await new JobScheduler(t.database.db, jobs, quiet, 0).tick()
    const [result] = await t.database.query<{ last_result: string }>(
      `select last_result from scheduled_jobs where name = 'erase-complainants'`,
    )
    expect(result!.last_result).toBe('nothing to do')
    const [{ n }] = (await t.database.query<{ n: string }>(
      `select count(*) as n from audit_log where action = 'petition.complainant_erased'`,
    )) as [{ n: string }]
    expect(Number(n)).toBe(1)
  })
})
