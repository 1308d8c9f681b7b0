#!/usr/bin/env node
// The `rectify` bin of @rectify/api: the admin CLI (src/cli/index.ts), run from source through
// tsx's ESM loader, in this process, so stdin, signals and the exit status are the CLI's own.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
await import('../src/cli/index.ts')
