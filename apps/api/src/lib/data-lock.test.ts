import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-lock.js'

const root = mkdtempSync(join(tmpdir(), 'rectify-lock-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the data directory lock', () => {
  it('is held by one opener at a time, names the holder, and is gone once released', () => {
    const dir = join(root, 'a', 'pglite')
    const release = lockDataDir(dir)
    const holder = JSON.parse(readFileSync(`${dir}.lock`, 'utf8')) as { pid: number }
    expect(holder.pid).toBe(process.pid)
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    release()
    expect(existsSync(`${dir}.lock`)).toBe(false)
    lockDataDir(dir)()
  })

  it('refuses while another live process holds it', async () => {
    const dir = join(root, 'b', 'pglite')
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      lockDataDir(join(root, 'b', 'x'))() // makes the parent folder
      writeFileSync(
        `${dir}.lock`,
        JSON.stringify({ pid: other.pid, command: 'server', since: '2026-01-01T00:00:00Z' }),
      )
      expect(() => lockDataDir(dir)).toThrow(
        new RegExp(`in use by process ${other.pid} \\(server, since 2026-01-01T00:00:00Z\\)`),
      )
    } finally {
      other.kill('SIGKILL')
    }
    // Once that process is gone the lock is stale: the next opener takes it over.
    await new Promise((resolve) => other.once('exit', resolve))
    const release = lockDataDir(dir)
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid)
    release()
  })

  it('takes over a lock left unreadable by a crash while writing it', () => {
    const dir = join(root, 'c', 'pglite')
    lockDataDir(join(root, 'c', 'x'))()
    writeFileSync(`${dir}.lock`, '')
    lockDataDir(dir)()
    expect(existsSync(`${dir}.lock`)).toBe(false)
  })
})
