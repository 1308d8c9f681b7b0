import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { dataDir, type Config } from '../../config.js'
import type { Database } from '../../db/client.js'
import { cliContext } from '../../lib/context.js'
import {
  KEY_REFRESH_MS,
  openFieldCipher,
  refreshFieldCipher,
  storedKeys,
} from '../../lib/crypto/data-keys.js'
import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import type { KeyService } from '../../lib/crypto/kek.js'
import { KeyConfigError, LocalKeyService, parseKey } from '../../lib/crypto/kek.js'
import { KEY_BYTES } from '../../lib/crypto/suites.js'
import { KeysService } from '../../modules/keys/index.js'
import {
  CliError,
  UsageError,
  cliConfig,
  parse,
  requireCurrentSchema,
  userPath,
  withDatabase,
  type Command,
} from '../support.js'

const USAGE = `Usage: rectify keys status
       rectify keys rotate [--reencrypt] [--new-key-file PATH | --generate-key]
                           [--batch N] [--wait SECONDS]

status   Lists the data keys (id, purpose, suite, status, the key-encryption key that wraps
         them) and how many values — or blind indexes — each still seals, by column, and how
         many values are still in plaintext.

rotate   --reencrypt: new data and index keys (of CRYPTO_SUITE) become active; every sealed
         value is re-encrypted under the new data key and every blind index recomputed, in
         batches of --batch rows (default 500), each one transaction, with progress printed.
         Values under the old key keep opening meanwhile. The old keys are destroyed once no
         value uses them. An interrupted run is resumed by running the command again (while
         retired keys are stored, no new key is made). With PostgreSQL the command first waits
         --wait seconds (default ${(2 * KEY_REFRESH_MS) / 1000}) so running API instances load the new keys.

         --new-key-file PATH (or the environment variable NEW_DATA_KEY): re-wraps every data
         key under that new key-encryption key (32 bytes, base64 or 64 hex digits; the file
         mode 0600), in one transaction. Then point DATA_KEY_FILE / DATA_KEY at the new key and
         restart the API. --generate-key, for the embedded default key file DATA_DIR/data-key:
         generates the new key as DATA_DIR/data-key.next, re-wraps, then replaces data-key.
         With --reencrypt as well, the re-encryption runs first, under the current key.

Every change is written to the audit log (data_key.rotated, .rewrapped, .destroyed).
Exit status: 0 done, 1 failure (nothing half-done stays: run again to resume), 2 bad arguments.`

export const keys: Command = {
  name: 'keys',
  summary: 'personal data keys: status, rotate (re-wrap, --reencrypt)',
  usage: USAGE,

  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        reencrypt: { type: 'boolean' },
        'new-key-file': { type: 'string' },
        'generate-key': { type: 'boolean' },
        batch: { type: 'string' },
        wait: { type: 'string' },
      },
      true,
    )
    const [sub, ...extra] = positionals
    if (extra.length || (sub !== 'status' && sub !== 'rotate'))
      throw new UsageError(
        sub
          ? `unknown keys subcommand: ${positionals.join(' ')}`
          : 'missing subcommand: status or rotate',
      )
    const config = cliConfig()
    if (sub === 'status') {
      if (Object.keys(values).length) throw new UsageError('status takes no options')
      return withDatabase(config, async (database) => {
        await requireCurrentSchema(database)
        const { kms } = await openFieldCipher(database, config, dataDir(config))
        printStatus(await new KeysService(database, kms).status())
        return 0
      })
    }
    const batch = count(values.batch, 'batch', 500)
    const envKey = process.env.NEW_DATA_KEY
    const sources = [values['new-key-file'], envKey, values['generate-key']].filter(Boolean)
    if (sources.length > 1)
      throw new UsageError('give one of --new-key-file, NEW_DATA_KEY or --generate-key')
    if (!values.reencrypt && !sources.length)
      throw new UsageError('nothing to do: give --reencrypt and/or a new key-encryption key')
    if (values['generate-key'] && (config.DATA_KEY || config.DATA_KEY_FILE))
      throw new UsageError(
        '--generate-key replaces DATA_DIR/data-key; with DATA_KEY or DATA_KEY_FILE give the new key by --new-key-file or NEW_DATA_KEY',
      )
    return withDatabase(config, async (database) => {
      await requireCurrentSchema(database)
      const nextFile = join(dataDir(config), 'data-key.next')
      if (values['generate-key']) await finishGenerated(database, config, nextFile)
      const opened = await openFieldCipher(database, config, dataDir(config))
      const service = new KeysService(database, opened.kms)
      const ctx = cliContext('keys')
      if (values.reencrypt) {
        const wait =
          values.wait === undefined
            ? database.kind === 'postgres'
              ? (2 * KEY_REFRESH_MS) / 1000
              : 0
            : count(values.wait, 'wait', 0)
        const ok = await reencrypt(database, service, opened, config.CRYPTO_SUITE, { batch, wait })
        if (!ok) return 1
      }
      if (!sources.length) return 0
      const next = values['generate-key']
        ? generated(nextFile)
        : new LocalKeyService(
            values['new-key-file']
              ? readKeyFile(userPath(values['new-key-file']))
              : parseKey(envKey!, 'NEW_DATA_KEY'),
          )
      if (next.keyId === opened.kms.keyId)
        throw new CliError('the new key-encryption key is the one configured now')
      const ids = await service.rewrap(ctx, next)
      console.log(`re-wrapped ${ids.length} data key(s) under key-encryption key ${next.keyId}`)
      if (values['generate-key']) {
        renameSync(nextFile, join(dataDir(config), 'data-key'))
        console.log(
          `DATA_DIR/data-key now holds the new key: back it up apart from the database (older backups need the old one)`,
        )
      } else
        console.log(
          `now configure the new key (DATA_KEY_FILE=${values['new-key-file'] ?? '<file>'} or DATA_KEY) and restart every API instance: the old key no longer opens the data keys`,
        )
      return 0
    })
  },
}

async function reencrypt(
  database: Database,
  service: KeysService,
  opened: { cipher: FieldCipher; kms: KeyService },
  suite: Config['CRYPTO_SUITE'],
  { batch, wait }: { batch: number; wait: number },
): Promise<boolean> {
  const ctx = cliContext('keys')
  const begun = await service.begin(ctx, suite)
  // This process's own cipher takes the new keys, as a running API's refresh does.
  const c = opened.cipher
  await refreshFieldCipher(database, opened.kms, c)
  console.log(
    begun.resumed
      ? `resuming: re-encrypting what retired key(s) ${begun.retired.join(', ')} still seal under data key ${c.active.id}`
      : `new data key ${c.active.id} and index key ${c.indexKey.id} (${suite}); key(s) ${begun.retired.join(', ')} retired`,
  )
  if (!begun.resumed && wait > 0) {
    console.log(`waiting ${wait} s for running API instances to load the new keys`)
    await sleep(wait * 1000)
  }
  // A writer that sealed with the old key just before it loaded the new one is caught by the
  // next pass; three passes in a row that still find such values mean something keeps using it.
  for (let pass = 1; pass <= 3; pass++) {
    const done = await service.sweep(c, {
      batch,
      progress: (table, n, total) => console.log(`re-encrypting ${table}: ${n} of ${total} row(s)`),
    })
    const rows = Object.values(done).reduce((a, b) => a + b, 0)
    console.log(`pass ${pass}: ${rows} row(s) re-encrypted`)
    const result = await service.finish(ctx)
    if (result.destroyed.length)
      console.log(`destroyed retired key(s) ${result.destroyed.join(', ')}: no value uses them`)
    if (!result.stillUsed.length) return true
  }
  const left = (await storedKeys(database)).filter((k) => k.status === 'retired')
  console.error(
    `rectify keys: retired key(s) ${left.map((k) => k.id).join(', ')} still seal values after three passes: an API instance is still writing with the old key (a release without key refresh?). Restart it and run the command again.`,
  )
  return false
}

/** A 32-byte key from a file readable by its owner only. */
function readKeyFile(path: string): Buffer {
  if (!existsSync(path)) throw new CliError(`${path} does not exist`)
  const mode = statSync(path).mode & 0o777
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new CliError(
      `the key file ${path} is readable by others (mode ${mode.toString(8)}): chmod 600 it`,
    )
  try {
    return parseKey(readFileSync(path, 'utf8'), path)
  } catch (err) {
    if (err instanceof KeyConfigError) throw new CliError(err.message)
    throw err
  }
}

/** DATA_DIR/data-key.next: made once, reused by a run that resumes. */
function generated(file: string): LocalKeyService {
  if (!existsSync(file))
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
      mode: 0o600,
      flag: 'wx',
    })
  return new LocalKeyService(readKeyFile(file))
}

/**
 * A `--generate-key` run stopped after its commit and before replacing data-key: the stored
 * keys are wrapped by data-key.next already — finish the replacement first.
 */
async function finishGenerated(database: Database, config: Config, file: string) {
  if (!existsSync(file)) return
  const next = new LocalKeyService(readKeyFile(file))
  const stored = await storedKeys(database)
  if (stored.length && stored.every((k) => k.kek_id === next.keyId)) {
    renameSync(file, join(dataDir(config), 'data-key'))
    console.log('finished an interrupted re-wrap: DATA_DIR/data-key now holds the new key')
  }
}

function count(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0 || (flag === 'batch' && n < 1))
    throw new UsageError(`--${flag} must be a whole number${flag === 'batch' ? ' from 1' : ''}`)
  return n
}

function printStatus(s: Awaited<ReturnType<KeysService['status']>>) {
  for (const k of s.keys) {
    const uses = Object.entries(k.uses).map(([c, n]) => `${c} ${n}`)
    console.log(
      `key ${k.id}  ${k.purpose.padEnd(5)}  ${k.suite.padEnd(4)}  ${k.status.padEnd(7)}  wrapped by ${k.kek_id}${k.rewraps ? ` (re-wrapped ${k.rewraps}×)` : ''}  ${k.total} ${k.purpose === 'data' ? 'value(s)' : 'index(es)'}${uses.length ? `: ${uses.join(', ')}` : ''}`,
    )
  }
  const plain = Object.entries(s.plaintext)
  console.log(
    plain.length
      ? `plaintext (sealed at the next start): ${plain.map(([c, n]) => `${c} ${n}`).join(', ')}`
      : 'plaintext: none',
  )
  for (const o of s.orphaned)
    console.log(
      `WARNING: ${o.values} value(s) of ${o.column} name key ${o.keyId}, which is not stored`,
    )
}
