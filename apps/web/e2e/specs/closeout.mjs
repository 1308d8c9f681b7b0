import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, test } from 'node:test'
import {
  api,
  apiLogin,
  close,
  login,
  logout,
  openPage,
  shot,
  unitByCode,
  withDatabase,
} from '../harness.mjs'
import { repoRoot } from '../system.mjs'
import { pngPhoto, shanghaiDay, stamp } from '../ui.mjs'

/** yauzl lives with the API (its dossier tests read zips with it). */
const yauzl = createRequire(path.join(repoRoot, 'apps/api/package.json'))('yauzl')

/** Every entry of a zip file: name → bytes. */
function readZip(file) {
  return new Promise((resolve, reject) => {
    const entries = new Map()
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      zip.on('error', reject)
      zip.on('end', () => resolve(entries))
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err)
          const chunks = []
          stream.on('data', (c) => chunks.push(c))
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}

/** Arranges, over the API, a published problem with an approved plan and its final reports. */
async function approvedProblem() {
  const admin = await apiLogin('admin')
  const office = await apiLogin('office')
  const eco = await apiLogin('eco')
  const county = await apiLogin('county')
  const [eeb, linhu] = [await unitByCode(admin, 'JZ-EEB'), await unitByCode(admin, 'JZ-LH')]
  const round = (await api(office, 'GET', '/rounds')).items[0]
  const code = `E2E-${stamp()}`
  const title = `临湖县青石河沿岸砂石堆场扬尘污染（${code}）`
  let problem = await api(office, 'POST', '/problems', {
    roundId: round.id,
    code,
    title,
    description: '青石河沿岸砂石堆场未覆盖，车辆带泥上路，周边群众反映强烈。',
    source: 'feedback',
    nature: 'individual',
    domain: 'air',
    regionId: linhu.id,
    mode: 'time_bound',
    deadline: shanghaiDay(60),
    leadUnitId: eeb.id,
    public: true,
  })
  const measure = await api(office, 'POST', `/problems/${problem.id}/measures`, {
    content: '堆场全部覆盖防尘网，进出口设置车辆冲洗平台',
    unitId: linhu.id,
    startDate: shanghaiDay(-90),
    deadline: shanghaiDay(30),
  })
  problem = await api(
    eco,
    'POST',
    `/problems/${problem.id}/transitions`,
    { action: 'submit' },
    problem.version,
  )
  problem = await api(
    office,
    'POST',
    `/problems/${problem.id}/transitions`,
    { action: 'approve', reason: '同意实施。' },
    problem.version,
  )
  // The county finishes its measure and the lead unit the whole task; the office accepts both.
  const period = shanghaiDay(0).slice(0, 7)
  for (const [token, body] of [
    [
      county,
      { measureId: measure.id, period, done: '防尘网全覆盖，冲洗平台投入使用。', percent: 100 },
    ],
    [eco, { period, done: '整改任务全部完成，经监测周边颗粒物浓度达标。', percent: 100 }],
  ]) {
    const report = await api(token, 'POST', `/problems/${problem.id}/reports`, body)
    await api(
      office,
      'POST',
      `/reports/${report.id}/review`,
      { decision: 'accept' },
      report.version,
    )
  }
  return { problem, office }
}

/** Opens the level's review dialog, ticks every criterion with a note and passes it. */
async function passReview(page, problemUrl, opinion) {
  await page.goto(problemUrl)
  await page.getByTestId('acceptance-review-open').click()
  const dialog = page.getByTestId('acceptance-review-dialog')
  await dialog.waitFor()
  const criteria = dialog.locator('[data-testid^="criterion-met-"]')
  assert.equal(await criteria.count(), 5, 'the five Anhui criteria are the checklist')
  for (let i = 0; i < 5; i++) {
    await dialog.getByTestId(`criterion-met-${i}`).click()
    await dialog.getByTestId(`criterion-note-${i}`).fill('现场核查属实')
  }
  await dialog.getByTestId('review-opinion').fill(opinion)
  await dialog.getByTestId('review-pass').click()
  await dialog.getByTestId('acceptance-review-submit').click()
  await dialog.waitFor({ state: 'hidden' })
}

describe('acceptance, publicity and close-out', () => {
  test('two-level acceptance, publicity with an objection from the public board rejected by the office, close-out, the dossier, and the problem closed on the public board', async () => {
    const { problem, office } = await approvedProblem()
    const problemUrl = `/problems/${problem.id}`
    const page = await openPage()

    // The lead unit applies with its self-check.
    await login(page, 'eco')
    await page.goto(problemUrl)
    await page.getByTestId('action-apply').click()
    await page.getByTestId('apply-form').waitFor()
    await page.getByTestId('apply-self-check').fill('经自查，整改措施已全部落实，扬尘问题已消除。')
    await page
      .getByTestId('report-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '验收现场照片.png', mimeType: 'image/png', buffer: pngPhoto() })
    await page
      .getByTestId('upload-验收现场照片.png')
      .and(page.locator('[data-status="done"]'))
      .waitFor()
    await page.getByTestId('apply-submit').click()
    await page.waitForURL(new RegExp(`${problemUrl}(#[\\w-]+)?$`))
    await page.locator('[data-testid="problem-status"][data-status="acceptance"]').waitFor()
    await logout(page)

    // The county's rectification office does the county level; the city office the city level.
    await login(page, 'lhoffice')
    await passReview(page, problemUrl, '县级验收合格，同意报市级复核。')
    await logout(page)
    await login(page, 'office')
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
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    const start = publicityDialog.getByTestId('publicity-start').locator('input')
    await start.fill(today)
    await start.press('Enter')
    await publicityDialog.getByTestId('publicity-submit').click()
    await publicityDialog.waitFor({ state: 'hidden' })
    await page.locator('[data-testid="problem-status"][data-status="publicity"]').waitFor()
    await shot(page, 'closeout-publicity')

    // A citizen objects on the public board (no login).
    const citizen = await openPage()
    await citizen.goto(`/public/problems/${problem.id}`)
    await citizen.locator('[data-testid="public-notice"][data-open="true"]').waitFor()
    await citizen.getByTestId('public-objection').click()
    await citizen.getByTestId('public-report-form').waitFor()
    await citizen.getByTestId('public-report-type-citizen').click()
    await citizen
      .getByTestId('public-report-content')
      .fill('堆场东侧仍有一处未覆盖，雨后车辆带泥上路。')
    await citizen.getByTestId('public-report-submit').click()
    const tracking = (await citizen.getByTestId('public-tracking-code').innerText()).trim()
    assert.match(tracking, /^[A-Z2-9]{12}$/)
    await close(citizen)

    // The office checks and rules the objection unfounded.
    const [objection] = (await api(office, 'GET', `/public-reports?problem=${problem.id}`)).items
    assert.equal(objection.ruling, 'pending')
    await page.goto(`/acceptance/public-reports/${objection.id}`)
    await page.getByTestId('ruling-rejected').click()
    await page.getByTestId('ruling-reason').fill('经现场复核，东侧堆场已覆盖，反映情况不属实。')
    await page.getByTestId('ruling-reply').fill('经核查，堆场已全部覆盖，感谢您的监督。')
    await page.getByTestId('ruling-submit').click()
    await page.locator('[data-testid="public-report-ruling"]', { hasText: '不成立' }).waitFor()

    // Five working days pass (the publicity dates move back two weeks in the database).
    const moved = await withDatabase(async (pg) => {
      await pg.query(
        `update publicities set start_date = start_date - 14, end_date = end_date - 14
         where problem_id = $1 and status = 'open'`,
        [problem.id],
      )
    })
    assert.ok(moved, 'the browser tests run on their own system')

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
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('action-dossier').click(),
    ])
    assert.match(download.suggestedFilename(), /^一案一档-.*\.zip$/)
    const entries = await readZip(await download.path())
    const manifest = JSON.parse(entries.get('manifest.json').toString('utf8'))
    const listed = manifest.entries
    assert.ok(
      listed.some((e) => e.path.startsWith('evidence/') && e.path.endsWith('验收现场照片.png')),
      'the acceptance photo is in the dossier',
    )
    for (const entry of listed) {
      const bytes = entries.get(entry.path)
      assert.ok(bytes, `${entry.path} is in the zip`)
      assert.equal(createHash('sha256').update(bytes).digest('hex'), entry.sha256, entry.path)
    }
    const html = entries.get('index.html').toString('utf8')
    assert.ok(html.includes(problem.code) && html.includes('市级复核通过。'))
    assert.ok(!html.includes('堆场东侧仍有一处未覆盖') || html.includes('不成立'))
    await shot(page, 'closeout-closed')
    await close(page)

    // The public board shows it closed, as rectified; the reporter sees the office's reply.
    const visitor = await openPage()
    await visitor.goto(`/public/problems/${problem.id}`)
    await visitor.locator('[data-testid="public-status"][data-status="closed"]').waitFor()
    await visitor.getByTestId('public-outcome').filter({ hasText: '整改到位' }).waitFor()
    await visitor.goto(`/public/lookup?code=${tracking}`)
    await visitor.getByTestId('public-lookup-reply').filter({ hasText: '感谢您的监督' }).waitFor()
    await close(visitor)
  })
})
