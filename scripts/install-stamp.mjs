// The install stamp: a SHA-256 over what `pnpm install --frozen-lockfile` installs from (the
// lockfile, the workspace file and every package.json) and the Node.js it installed for, written
// to node_modules/.rectify-install after an install. `pnpm start` skips the install when the stamp
// matches and every package's node_modules is there, so a restart does not wait for pnpm.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const INSTALL_STAMP = 'node_modules/.rectify-install'

/** The workspace's packages (folders with a package.json), relative to the root. */
function packages(root) {
  return ['apps', 'packages'].flatMap((group) => {
    let entries
    try {
      entries = readdirSync(join(root, group), { withFileTypes: true })
    } catch (err) {
      if (err.code === 'ENOENT') return []
      throw err
    }
    return entries
      .filter((e) => e.isDirectory() && existsSync(join(root, group, e.name, 'package.json')))
      .map((e) => `${group}/${e.name}`)
      .sort()
  })
}

/** The hash of the install's inputs as they are on disk now. */
export function installHash(root) {
  const hash = createHash('sha256')
  hash.update(`${process.platform} ${process.arch} ${process.versions.modules}\0`)
  const inputs = [
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'package.json',
    '.npmrc',
    ...packages(root).map((p) => `${p}/package.json`),
  ]
  for (const file of inputs) {
    hash.update(`${file}\0`)
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** Why an install is needed, or null when node_modules matches the lockfile it was installed from. */
export function installNeeded(root) {
  const stamp = join(root, INSTALL_STAMP)
  if (!existsSync(stamp)) return 'no install stamp in node_modules'
  if (readFileSync(stamp, 'utf8').trim() !== installHash(root))
    return 'the lockfile or a package.json changed since the last install'
  const missing = packages(root).find((p) => !existsSync(join(root, p, 'node_modules')))
  return missing ? `${missing}/node_modules is missing` : null
}
