#!/usr/bin/env node
// `pnpm start`: build what is missing, then run the API (which serves the SPA at /).
//
// The API runs as a child in this process group with the inherited environment and stdio;
// SIGINT and SIGTERM are forwarded to it and this process exits with its exit code, so a
// supervisor (systemd, docker, a terminal) can treat `node scripts/start.mjs` as the server.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const apiDir = join(root, 'apps/api')
const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm'

// The SPA is built once; delete apps/web/dist (or run `pnpm build`) to rebuild it.
if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
  console.log('[start] apps/web/dist is missing: building the SPA')
  const build = spawnSync(pnpm, ['--filter', '@rectify/web', 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (build.status !== 0) {
    console.error('[start] building the SPA failed')
    process.exit(build.status ?? 1)
  }
}

// The API runs in apps/api, like `pnpm dev` and `pnpm rectify` (pnpm runs a package's scripts in
// its folder): all three then agree on a relative DATA_DIR (./data = apps/api/data), and
// `--import tsx` resolves there, where tsx is a dependency (pnpm does not hoist it to the root).
const api = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: apiDir,
  stdio: 'inherit',
  env: process.env,
})

// A terminal's Ctrl-C reaches the whole group, so the API may see SIGINT twice (its shutdown is
// idempotent); a `kill <pid>` aimed at this process reaches the API only from here. SIGHUP (the
// terminal closed) becomes SIGTERM, which the API handles with a graceful shutdown.
for (const [received, sent] of [
  ['SIGINT', 'SIGINT'],
  ['SIGTERM', 'SIGTERM'],
  ['SIGHUP', 'SIGTERM'],
]) {
  process.on(received, () => {
    if (api.exitCode === null && api.signalCode === null) api.kill(sent)
  })
}

api.on('error', (err) => {
  console.error(`[start] could not start the API: ${err.message}`)
  process.exit(1)
})
api.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 1))
})
