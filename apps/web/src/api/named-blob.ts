/** File answers (downloads, import error workbooks): the bytes and the name the server gave. */

/** A downloaded file and the name the server gave it (null when it gave none). */
export interface NamedBlob {
  blob: Blob
  filename: string | null
}

/**
 * The file name of a `Content-Disposition` header: RFC 6266's `filename*=UTF-8''…` (how Chinese
 * names travel) before the plain `filename="…"`; null when there is none.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[2]!.trim().replace(/^"|"$/g, ''))
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("((?:\\.|[^"\\])*)"|[^;]+)/i.exec(header)
  if (!plain) return null
  const name = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1]!.trim()
  return name || null
}

/**
 * A file answer (a call made with `parseAs: 'blob'`: the dossier, an export, an import's error
 * workbook) with the name from `Content-Disposition`.
 */
export function named(result: { data?: Blob; response: Response }): NamedBlob {
  const filename = filenameFromDisposition(result.response.headers.get('Content-Disposition'))
  return { blob: result.data as Blob, filename }
}
