/**
 * What a browser test reads from a download: the download a click starts, and the entries of a
 * zip file (a dossier, an .xlsx, a .docx). yauzl lives with the API (its dossier tests use it).
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Download, Page } from '@playwright/test'
import { repoRoot } from './system.mjs'

interface ZipEntry {
  fileName: string
}
interface ZipFile {
  on(event: 'entry', listener: (entry: ZipEntry) => void): void
  on(event: 'end', listener: () => void): void
  on(event: 'error', listener: (error: Error) => void): void
  readEntry(): void
  openReadStream(
    entry: ZipEntry,
    callback: (error: Error | null, stream: NodeJS.ReadableStream) => void,
  ): void
}
const yauzl = createRequire(path.join(repoRoot, 'apps/api/package.json'))('yauzl') as {
  open(
    file: string,
    options: { lazyEntries: true },
    callback: (error: Error | null, zip: ZipFile) => void,
  ): void
}

/** Every entry of the zip file at `file`: name → bytes. */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Buffer>()
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      zip.on('error', reject)
      zip.on('end', () => resolve(entries))
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}

/** Clicks `[data-testid=<testid>]` and returns the download it starts. */
export async function downloadFrom(page: Page, testid: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testid).click(),
  ])
  return download
}
