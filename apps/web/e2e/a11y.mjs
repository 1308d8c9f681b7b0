/* global window, document -- the page's own, in code page.evaluate runs in the browser */
/**
 * Accessibility and layout checks the browser tests share: axe-core run in the page (serious and
 * critical violations fail), no horizontal overflow, and keyboard-only focus moves.
 */
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const axeSource = createRequire(import.meta.url)('axe-core').source

/**
 * Runs axe-core (WCAG 2.x A and AA rules, and best practices) on the page as it stands and
 * returns the serious and critical violations, each as `rule: target (summary)`.
 */
export async function seriousViolations(page) {
  // Evaluated, not added as a script tag: the SPA's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.map(
          (n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary.split('\n')[1] ?? v.help})`,
        ),
      )
  })
  return violations
}

/** Fails with the list when axe finds anything serious or critical on the page (`where`). */
export async function assertAccessible(page, where) {
  const found = await seriousViolations(page)
  assert.deepEqual(found, [], `${where}: axe-core finds no serious or critical violation`)
}

/** The page is no wider than the window: nothing to scroll sideways. */
export async function assertNoHorizontalOverflow(page, where) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  assert.ok(scroll <= client, `${where}: page ${scroll} px wide in a ${client} px window`)
}

/**
 * Presses Tab (up to `max` times) until the focused element matches `selector`; fails if it
 * never does. How a keyboard user reaches a control.
 */
export async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  assert.fail(`Tab reaches ${selector}`)
}
