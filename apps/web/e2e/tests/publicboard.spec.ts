import { expectAccessible, expectNoHorizontalOverflow, tabTo } from '../a11y'
import { inPublicity, publicityEnded } from '../acceptance'
import { Api, expect, shot, test, type World } from '../fixtures'
import { shanghaiDay } from '../ui.mjs'

const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

/** A Shanghai date `YYYY-MM-DD` as a pattern of how the board writes it (2026年11月6日). */
const written = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年0?${m}月0?${d}日`
}

/** A public problem of a new city, in progress: on the public board. */
async function publicProblem(world: World) {
  const city = await world.city()
  return world.problemInProgress(city, {
    title: '城区黑臭水体整治不彻底',
    deadline: shanghaiDay(90),
    public: true,
  })
}

interface PublicNotice {
  problem: { id: string }
  notice: { open: boolean; phase: string; startDate: string; endDate: string }
}

test.describe('the public board, for everyone', () => {
  test('every public page fits a 1440 px window and a 390 px phone, and axe-core finds nothing serious', async ({
    openAs,
    world,
  }) => {
    // Seven pages at two sizes, each checked by axe.
    test.setTimeout(480_000)
    const problem = await publicProblem(world)
    const pages = [
      '/public',
      `/public/problems/${problem.id}`,
      '/public/notices',
      '/public/report',
      '/public/lookup',
      '/public/petitions',
      '/public/institutions',
    ]
    const page = await openAs(null)
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size)
      for (const url of pages) {
        await page.goto(url)
        await page.waitForLoadState('networkidle')
        await page.locator('main h1').first().waitFor()
        const where = `${url} at ${size.width}×${size.height}`
        await expectNoHorizontalOverflow(page, where)
        await expectAccessible(page, where)
      }
    }
  })

  test('on a phone the filters fold behind 筛选 and the list starts on the first screen; on a desktop they stay open', async ({
    openAs,
    world,
  }) => {
    await publicProblem(world)
    const page = await openAs(null, { viewport: PHONE })
    await page.goto('/public')
    const toggle = page.getByTestId('public-filters-toggle')
    const status = page.getByTestId('public-filter-status')
    await expect(toggle).toHaveText('筛选')
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await expect(status, 'the selects are folded').toBeHidden()
    const first = page.locator('.pb-item').first()
    await first.waitFor()
    const box = await first.boundingBox()
    expect(box, 'the first problem shows').not.toBeNull()
    expect(box!.y, 'the first problem starts on the first screen').toBeLessThan(PHONE.height)
    await shot(page, 'public-phone-folded')

    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await status.selectOption('in_progress')
    await page.getByTestId('public-search-submit').click()
    await page.waitForURL(/status=in_progress/)
    // Folded again after the search (a new page), the button counts what is chosen.
    await page.getByTestId('public-filters-toggle').filter({ hasText: '筛选（1）' }).waitFor()
    await shot(page, 'public-phone-filtered')

    await page.setViewportSize(DESKTOP)
    await expect(toggle, 'no 筛选 button on a desktop').toBeHidden()
    await expect(status, 'the filters are all in view').toBeVisible()
  })

  test('a close-out notice whose period has ended reads 公示已结束 with its dates and takes no objection', async ({
    openAs,
    world,
  }) => {
    // The acceptance of a problem through the API, then the API restarted to let time pass.
    test.slow()
    const { problem } = await inPublicity(world, '城郊河道垃圾堆放')
    await publicityEnded(problem)
    const { items } = await new Api(null).call<{ items: PublicNotice[] }>('GET', '/public/notices')
    const ended = items.find((i) => i.problem.id === problem.id)
    expect(ended, 'the notice is on the board').toBeDefined()
    expect(ended!.notice).toMatchObject({ phase: 'ended', open: false })
    const { startDate, endDate } = ended!.notice
    const sentence = new RegExp(`公示已结束.*${written(startDate)}.*${written(endDate)}`)
    const page = await openAs(null)

    await page.goto('/public/notices')
    const item = page.locator(`[data-testid="public-notice-item"][data-id="${problem.id}"]`)
    await expect(item.getByTestId('public-notice-state')).toHaveText(sentence)
    await expect(item.getByTestId('public-notice-objection')).toHaveCount(0)

    await page.goto(`/public/problems/${problem.id}`)
    const state = page.getByTestId('public-notice-state')
    await expect(state).toHaveAttribute('data-phase', 'ended')
    await expect(state).toHaveText(sentence)
    await expect(page.getByTestId('public-notice')).toHaveAttribute('data-open', 'false')
    await expect(page.getByTestId('public-objection'), 'no objection button').toHaveCount(0)
    await expect(page.getByTestId('public-report-form'), 'no objection form').toHaveCount(0)
    await shot(page, 'public-publicity-ended')
  })

  test('the objection form works from the keyboard alone', async ({ openAs, world }) => {
    const { problem } = await inPublicity(world, '工业园区异味扰民')
    const page = await openAs(null)
    await page.goto(`/public/problems/${problem.id}`)
    await page.getByTestId('public-objection').waitFor()
    await tabTo(page, '[data-testid="public-objection"]')
    await page.keyboard.press('Enter')
    await page.getByTestId('public-report-form').waitFor()
    await expectAccessible(page, 'the objection form')
    await tabTo(page, '[data-testid="public-report-content"]')
    await page.keyboard.type('公示的整改成效与实际不符，河道沿岸仍有垃圾堆放。')
    await tabTo(page, '[data-testid="public-report-submit"]')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('public-tracking-code')).toHaveText(/^\s*[A-Z2-9]{12}\s*$/)
  })

  test('the report form works from the keyboard alone, on a phone', async ({ openAs }) => {
    const page = await openAs(null, { viewport: PHONE })
    await page.goto('/public/report')
    await page.getByTestId('public-report-form').waitFor()
    // The reporter type is a radio group: arrow keys choose within it.
    await tabTo(page, '[data-testid^="public-report-type-"]')
    await page.keyboard.press('ArrowRight')
    const chosen = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    expect(chosen).not.toBe('public-report-type-citizen')
    await tabTo(page, '[data-testid="public-report-name"]')
    await page.keyboard.type('张先生')
    await tabTo(page, '[data-testid="public-report-content"]')
    await page.keyboard.type('村口小河近一周出现黑臭，疑似上游养殖场排放污水。')
    await tabTo(page, '[data-testid="public-report-submit"]')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('public-tracking-code')).toHaveText(/^\s*[A-Z2-9]{12}\s*$/)
    await expectAccessible(page, 'the report receipt')
  })
})
