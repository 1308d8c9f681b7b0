import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { filesDir } from '../src/config.js'
import { fileTests } from './files-suite.js'

/** Every entry under a directory, recursively (nothing excluded: leftovers would show). */
const listAll = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? [`${e.name}/`, ...listAll(join(dir, e.name)).map((x) => `${e.name}/${x}`)]
      : [e.name],
  )

// The evidence file tests on the default store: files on the local disk (FILES_DIR).
fileTests({
  config: async () => ({
    FILE_STORE: 'local',
    FILES_DIR: mkdtempSync(join(tmpdir(), 'rectify-files-')),
  }),
  list: async (config) => listAll(filesDir(config)),
  removeBytes: async (config, key) => rmSync(join(filesDir(config), key)),
})
