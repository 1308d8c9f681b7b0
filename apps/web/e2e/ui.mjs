/** Small helpers the browser tests share: dates, a real photo, Element Plus inputs. */
import assert from 'node:assert/strict'
import { deflateSync } from 'node:zlib'

export const stamp = () => Date.now().toString(36).toUpperCase()

/** Today in Asia/Shanghai, `YYYY-MM-DD`, moved by `days`. */
export function shanghaiDay(days = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  const at = new Date(`${today}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}
/** A real (tiny) PNG photo: a green field under a blue sky, `size`×`size` pixels. */
export function pngPhoto(size = 24) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const rows = []
  for (let y = 0; y < size; y++) {
    const row = [0]
    for (let x = 0; x < size; x++) row.push(...(y < size / 2 ? [120, 170, 230] : [60, 150, 70]))
    rows.push(Buffer.from(row))
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Types a date into an Element Plus date picker wrapped in `[data-testid=<id>]`. */
export async function pickDate(page, testid, value) {
  const input = page.getByTestId(testid).locator('input')
  await input.fill(value)
  await input.press('Enter')
  assert.equal(await input.inputValue(), value)
}

/** Chooses `label` in the Element Plus select `[data-testid=<id>]`. */
export async function choose(page, testid, label) {
  await page.getByTestId(testid).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}
