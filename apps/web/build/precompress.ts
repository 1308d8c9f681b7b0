import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** What is worth compressing: text. Images and fonts are compressed already. */
const TEXT = /\.(js|css|html|svg|json|txt)$/
/** Below this a compressed copy saves less than its own headers. */
const MIN_BYTES = 1024

/**
 * Writes a `.br` (brotli, best) and a `.gz` (gzip -9) twin of every built text file, once at
 * build time; the API's static plugin (apps/api/src/plugins/web.ts) sends the twin a browser
 * accepts, so no request pays for compression and every one gets the smallest body. A twin
 * that is not smaller than the file is not written.
 */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'rectify-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    writeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !TEXT.test(entry.name)) continue
        const file = join(entry.parentPath, entry.name)
        const raw = readFileSync(file)
        if (raw.length < MIN_BYTES) continue
        const br = brotliCompressSync(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
        const gz = gzipSync(raw, { level: 9 })
        if (br.length < raw.length) writeFileSync(`${file}.br`, br)
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz)
      }
    },
  }
}
