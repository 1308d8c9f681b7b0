import { confirmBox, expect, shot, test, unique, type Api, type Versioned } from '../fixtures'
import { newBatch, sampleBatch, sampleRegions, type Petition } from '../petitions'
import { pickDate, shanghaiDay } from '../ui.mjs'

/** The first case of the batch with a named complainant, and that complainant (as the office reads it). */
async function namedCase(office: Api, batchId: string) {
  const { items } = await office.call<{ items: Petition[] }>(
    'GET',
    `/petitions?batch=${batchId}&limit=100`,
  )
  for (const petition of items) {
    const complainant = await office.call<{ name: string | null; contact: string | null }>(
      'GET',
      `/petitions/${petition.id}/complainant`,
    )
    if (complainant.name && complainant.contact)
      return { petition, complainant: { name: complainant.name, contact: complainant.contact } }
  }
  throw new Error('the sample batch has no case with a named complainant')
}

test.describe('petitions', () => {
  test('the office imports the sample batch and assigns it, the county handles a case, the office closes and publishes; the public board shows the disclosure table without the complainant', async ({
    openAs,
    world,
  }) => {
    // A 50-case import and three people at work: over two minutes on a loaded machine.
    test.slow()
    const city = await world.city()
    const batch = await newBatch(city)
    await sampleRegions(world)
    const sample = sampleBatch(batch.seq)
    const batchUrl = `/petitions/batches/${batch.id}`

    // The office imports the .xlsx: a dry run with no errors, then the confirmation.
    const office = await openAs(city.office)
    await office.goto(batchUrl)
    await office.getByTestId('petition-import-open').click()
    const importDialog = office.getByTestId('petition-import-dialog')
    await importDialog.waitFor()
    await importDialog.locator('input[type=file]').setInputFiles(sample)
    await importDialog.getByTestId('petition-import-dryrun-table').waitFor()
    await expect(importDialog.getByTestId('petition-import-counts')).toContainText('新增 50 件')
    await expect(importDialog.getByTestId('petition-import-error')).toHaveCount(0)
    await expect(importDialog.getByTestId('petition-import-cell-error')).toHaveCount(0)
    await shot(office, 'petitions-dryrun')
    await importDialog.getByTestId('petition-import-confirm').click()
    await importDialog.waitFor({ state: 'hidden', timeout: 60_000 })
    const caseTable = office.getByTestId('petition-case-table')
    await caseTable.getByTestId('petition-row').first().waitFor()
    const imported = await city.officeApi.call<{ caseCount: number }>(
      'GET',
      `/petition-batches/${batch.id}`,
    )
    expect(imported.caseCount).toBe(50)

    // Every received case goes to the county in one assignment.
    await office.getByTestId('petition-select-all').click()
    await office.getByTestId('petition-assign-open').click()
    const assignDialog = office.getByTestId('petition-assign-dialog')
    await assignDialog.waitFor()
    await assignDialog.locator('[data-testid="petition-assign-unit"]:not([role="tree"])').click()
    await office
      .locator('.el-select-dropdown__item:visible')
      .getByText(city.county.name, { exact: true })
      .click()
    await assignDialog.getByTestId('petition-assign-submit').click()
    await assignDialog.waitFor({ state: 'hidden' })
    await caseTable.getByText(city.county.name).first().waitFor()
    await shot(office, 'petitions-assigned')
    const { petition, complainant } = await namedCase(city.officeApi, batch.id)
    expect(petition.status).toBe('handling')
    expect(petition.handlingUnit?.name).toBe(city.county.name)

    // The county finds the case in its list and reports: 属实, what it found and what it did.
    const measures = `已责令${petition.reportedParty || '该企业'}停产整改，拆除违规设施并立案处罚（${petition.receiptNo}）。`
    const county = await openAs(city.countyUser)
    await county.goto(`/petitions?q=${encodeURIComponent(petition.receiptNo)}`)
    await county.getByTestId('petition-row').filter({ hasText: petition.receiptNo }).click()
    await county.waitForURL(new RegExp(`/petitions/${petition.id}$`))
    const form = county.getByTestId('petition-report-form')
    await form.waitFor()
    await form.getByTestId('petition-report-finding').getByText('属实', { exact: true }).click()
    await form
      .getByTestId('petition-report-investigation')
      .fill('经县生态环境分局现场核查，群众反映情况属实。')
    await form.getByTestId('petition-report-measures').fill(measures)
    await form.getByTestId('petition-report-submit').click()
    await form.waitFor({ state: 'hidden' })
    await county.getByTestId('petition-handling').getByText(measures).waitFor()
    await shot(county, 'petitions-reported')

    // The office closes the case (办结) and publishes the batch.
    await office.goto(`/petitions/${petition.id}`)
    await office.getByTestId('petition-review-close').click()
    await office.getByTestId('petition-review').waitFor({ state: 'hidden' })
    const closed = await city.officeApi.call<Petition>('GET', `/petitions/${petition.id}`)
    expect(closed.status).toBe('closed')
    await office.goto(batchUrl)
    await office.getByTestId('petition-publish').click()
    await confirmBox(office)
    await office.getByTestId('petition-batch-published-at').waitFor()
    await shot(office, 'petitions-published')

    // The public board: the case's row with the county's measures, and no complainant anywhere.
    const visitor = await openAs(null)
    await visitor.goto(`/public/petitions?batch=${batch.id}`)
    const row = visitor
      .getByTestId('public-petition-table')
      .getByTestId('public-petition-row')
      .filter({ hasText: petition.receiptNo })
    await expect(row, 'the row shows the handling').toContainText(measures)
    const text = await visitor.locator('body').innerText()
    expect(text, 'no complainant name on the public board').not.toContain(complainant.name)
    expect(text, 'no complainant contact on the public board').not.toContain(complainant.contact)
    await shot(visitor, 'petitions-public')
  })

  test('the county answers a sweep with none found, signed; the sweep shows the county as none found', async ({
    openAs,
    world,
  }) => {
    // A common problem of the city's round, and the sweep the office launches from it.
    const city = await world.city()
    const problem = await world.problem(city, {
      title: '建筑工地扬尘管控不到位',
      nature: 'common',
      deadline: shanghaiDay(120),
    })
    const sweep = await city.officeApi.call<Versioned>('POST', `/problems/${problem.id}/sweeps`, {
      title: `全市建筑工地扬尘问题举一反三排查（${problem.code}）`,
      instructions: '请对辖区内在建工地开展全面排查，如实报告发现的同类问题。',
      unitIds: [city.county.id],
      dueDate: shanghaiDay(14),
    })
    const statement = `经全面排查，我县在建工地均落实“六个百分之百”要求，未发现同类问题（${unique('')}）。`
    const page = await openAs(city.countyUser)
    await page.goto('/sweeps')
    await page.getByTestId(`sweep-link-${sweep.id}`).click()
    await page.waitForURL(new RegExp(`/sweeps/${sweep.id}$`))
    const form = page.getByTestId('sweep-report-form')
    await form.waitFor()
    await form.getByTestId('sweep-report-none').click()
    await form.getByTestId('sweep-report-statement').fill(statement)
    await form
      .getByTestId('sweep-report-signed-by')
      .fill(`${city.county.name}生态环境分局 局长 周某某`)
    await form.getByTestId('sweep-report-submit').click()
    await page
      .locator(`[data-testid="sweep-unit-status-${city.county.id}"][data-status="none"]`)
      .waitFor()
    await page.getByTestId('sweep-units-table').getByText(statement).waitFor()
    await shot(page, 'sweep-none-found')
  })

  test('the office records an institution from a problem page; the problem lists it', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    const problem = await world.problemInProgress(city, {
      title: '建筑工地扬尘防治长效机制缺失',
      deadline: shanghaiDay(120),
    })
    const title = `${city.county.name}建筑工地扬尘防治长效管理办法（${unique('')}）`
    const page = await openAs(city.office)
    await page.goto(`/problems/${problem.id}`)
    await page.getByTestId('problem-institution-add').click()
    const dialog = page.getByTestId('institution-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('institution-title').fill(title)
    await dialog.getByTestId('institution-doc-number').fill('临政办〔2026〕12号')
    await dialog.locator('[data-testid="institution-unit"]:not([role="tree"])').click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .getByText(city.county.name, { exact: true })
      .click()
    await pickDate(page, 'institution-issued-on', shanghaiDay(0))
    await dialog
      .getByTestId('institution-summary')
      .fill('建立工地扬尘“六个百分之百”日常巡查、通报和约谈机制。')
    await dialog.getByTestId('institution-save').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByTestId('problem-institutions').getByText(title).waitFor()
    const { items } = await city.officeApi.call<{ items: { title: string }[] }>(
      'GET',
      `/institutions?problem=${problem.id}`,
    )
    expect(items.map((i) => i.title)).toEqual([title])
    await shot(page, 'institution-on-problem')
  })
})
