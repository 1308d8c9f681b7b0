/**
 * The phone layout's rules (issue 19), measured in the page: nothing pans sideways, no visible
 * control is a smaller tap target than 44×44 px, every open dialog lies inside the viewport.
 */
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** A phone: 390×844, touch, mobile viewport. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }

export interface Measurement {
  wide: string[]
  page: { scroll: number; client: number }
  main: { scroll: number; client: number } | null
  small: string[]
  smallest: { width: number; height: number; what: string }
  outside: string[]
}

/** What the page measures: overflow widths, the controls under 44 px, dialogs outside the viewport. */
export function measure(page: Page): Promise<Measurement> {
  return page.evaluate(() => {
    const CONTROLS =
      'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=tab],' +
      ' [role=menuitem], [role=switch], [role=checkbox], [role=radio], [role=combobox]'
    // The tap target of an Element Plus field is its whole frame, not the bare <input> inside.
    const FRAME =
      '.el-input__wrapper, .el-select__wrapper, .el-textarea, .el-checkbox, .el-radio,' +
      ' .el-switch, .el-input-number, .el-radio-button, .el-upload-dragger, .el-upload'
    const shown = (el: Element) =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      el.getClientRects().length > 0
    const small: string[] = []
    let smallest = { width: Infinity, height: Infinity, what: '' }
    for (const el of document.querySelectorAll<HTMLElement>(CONTROLS)) {
      if (!shown(el)) continue
      const own = el.getBoundingClientRect()
      if (own.right <= 0) continue // parked off-screen until focused (the skip link)
      const frame = el.closest(FRAME)?.getBoundingClientRect()
      const width = Math.max(own.width, frame?.width ?? 0)
      const height = Math.max(own.height, frame?.height ?? 0)
      if (width === 0 && height === 0) continue
      const label =
        el.innerText || el.getAttribute('aria-label') || el.getAttribute('placeholder') || ''
      const what = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}.${String(el.className).split(' ')[0]} "${label.trim().slice(0, 24)}"`
      if (Math.min(width, height) < Math.min(smallest.width, smallest.height))
        smallest = { width: Math.round(width), height: Math.round(height), what }
      if (width < 43.5 || height < 43.5)
        small.push(`${what} ${Math.round(width)}×${Math.round(height)}`)
    }
    const outside: string[] = []
    for (const el of document.querySelectorAll('.el-dialog, .el-message-box, .el-drawer')) {
      if (!shown(el)) continue
      const r = el.getBoundingClientRect()
      if (r.left < -0.5 || r.right > window.innerWidth + 0.5 || r.top < -0.5)
        outside.push(`${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`)
    }
    const main = document.getElementById('main')
    // What sticks out on the right, to name the culprit when a page is too wide.
    const wide: string[] = []
    const limit = main ? main.getBoundingClientRect().right : window.innerWidth
    for (const el of document.querySelectorAll('#main *')) {
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.right > limit + 0.5 && wide.length < 5)
        wide.push(
          `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} ${Math.round(r.left)}..${Math.round(r.right)}`,
        )
    }
    return {
      wide,
      page: {
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      },
      main: main ? { scroll: main.scrollWidth, client: main.clientWidth } : null,
      small,
      smallest,
      outside,
    }
  })
}

/**
 * Waits until nothing is moving: a dialog sliding in or out lies partly off-screen for a moment,
 * and text fading in reads to axe as too faint (endless animations, such as a loading spinner,
 * never rest and are not waited for).
 */
export async function atRest(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 5_000 },
  )
}

/** Expects the phone layout's rules of the page as it is now; returns the measurement. */
export async function expectPhoneLayout(page: Page, where: string): Promise<Measurement> {
  await atRest(page)
  const m = await measure(page)
  expect(
    m.page.scroll,
    `${where}: page ${m.page.scroll} px wide in ${m.page.client}`,
  ).toBeLessThanOrEqual(m.page.client)
  if (m.main)
    expect(
      m.main.scroll,
      `${where}: content ${m.main.scroll} px wide in ${m.main.client}: ${m.wide.join(', ')}`,
    ).toBeLessThanOrEqual(m.main.client)
  expect(m.small, `${where}: controls under 44×44 px`).toEqual([])
  expect(m.outside, `${where}: dialogs outside the viewport`).toEqual([])
  return m
}

interface AppRouter {
  push(to: string): Promise<unknown>
  hasRoute(name: string): boolean
  resolve(to: { name: string }): { path: string }
}
/** The SPA's router, from the page (code run in the browser). */
declare global {
  interface Element {
    __vue_app__?: { config: { globalProperties: { $router: AppRouter } } }
  }
}

/** Opens `path` inside the running SPA (no page load: the router navigates) and waits for it to settle. */
export async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate(
    (to) => document.querySelector('#app')!.__vue_app__!.config.globalProperties.$router.push(to),
    path,
  )
  await page.waitForURL((url) => url.pathname === path.split('?')[0])
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(
    () => !document.querySelector('#main .el-skeleton, #main .el-loading-mask'),
    undefined,
    { timeout: 15_000 },
  )
}

/** The paths of the menu's entries the signed-in role sees (read from the drawer, closed again). */
export async function menuPaths(page: Page): Promise<string[]> {
  await page.getByTestId('nav-toggle').click()
  await page.getByTestId('nav-menu').waitFor()
  const paths = await page.evaluate(() => {
    const router = document.querySelector('#app')!.__vue_app__!.config.globalProperties.$router
    return [...document.querySelectorAll<HTMLElement>('[data-testid=nav-menu] [data-testid^=nav-]')]
      .map((el) => el.dataset.testid!.slice('nav-'.length))
      .filter((name) => router.hasRoute(name))
      .map((name) => router.resolve({ name }).path)
  })
  await page.keyboard.press('Escape')
  await page.getByTestId('nav-menu').waitFor({ state: 'hidden' })
  return paths
}

/**
 * Walks every page the signed-in role reaches from the menu, plus home, the inbox and the first
 * record each list links to, expecting the phone layout's rules (and `check`, e.g. axe) on each.
 * Returns the paths visited.
 */
export async function walkStaffPages(
  page: Page,
  where: string,
  check: (path: string) => Promise<void> = async () => {},
): Promise<string[]> {
  const lists = await menuPaths(page)
  expect(lists.length, `${where}: the menu lists the role's pages`).toBeGreaterThanOrEqual(5)
  const visited: string[] = []
  const visit = async (path: string) => {
    await goInApp(page, path)
    await expectPhoneLayout(page, `${where} ${path}`)
    await atRest(page)
    await check(path)
    visited.push(path)
  }
  await visit('/')
  await visit('/inbox')
  for (const list of lists) {
    await visit(list)
    // The list's first record, when the list links to one (a detail page under the list's path).
    const detail = await page.evaluate((base) => {
      const own = new RegExp(`^${base}/[0-9a-f-]{36}$`)
      return [...document.querySelectorAll('#main a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .find((href) => own.test(href))
    }, list)
    if (detail && !visited.includes(detail)) await visit(detail)
  }
  return visited
}
