import type { Config } from '../../config.js'
import { AppError } from '../../errors.js'
import { WorkbookRefusedError, type WorkbookLimits } from './limits.js'
import { readWorkbook } from './read.js'
import type { WorkbookSheet } from './sheet.js'

/** The limits an import reads with, from the configuration. */
export function workbookLimits(
  config: Pick<
    Config,
    'WORKBOOK_MAX_UNCOMPRESSED_BYTES' | 'WORKBOOK_MAX_ROWS' | 'WORKBOOK_MAX_COLUMNS'
  >,
): WorkbookLimits {
  return {
    maxUncompressedBytes: config.WORKBOOK_MAX_UNCOMPRESSED_BYTES,
    maxRows: config.WORKBOOK_MAX_ROWS,
    maxColumns: config.WORKBOOK_MAX_COLUMNS,
    maxRatio: 400,
  }
}

/**
 * An import's way in: the stored upload's bytes (at most FILE_MAX_BYTES, the upload's own limit)
 * read into the sheet model, a refusal answered as 422 problem+json whose detail says in
 * Chinese, then English, what is wrong and what to save the file as.
 */
export async function loadWorkbook(
  chunks: AsyncIterable<Uint8Array>,
  limits: WorkbookLimits,
): Promise<WorkbookSheet> {
  const parts: Buffer[] = []
  for await (const chunk of chunks) parts.push(Buffer.from(chunk))
  try {
    return await readWorkbook(Buffer.concat(parts), limits)
  } catch (err) {
    if (err instanceof WorkbookRefusedError)
      throw new AppError('unprocessable', `${err.messageZh}。${err.messageEn}.`)
    throw err
  }
}
