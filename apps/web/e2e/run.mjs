/**
 * Browser tests in real Chromium against the real API (node:test + playwright-core).
 * `pnpm test:e2e` builds the SPA if needed and starts the API on a fresh embedded database,
 * unless E2E_BASE_URL points at a running system. Screenshots go to E2E_SCREENSHOTS (/tmp).
 */
import { after, before } from 'node:test'
import { startHarness, stopHarness } from './harness.mjs'
import './specs/phonework.mjs'

before(startHarness, { timeout: 300_000 })
after(stopHarness)
