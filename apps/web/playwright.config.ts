/**
 * Browser tests (`pnpm test:e2e`): @playwright/test on the system Chromium (never a downloaded
 * browser) against the built SPA served by the API, which e2e/global-setup.ts starts on a fresh
 * embedded database (or E2E_BASE_URL, a running system). Each test creates the data it needs
 * through the API (e2e/fixtures.ts). One worker: the machines have two cores and one API.
 */
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: './e2e/tests',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: process.env.E2E_SCREENSHOTS ?? path.join(tmpdir(), 'rectify-e2e-results'),
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
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
    },
  },
})
