// Fails when src/db/schema and the committed migrations in drizzle/ disagree: drizzle-kit
// generates into a scratch copy of drizzle/ and must report that there is nothing to generate.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { relative } from 'node:path'
import { execFileSync } from 'node:child_process'

// drizzle-kit only accepts an output folder relative to the config, so the scratch copy lives here.
const scratch = relative(process.cwd(), mkdtempSync('.drizzle-check-'))
try {
  cpSync('drizzle', scratch, { recursive: true })
  const out = execFileSync('pnpm', ['exec', 'drizzle-kit', 'generate'], {
    env: { ...process.env, DRIZZLE_OUT: `./${scratch}` },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (!/No schema changes/i.test(out)) {
    console.error(out)
    console.error(
      'db:check: src/db/schema differs from drizzle/ — run `pnpm --filter @rectify/api db:generate` and commit the migration.',
    )
    process.exitCode = 1
  } else console.log('db:check: schema and migrations agree')
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
