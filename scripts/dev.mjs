#!/usr/bin/env node
// `pnpm dev`: the API under `tsx watch` (http://127.0.0.1:3000) and the Vite dev server
// (http://127.0.0.1:5173, proxying /api to the API) side by side, each line prefixed with its
// name. When either stops, or on Ctrl-C / SIGTERM, both are stopped.
import { spawn } from 'node:child_process'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm'
const useColor = process.stdout.isTTY && !process.env.NO_COLOR

/** @type {{ name: string, filter: string, color: number }[]} */
const services = [
  { name: 'api', filter: '@rectify/api', color: 36 },
  { name: 'web', filter: '@rectify/web', color: 35 },
]

let stopping = false
/** Set on Ctrl-C / SIGTERM: pnpm's own complaints about the stopped scripts are then noise. */
let stoppedByUser = false
const pnpmNoise = /ELIFECYCLE|ERR_PNPM_|pnpm recursive run|^\s*$/
let exitCode = 0
/** @type {import('node:child_process').ChildProcess[]} */
const children = []

/** Signals every child's process group (pnpm → tsx/vite → node), so no grandchild is left. */
function stopAll(signal = 'SIGTERM') {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue
    try {
      process.kill(-child.pid, signal)
    } catch {
      child.kill(signal)
    }
  }
}

function shutdown(code, signal) {
  if (!stopping) {
    stopping = true
    exitCode = code
  }
  stopAll(signal)
  // A child that ignores SIGTERM gets SIGKILL after 5 s.
  setTimeout(() => stopAll('SIGKILL'), 5000).unref()
}

for (const { name, filter, color } of services) {
  const label = useColor ? `\x1b[${color}m[${name}]\x1b[0m ` : `[${name}] `
  // detached: each service gets its own process group so stopAll can end its whole tree.
  const child = spawn(pnpm, ['--silent', '--filter', filter, 'run', 'dev'], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: useColor ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  children.push(child)
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (stoppedByUser && pnpmNoise.test(line)) return
      out.write(label + line + '\n')
    })
  }
  child.on('error', (err) => {
    console.error(`${label}could not start: ${err.message}`)
    shutdown(1)
  })
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${label}exited (${signal ?? code}); stopping the others`)
    shutdown(code ?? 1)
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
      process.exit(exitCode)
    }
  })
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stoppedByUser = true
    shutdown(0, 'SIGTERM')
  })
}
