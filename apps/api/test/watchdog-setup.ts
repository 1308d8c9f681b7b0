import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { workerNotes } from './watchdog.js'

// Runs in the worker before each test file: notes which file this process runs, so the
// watchdog (test/watchdog.ts, in vitest's main process, this worker's parent) can find the
// worker of a file that never ends. The note is overwritten by the worker's next file.
const dir = workerNotes(process.ppid)
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, String(process.pid)), expect.getState().testPath ?? '')
