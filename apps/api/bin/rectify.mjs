#!/usr/bin/env node
// The `rectify` bin of @rectify/api: the admin CLI from the API's JavaScript build (dist/cli.js,
// built first when missing or older than the sources, as `pnpm start` does), in this process, so
// stdin, signals and the exit status are the CLI's own. Source maps name the .ts lines.
import { ensureApiBuild } from '../scripts/build.mjs'

const built = await ensureApiBuild()
if (built) console.error(`[rectify] ${built}: built the API`)
process.setSourceMapsEnabled(true)
await import('../dist/cli.js')
