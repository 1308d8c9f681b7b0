/**
 * BENCH_LCP_PROFILE=1: where the page's own CPU goes during a ledger load, from Chromium's
 * sampling profiler (CDP Profiler) — self time summed per script file and the top functions, so
 * "the render is slow" can be pinned to a module rather than guessed. Printed, not recorded: the
 * split between files is what matters, and it holds under load where the totals do not.
 */
import type { Page } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Runs `load` under the profiler and returns the top self-time lines. */
export async function profiled(page: Page, load: () => Promise<unknown>): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await load()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  await cdp.detach()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  )
  const perFile = new Map<string, number>()
  const perFn = new Map<string, number>()
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const file = url ? url.split('/').pop()! : `(${functionName || 'native'})`
    perFile.set(file, (perFile.get(file) ?? 0) + us)
    const fn = `${functionName || '(anonymous)'} ${file}:${lineNumber}`
    perFn.set(fn, (perFn.get(fn) ?? 0) + us)
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `    ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
  return [
    `  page CPU profile of one load: ${(total / 1000).toFixed(0)} ms sampled`,
    '  self time per file:',
    ...top(perFile, 15),
    '  top functions:',
    ...top(perFn, 20),
  ].join('\n')
}
