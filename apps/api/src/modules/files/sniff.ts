/**
 * What an upload really is, from its bytes — never from its name or the client's content type.
 * The magic number at the start decides the family; for ZIP and OLE2 containers the names of
 * their parts (seen while the bytes stream past) tell Office documents apart. Anything not on
 * the allow-list is refused.
 */

export interface FileType {
  mimeType: string
  /** Extensions the type is saved under; the first is the one added to a name that lacks it. */
  extensions: readonly string[]
}

const T = (mimeType: string, ...extensions: string[]): FileType => ({ mimeType, extensions })

export const FILE_TYPES = {
  jpeg: T('image/jpeg', 'jpg', 'jpeg', 'jpe', 'jfif'),
  png: T('image/png', 'png'),
  gif: T('image/gif', 'gif'),
  webp: T('image/webp', 'webp'),
  pdf: T('application/pdf', 'pdf'),
  docx: T('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  xlsx: T('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  pptx: T('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
  zip: T('application/zip', 'zip'),
  doc: T('application/msword', 'doc', 'wps'),
  xls: T('application/vnd.ms-excel', 'xls', 'et'),
  ppt: T('application/vnd.ms-powerpoint', 'ppt', 'dps'),
  /** A password-protected Office document (an OLE2 container around the encrypted package). */
  encryptedOffice: T('application/x-ole-storage', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt'),
} as const

/** Bytes needed to recognise every family. */
export const MAGIC_BYTES = 12

export type Family = 'jpeg' | 'png' | 'gif' | 'webp' | 'pdf' | 'zip' | 'ole'

const starts = (b: Buffer, sig: number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x)
const ascii = (s: string) => [...Buffer.from(s, 'latin1')]

/** The family of a file from its first bytes, or null when it is not one we accept. */
export function sniffFamily(head: Buffer): Family | null {
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts(head, ascii('GIF87a')) || starts(head, ascii('GIF89a'))) return 'gif'
  if (starts(head, ascii('RIFF')) && starts(head, ascii('WEBP'), 8)) return 'webp'
  if (starts(head, ascii('%PDF-'))) return 'pdf'
  // A local file header, or the end-of-directory record of an empty archive.
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip'
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  return null
}

/** Part names that identify what a container holds: ZIP entry names, OLE2 stream names (UTF-16LE). */
const MARKERS = {
  contentTypes: Buffer.from('[Content_Types].xml', 'latin1'),
  word: Buffer.from('word/', 'latin1'),
  xl: Buffer.from('xl/', 'latin1'),
  ppt: Buffer.from('ppt/', 'latin1'),
  wordStream: Buffer.from('WordDocument', 'utf16le'),
  workbookStream: Buffer.from('Workbook', 'utf16le'),
  pptStream: Buffer.from('PowerPoint Document', 'utf16le'),
  encryptedStream: Buffer.from('EncryptedPackage', 'utf16le'),
}
type Marker = keyof typeof MARKERS
const LONGEST = Math.max(...Object.values(MARKERS).map((m) => m.length))

/**
 * Watches a stream's chunks for the markers above, across chunk boundaries. Names sit in the
 * clear in ZIP local headers and the central directory, and in the OLE2 directory sectors.
 */
export class MarkerScanner {
  private readonly seen = new Set<Marker>()
  private tail = Buffer.alloc(0)

  push(chunk: Buffer): void {
    const buf = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk
    for (const [name, marker] of Object.entries(MARKERS) as [Marker, Buffer][])
      if (!this.seen.has(name) && buf.includes(marker)) this.seen.add(name)
    this.tail = Buffer.from(buf.subarray(Math.max(0, buf.length - LONGEST + 1)))
  }

  has(name: Marker): boolean {
    return this.seen.has(name)
  }
}

/**
 * The accepted type of a whole file, from its family and the markers seen in it; null when it
 * is refused (an OLE2 container that is not an Office document, e.g. an .msi installer).
 */
export function classify(family: Family, scan: MarkerScanner): FileType | null {
  switch (family) {
    case 'zip':
      if (scan.has('contentTypes')) {
        if (scan.has('word')) return FILE_TYPES.docx
        if (scan.has('xl')) return FILE_TYPES.xlsx
        if (scan.has('ppt')) return FILE_TYPES.pptx
      }
      return FILE_TYPES.zip
    case 'ole':
      if (scan.has('wordStream')) return FILE_TYPES.doc
      if (scan.has('pptStream')) return FILE_TYPES.ppt
      if (scan.has('workbookStream')) return FILE_TYPES.xls
      if (scan.has('encryptedStream')) return FILE_TYPES.encryptedOffice
      return null
    default:
      return FILE_TYPES[family]
  }
}

// Control characters, bidi overrides (which disguise an extension) and characters no file system takes.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"/\\|?*]/g

/**
 * A file name fit to store and to offer back: no path, no control or bidi characters, at most
 * 200 characters, and an extension that matches the sniffed type (added when it does not:
 * `photo.exe` holding a PNG becomes `photo.exe.png`).
 */
export function sanitizeName(raw: string | undefined, type: FileType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? ''
  let name = base
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  if (!name) name = 'file'
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  const suffix = type.extensions.includes(ext) ? '' : `.${type.extensions[0]}`
  const keep = dot > 0 && suffix === '' ? name.slice(dot) : suffix
  const stem = suffix === '' && dot > 0 ? name.slice(0, dot) : name
  const max = 200 - keep.length
  return [...stem].slice(0, max).join('').trimEnd() + keep
}
