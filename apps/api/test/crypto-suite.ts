import { dataDir } from '../src/config.js'
import { openFieldCipher, refreshFieldCipher } from '../src/lib/crypto/data-keys.js'
import { sealPending } from '../src/lib/crypto/sealed-columns.js'
import type { SuiteName } from '../src/lib/crypto/suites.js'
import type { TestApp } from './build-app.js'

/**
 * Switches a running test app to another CRYPTO_SUITE, as a restart with it would: new data and
 * index keys of that suite become active (openFieldCipher), the app's cipher takes them (as its
 * 10 s reload does) and the start-up sweep recomputes the blind indexes. Cheaper than a second
 * app: a test file runs its suite-dependent cases again on the database it already has.
 */
export async function useSuite(t: TestApp, suite: SuiteName): Promise<void> {
  const opened = await openFieldCipher(
    t.database,
    { ...t.config, CRYPTO_SUITE: suite },
    dataDir(t.config),
  )
  await refreshFieldCipher(t.database, opened.kms, t.cipher)
  if (t.cipher.active.suite.name !== suite || t.cipher.indexKey.suite.name !== suite)
    throw new Error(`the test app did not take the ${suite} keys`)
  await sealPending(t.database, t.cipher)
}
