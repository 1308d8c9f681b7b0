import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { appliedMigrations, migrationNames } from '../../db/migrate.js'
import { verifyAuditChain } from '../../modules/audit/index.js'
import { describeStore, fileStoreFor, S3FileStore } from '../../modules/files/index.js'
import { hashStored, progress, referencedFiles, storedKeys } from '../backup/archive.js'
import { dataDir } from '../../config.js'
import { cliConfig, parse, withDatabase, type Command } from '../support.js'

/** `rectify doctor`: checks an installation; exit status 1 when anything is wrong. */
export const doctor: Command = {
  name: 'doctor',
  summary: 'check the schema, the stored files, the keys and the audit chain',
  usage: `Usage: rectify doctor

Checks the installation and prints one line per check:
  schema   the migrations applied against those this release ships (pending ones named)
  files    every file the database refers to is in the store (FILES_DIR, default DATA_DIR/files;
           or the S3 bucket with FILE_STORE=s3)
           with the SHA-256 the database recorded; files in the store nothing refers to
  keys     the token signing key: JWT_SECRET, or DATA_DIR/signing-key
  audit    the audit log's hash chain
Exit status 1 when any check finds a problem (unreferenced files are reported, not failed).
With PGlite, stop the server first.`,

  async run(argv) {
    parse(argv, {})
    const config = cliConfig()
    return withDatabase(config, async (database) => {
      let failed = false
      const fail = (line: string) => {
        failed = true
        console.log(`FAIL  ${line}`)
      }
      const ok = (line: string) => console.log(`ok    ${line}`)

      const names = migrationNames()
      const applied = await appliedMigrations(database)
      if (applied === names.length)
        ok(`schema: ${applied} of ${names.length} migrations applied (${names.at(-1)})`)
      else if (applied < names.length)
        fail(
          `schema: ${applied} of ${names.length} migrations applied; pending: ${names.slice(applied).join(', ')} (run \`rectify migrate\`)`,
        )
      else
        fail(
          `schema: the database has ${applied} migrations, this release knows ${names.length}: upgrade Rectify`,
        )

      const store = fileStoreFor(config)
      const where = describeStore(store)
      const rows = await referencedFiles(database)
      const missing: string[] = []
      const corrupt: string[] = []
      const bar = progress('doctor')
      for (const [i, row] of rows.entries()) {
        bar.update(`${i + 1}/${rows.length} files`)
        const got = await hashStored(store, row.key)
        if (got === null) missing.push(`${row.id} (${row.name}, ${row.key})`)
        else if (got.sha256 !== row.sha256 || got.size !== Number(row.size))
          corrupt.push(`${row.id} (${row.name}, ${row.key})`)
      }
      bar.done()
      if (missing.length)
        fail(`files: ${missing.length} referenced but missing from ${where}: ${missing.join(', ')}`)
      if (corrupt.length)
        fail(
          `files: ${corrupt.length} whose bytes do not match their SHA-256: ${corrupt.join(', ')}`,
        )
      if (!missing.length && !corrupt.length)
        ok(`files: ${rows.length} referenced, all present with their SHA-256 in ${where}`)
      const referenced = new Set(rows.map((r) => r.key))
      const unreferenced: string[] = []
      for await (const k of store instanceof S3FileStore ? store.keys() : storedKeys(store.root))
        if (!referenced.has(k)) unreferenced.push(k)
      store.close?.()
      if (unreferenced.length)
        console.log(
          `note  files: ${unreferenced.length} in the store that nothing refers to: ${unreferenced.slice(0, 20).join(', ')}${unreferenced.length > 20 ? ', …' : ''}`,
        )

      const keyFile = join(dataDir(config), 'signing-key')
      if (config.JWT_SECRET) ok('keys: tokens are signed with JWT_SECRET')
      else if (!existsSync(keyFile))
        fail(
          `keys: no JWT_SECRET and no ${keyFile} (the server would make a new one: everyone signs in again)`,
        )
      else if (readFileSync(keyFile, 'utf8').trim().length < 32)
        fail(`keys: ${keyFile} holds a key shorter than 32 characters`)
      else ok(`keys: tokens are signed with ${keyFile}`)

      if (applied !== names.length) fail('audit: not checked, the schema is not current')
      else {
        const audit = await verifyAuditChain(database)
        if (audit.ok) ok(`audit: chain OK, ${audit.checked} entries`)
        else fail(`audit: chain BROKEN at entry ${audit.broken!.seq}: ${audit.broken!.reason}`)
      }
      console.log(failed ? 'doctor: problems found' : 'doctor: all checks passed')
      return failed ? 1 : 0
    })
  },
}
