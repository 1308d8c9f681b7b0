import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, shot, test, withDatabase, type Api, type City, type Versioned } from '../fixtures'
import { pngPhoto, shanghaiDay } from '../ui.mjs'
import { downloadFrom, readZip } from '../zip'

/**
 * `city`'s county finishes its measure and the lead unit the whole task: both report 100 %
 * this month, and the office accepts both reports.
 */
async function finalReports(city: City, problem: Versioned, measure: Versioned): Promise<void> {
  const period = shanghaiDay(0).slice(0, 7)
  const reports: [Api, object][] = [
    [
      city.countyApi,
      { measureId: measure.id, period, done: '防尘网全覆盖，冲洗平台投入使用。', percent: 100 },
    ],
    [city.leadApi, { period, done: '整改任务全部完成，经监测周边颗粒物浓度达标。', percent: 100 }],
  ]
  for (const [api, body] of reports) {
    const report = await api.call<Versioned>('POST', `/problems/${problem.id}/reports`, body)
    await city.officeApi.call(
      'POST',
      `/reports/${report.id}/review`,
      { decision: 'accept' },
      report.version,
    )
  }
}

/** Opens the level's review dialog, ticks every criterion with a note and passes it. */
async function passReview(page: Page, problemUrl: string, opinion: string): Promise<void> {
  await page.goto(problemUrl)
  await page.getByTestId('acceptance-review-open').click()
  const dialog = page.getByTestId('acceptance-review-dialog')
  await dialog.waitFor()
  await expect(
    dialog.locator('[data-testid^="criterion-met-"]'),
    'the five Anhui criteria are the checklist',
  ).toHaveCount(5)
  for (let i = 0; i < 5; i++) {
    await dialog.getByTestId(`criterion-met-${i}`).click()
    await dialog.getByTestId(`criterion-note-${i}`).fill('现场核查属实')
  }
  await dialog.getByTestId('review-opinion').fill(opinion)
  await dialog.getByTestId('review-pass').click()
  await dialog.getByTestId('acceptance-review-submit').click()
  await dialog.waitFor({ state: 'hidden' })
}

test.describe('acceptance, publicity and close-out', () => {
  test('two-level acceptance, publicity with an objection from the public board rejected by the office, close-out, the dossier, and the problem closed on the public board', async ({
    openAs,
    world,
  }) => {
    // Four people, three review steps, a restart of the API and a dossier: the longest story.
    test.slow()
    // A public problem of a new city's county, led by its department, in progress and reported
    // done; the county's own rectification office (a lead-unit account of the county) does the
    // county level of acceptance.
    const city = await world.city()
    const countyOffice = await world.user(['lead_unit'], {
      unit: city.county,
      displayName: `${city.county.name}整改办 测试`,
    })
    const problem = await world.problemInProgress(city, {
      title: '青石河沿岸砂石堆场扬尘污染',
      description: '青石河沿岸砂石堆场未覆盖，车辆带泥上路，周边群众反映强烈。',
      domain: 'air',
      deadline: shanghaiDay(60),
      public: true,
      measure: '堆场全部覆盖防尘网，进出口设置车辆冲洗平台',
      start: 90,
      measureDeadline: shanghaiDay(30),
    })
    await finalReports(city, problem, problem.measure)
    const problemUrl = `/problems/${problem.id}`

    // The lead unit applies with its self-check.
    const lead = await openAs(city.lead)
    await lead.goto(problemUrl)
    await lead.getByTestId('action-apply').click()
    await lead.getByTestId('apply-form').waitFor()
    await lead.getByTestId('apply-self-check').fill('经自查，整改措施已全部落实，扬尘问题已消除。')
    await lead
      .getByTestId('report-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '验收现场照片.png', mimeType: 'image/png', buffer: pngPhoto() })
    await lead
      .getByTestId('upload-验收现场照片.png')
      .and(lead.locator('[data-status="done"]'))
      .waitFor()
    await lead.getByTestId('apply-submit').click()
    await lead.waitForURL(new RegExp(`${problemUrl}(#[\\w-]+)?$`))
    await lead.locator('[data-testid="problem-status"][data-status="acceptance"]').waitFor()

    // The county's rectification office does the county level; the city office the city level.
    await passReview(await openAs(countyOffice), problemUrl, '县级验收合格，同意报市级复核。')
    const page = await openAs(city.office)
    await passReview(page, problemUrl, '市级复核通过。')
    await page.getByTestId('acceptance-list').getByText('市级复核通过。').waitFor()

    // The office opens publicity for 5 working days.
    await page.getByTestId('publicity-open').click()
    const publicityDialog = page.getByTestId('publicity-dialog')
    await publicityDialog
      .getByTestId('publicity-notice-input')
      .fill(`${problem.code} 整改已通过验收，现予公示。如有异议，请于公示期内通过本平台反映。`)
    // Starting today (by default it starts the next working day), so a citizen may object now:
    // objections are taken within the period only.
    const start = publicityDialog.getByTestId('publicity-start').locator('input')
    await start.fill(shanghaiDay(0))
    await start.press('Enter')
    await publicityDialog.getByTestId('publicity-submit').click()
    await publicityDialog.waitFor({ state: 'hidden' })
    await page.locator('[data-testid="problem-status"][data-status="publicity"]').waitFor()
    await shot(page, 'closeout-publicity')

    // A citizen objects on the public board (no login).
    const citizen = await openAs(null)
    await citizen.goto(`/public/problems/${problem.id}`)
    await citizen.locator('[data-testid="public-notice"][data-open="true"]').waitFor()
    await citizen.getByTestId('public-objection').click()
    await citizen.getByTestId('public-report-form').waitFor()
    await citizen.getByTestId('public-report-type-citizen').click()
    await citizen
      .getByTestId('public-report-content')
      .fill('堆场东侧仍有一处未覆盖，雨后车辆带泥上路。')
    await citizen.getByTestId('public-report-submit').click()
    const trackingCode = citizen.getByTestId('public-tracking-code')
    await expect(trackingCode).toHaveText(/^\s*[A-Z2-9]{12}\s*$/)
    const tracking = (await trackingCode.innerText()).trim()

    // The office checks and rules the objection unfounded.
    const objections = await city.officeApi.call<{ items: { id: string; ruling: string }[] }>(
      'GET',
      `/public-reports?problem=${problem.id}`,
    )
    expect(objections.items.map((o) => o.ruling)).toEqual(['pending'])
    await page.goto(`/acceptance/public-reports/${objections.items[0]!.id}`)
    await page.getByTestId('ruling-rejected').click()
    await page.getByTestId('ruling-reason').fill('经现场复核，东侧堆场已覆盖，反映情况不属实。')
    await page.getByTestId('ruling-reply').fill('经核查，堆场已全部覆盖，感谢您的监督。')
    await page.getByTestId('ruling-submit').click()
    await page.locator('[data-testid="public-report-ruling"]', { hasText: '不成立' }).waitFor()

    // Five working days pass (the publicity dates move back two weeks in the database).
    const moved = await withDatabase([
      {
        sql: `update publicities set start_date = start_date - 14, end_date = end_date - 14
              where problem_id = $1 and status = 'open'`,
        params: [problem.id],
      },
    ])
    expect(moved, 'the open publicity moved').toEqual([1])

    // The office closes the problem as rectified.
    await page.goto(problemUrl)
    await page.getByTestId('closeout-open').click()
    const closeDialog = page.getByTestId('closeout-dialog')
    await closeDialog.getByTestId('closeout-rectified').click()
    await closeDialog.getByTestId('closeout-submit').click()
    await closeDialog.waitFor({ state: 'hidden' })
    await page.locator('[data-testid="problem-status"][data-status="closed"]').waitFor()
    await page.getByTestId('problem-outcome').waitFor()
    await page.getByTestId('rebound-list').waitFor()

    // The dossier: every file in it matches the SHA-256 its manifest states.
    const download = await downloadFrom(page, 'action-dossier')
    expect(download.suggestedFilename()).toMatch(/^一案一档-.*\.zip$/)
    const entries = await readZip(await download.path())
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as {
      entries: { path: string; sha256: string }[]
    }
    const listed = manifest.entries
    expect(
      listed.some((e) => e.path.startsWith('evidence/') && e.path.endsWith('验收现场照片.png')),
      'the acceptance photo is in the dossier',
    ).toBe(true)
    for (const entry of listed) {
      const bytes = entries.get(entry.path)
      expect(bytes, `${entry.path} is in the zip`).toBeTruthy()
      expect(createHash('sha256').update(bytes!).digest('hex'), entry.path).toBe(entry.sha256)
    }
    const html = entries.get('index.html')!.toString('utf8')
    expect(html).toContain(problem.code)
    expect(html).toContain('市级复核通过。')
    expect(!html.includes('堆场东侧仍有一处未覆盖') || html.includes('不成立')).toBe(true)
    await shot(page, 'closeout-closed')

    // The public board shows it closed, as rectified; the reporter sees the office's reply.
    const visitor = await openAs(null)
    await visitor.goto(`/public/problems/${problem.id}`)
    await visitor.locator('[data-testid="public-status"][data-status="closed"]').waitFor()
    await visitor.getByTestId('public-outcome').filter({ hasText: '整改到位' }).waitFor()
    await visitor.goto(`/public/lookup?code=${tracking}`)
    await visitor.getByTestId('public-lookup-reply').filter({ hasText: '感谢您的监督' }).waitFor()
  })
})
