import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  api,
  apiLogin,
  close,
  confirmBox,
  login,
  logout,
  openPage,
  shot,
  unitByCode,
} from '../harness.mjs'
import { newBatch, sampleBatch } from '../petitions.mjs'
import { pickDate, shanghaiDay, stamp } from '../ui.mjs'

/** The first case of the batch with a named complainant, and that complainant (as the office reads it). */
async function namedCase(office, batchId) {
  const { items } = await api(office, 'GET', `/petitions?batch=${batchId}&limit=100`)
  for (const petition of items) {
    const complainant = await api(office, 'GET', `/petitions/${petition.id}/complainant`)
    if (complainant.name && complainant.contact) return { petition, complainant }
  }
  assert.fail('the sample batch has a case with a named complainant')
}

describe('petitions', () => {
  test('the office imports the sample batch and assigns it, the county handles a case, the office closes and publishes; the public board shows the disclosure table without the complainant', async () => {
    const office = await apiLogin('office')
    const batch = await newBatch(office)
    const sample = sampleBatch(batch.seq)
    const batchUrl = `/petitions/batches/${batch.id}`
    const page = await openPage()

    // The office imports the .xlsx: a dry run with no errors, then the confirmation.
    await login(page, 'office')
    await page.goto(batchUrl)
    await page.getByTestId('petition-import-open').click()
    const importDialog = page.getByTestId('petition-import-dialog')
    await importDialog.waitFor()
    await importDialog.locator('input[type=file]').setInputFiles({
      name: sample.name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: sample.buffer,
    })
    await importDialog.getByTestId('petition-import-dryrun-table').waitFor()
    assert.match(await importDialog.getByTestId('petition-import-counts').innerText(), /新增 50 件/)
    assert.equal(await importDialog.getByTestId('petition-import-error').count(), 0)
    assert.equal(await importDialog.getByTestId('petition-import-cell-error').count(), 0)
    await shot(page, 'petitions-dryrun')
    await importDialog.getByTestId('petition-import-confirm').click()
    await importDialog.waitFor({ state: 'hidden', timeout: 60_000 })
    const caseTable = page.getByTestId('petition-case-table')
    await caseTable.getByTestId('petition-row').first().waitFor()
    assert.equal((await api(office, 'GET', `/petition-batches/${batch.id}`)).caseCount, 50)

    // Every received case goes to 临湖县 in one assignment.
    await page.getByTestId('petition-select-all').click()
    await page.getByTestId('petition-assign-open').click()
    const assignDialog = page.getByTestId('petition-assign-dialog')
    await assignDialog.waitFor()
    await assignDialog.locator('[data-testid="petition-assign-unit"]:not([role="tree"])').click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .getByText('临湖县', { exact: true })
      .click()
    await assignDialog.getByTestId('petition-assign-submit').click()
    await assignDialog.waitFor({ state: 'hidden' })
    await caseTable.getByText('临湖县').first().waitFor()
    await shot(page, 'petitions-assigned')
    const { petition, complainant } = await namedCase(office, batch.id)
    assert.equal(petition.status, 'handling')
    assert.equal(petition.handlingUnit?.name, '临湖县')
    await logout(page)

    // The county finds the case in its list and reports: 属实, what it found and what it did.
    const measures = `已责令${petition.reportedParty || '该企业'}停产整改，拆除违规设施并立案处罚（${petition.receiptNo}）。`
    await login(page, 'county')
    await page.goto(`/petitions?q=${encodeURIComponent(petition.receiptNo)}`)
    await page.getByTestId('petition-row').filter({ hasText: petition.receiptNo }).click()
    await page.waitForURL(new RegExp(`/petitions/${petition.id}$`))
    const form = page.getByTestId('petition-report-form')
    await form.waitFor()
    await form.getByTestId('petition-report-finding').getByText('属实', { exact: true }).click()
    await form
      .getByTestId('petition-report-investigation')
      .fill('经县生态环境分局现场核查，群众反映情况属实。')
    await form.getByTestId('petition-report-measures').fill(measures)
    await form.getByTestId('petition-report-submit').click()
    await form.waitFor({ state: 'hidden' })
    await page.getByTestId('petition-handling').getByText(measures).waitFor()
    await shot(page, 'petitions-reported')
    await logout(page)

    // The office closes the case (办结) and publishes the batch.
    await login(page, 'office')
    await page.goto(`/petitions/${petition.id}`)
    await page.getByTestId('petition-review-close').click()
    await page.getByTestId('petition-review').waitFor({ state: 'hidden' })
    assert.equal((await api(office, 'GET', `/petitions/${petition.id}`)).status, 'closed')
    await page.goto(batchUrl)
    await page.getByTestId('petition-publish').click()
    await confirmBox(page)
    await page.getByTestId('petition-batch-published-at').waitFor()
    await shot(page, 'petitions-published')
    await close(page)

    // The public board: the case's row with the county's measures, and no complainant anywhere.
    const visitor = await openPage()
    await visitor.goto(`/public/petitions?batch=${batch.id}`)
    const row = visitor
      .getByTestId('public-petition-table')
      .getByTestId('public-petition-row')
      .filter({ hasText: petition.receiptNo })
    await row.waitFor()
    assert.ok((await row.innerText()).includes(measures), 'the row shows the handling')
    const text = await visitor.locator('body').innerText()
    assert.ok(!text.includes(complainant.name), 'no complainant name on the public board')
    assert.ok(!text.includes(complainant.contact), 'no complainant contact on the public board')
    await shot(visitor, 'petitions-public')
    await close(visitor)
  })

  test('the county answers the demo sweep with none found, signed; the sweep shows 临湖县 as none found', async () => {
    const county = await apiLogin('county')
    const admin = await apiLogin('admin')
    const linhu = await unitByCode(admin, 'JZ-LH')
    const sweep = (await api(county, 'GET', '/sweeps')).items.find(
      (s) => s.title === '全市建筑工地扬尘问题举一反三排查',
    )
    assert.ok(sweep, 'the demo sweep reaches 临湖县')
    const statement = `经全面排查，我县在建工地均落实“六个百分之百”要求，未发现同类问题（${stamp()}）。`
    const page = await openPage()
    await login(page, 'county')
    await page.goto('/sweeps')
    await page.getByTestId(`sweep-link-${sweep.id}`).click()
    await page.waitForURL(new RegExp(`/sweeps/${sweep.id}$`))
    const form = page.getByTestId('sweep-report-form')
    await form.waitFor()
    await form.getByTestId('sweep-report-none').click()
    await form.getByTestId('sweep-report-statement').fill(statement)
    await form.getByTestId('sweep-report-signed-by').fill('临湖县生态环境分局 局长 周某某')
    await form.getByTestId('sweep-report-submit').click()
    await page
      .locator(`[data-testid="sweep-unit-status-${linhu.id}"][data-status="none"]`)
      .waitFor()
    await page.getByTestId('sweep-units-table').getByText(statement).waitFor()
    await shot(page, 'sweep-none-found')
    await close(page)
  })

  test('the office records an institution from a problem page; the problem lists it', async () => {
    const office = await apiLogin('office')
    const admin = await apiLogin('admin')
    const linhu = await unitByCode(admin, 'JZ-LH')
    const [problem] = (
      await api(office, 'GET', `/problems?status=in_progress&region=${linhu.id}&limit=1`)
    ).items
    assert.ok(problem, 'the demo has a problem of 临湖县 in progress')
    const title = `临湖县建筑工地扬尘防治长效管理办法（${stamp()}）`
    const page = await openPage()
    await login(page, 'office')
    await page.goto(`/problems/${problem.id}`)
    await page.getByTestId('problem-institution-add').click()
    const dialog = page.getByTestId('institution-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('institution-title').fill(title)
    await dialog.getByTestId('institution-doc-number').fill('临政办〔2026〕12号')
    await dialog.locator('[data-testid="institution-unit"]:not([role="tree"])').click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .getByText('临湖县', { exact: true })
      .click()
    await pickDate(page, 'institution-issued-on', shanghaiDay(0))
    await dialog
      .getByTestId('institution-summary')
      .fill('建立工地扬尘“六个百分之百”日常巡查、通报和约谈机制。')
    await dialog.getByTestId('institution-save').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByTestId('problem-institutions').getByText(title).waitFor()
    const [institution] = (await api(office, 'GET', `/institutions?problem=${problem.id}`)).items
    assert.equal(institution.title, title)
    await shot(page, 'institution-on-problem')
    await close(page)
  })
})
