/**
 * What every browser test shares: the running system, one Chromium, and small helpers to open
 * an isolated page, sign in and out, take screenshots, and call the API directly to arrange data.
 */
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { startSystem } from './system.mjs'

/** Password of every demo account. */
export const PASSWORD = 'Rectify@2026'
const SHOTS = process.env.E2E_SCREENSHOTS ?? tmpdir()

let system
let browser

export async function startHarness() {
  system = await startSystem()
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    // launch() always runs on a fresh temporary profile (its own user-data-dir), removed on close.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    downloadsPath: mkdtempSync(path.join(tmpdir(), 'rectify-e2e-dl-')),
  })
}

export async function stopHarness() {
  await browser?.close()
  await system?.stop()
}

/**
 * A fresh, isolated browser context: clean sessionStorage and localStorage per test. `options`
 * are Playwright context options over the desktop defaults (a phone: viewport, hasTouch, isMobile).
 */
export async function openPage(options = {}) {
  const context = await browser.newContext({
    baseURL: system.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    ...options,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.errors = []
  page.on('pageerror', (error) => page.errors.push(error.message))
  return page
}

/** Closes the page's context, failing the test if the page threw anything uncaught. */
export async function close(page) {
  assert.deepEqual(page.errors, [], 'no uncaught errors in the page')
  await page.context().close()
}

export async function submitLogin(page, username, password = PASSWORD) {
  if (!page.url().includes('/login')) await page.goto('/login')
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

export async function login(page, username, password = PASSWORD) {
  await submitLogin(page, username, password)
  await page.getByTestId('nav-menu').waitFor()
}

export async function logout(page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-logout').click()
  await page.getByTestId('login-submit').waitFor()
}

/** The roles shown in the account details under the user menu (the dialog is closed again). */
export async function accountRoles(page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-account').click()
  const dialog = page.getByTestId('account-dialog')
  const roles = await dialog.getByTestId('account-roles').innerText()
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  return roles
}

/** Clicks the primary button of the open Element Plus confirmation box. */
export async function confirmBox(page) {
  await page.locator('.el-message-box__btns .el-button--primary').click()
}

export const shot = (page, name) =>
  page.screenshot({ path: path.join(SHOTS, `rectify-${name}.png`), fullPage: true })

/**
 * Stops the API, runs `fn` on its embedded database, and starts it again: how a test lets time
 * pass. Returns false (and runs nothing) against an external system (E2E_BASE_URL).
 */
export async function withDatabase(fn) {
  if (!system.withDatabase) return false
  await system.withDatabase(fn)
  return true
}

/** Calls the API as `token` (for arranging data behind the page's back). */
export async function api(token, method, route, body, version) {
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (version !== undefined) headers['If-Match'] = `"${version}"`
  const response = await fetch(`${system.baseUrl}/api/v1${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const json = text ? JSON.parse(text) : undefined
  assert.ok(response.ok, `${method} ${route} → ${response.status} ${text}`)
  return json
}

/** An access token for a demo account. */
export async function apiLogin(username, password = PASSWORD) {
  return (await api(null, 'POST', '/auth/login', { username, password })).accessToken
}

/** The unit with `code`, looked up by the admin. */
export async function unitByCode(token, code) {
  let cursor = ''
  do {
    const page = await api(
      token,
      'GET',
      `/units?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    const unit = page.items.find((u) => u.code === code)
    if (unit) return unit
    cursor = page.nextCursor
  } while (cursor)
  assert.fail(`unit ${code} exists`)
}
