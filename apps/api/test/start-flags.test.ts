import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * `pnpm start` gives node V8 flags (the root package.json's start script: `node <flags>
 * scripts/start.mjs`; --max-semi-space-size keeps the idle API small, docs/scale.md). The API's
 * container runs the same server without that script: its CMD must give node the same flags.
 */
const ROOT = resolve(import.meta.dirname, '../../..')

function startScriptFlags(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
  const words = pkg.scripts.start.trim().split(/\s+/u)
  expect(words[0]).toBe('node')
  const script = words.indexOf('scripts/start.mjs')
  expect(script).toBeGreaterThan(0)
  return words.slice(1, script)
}

function dockerCmd(): string[] {
  const dockerfile = readFileSync(resolve(ROOT, 'apps/api/Dockerfile'), 'utf8')
  const cmd = /^CMD\s+(\[.*\])\s*$/mu.exec(dockerfile)
  expect(cmd, 'the Dockerfile has an exec-form CMD').not.toBeNull()
  return JSON.parse(cmd![1]!) as string[]
}

describe('node flags of the API process', () => {
  it('pnpm start sets the young generation size', () => {
    expect(startScriptFlags()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--max-semi-space-size=\d+$/u)]),
    )
  })

  it("the container's CMD gives node the start script's flags, before the server", () => {
    const cmd = dockerCmd()
    expect(cmd[0]).toBe('node')
    const server = cmd.indexOf('dist/server.js')
    expect(server).toBeGreaterThan(0)
    expect(cmd.slice(1, server)).toEqual(expect.arrayContaining(startScriptFlags()))
  })
})
