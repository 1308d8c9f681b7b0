import { describe, expect, it } from 'vitest'
import { useLatest } from './useLatest'

/** A promise the test settles by hand, to order answers as it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (cause: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useLatest', () => {
  it('applies the answer of a single read and clears loading', async () => {
    const latest = useLatest()
    const shown: string[] = []
    const answer = deferred<string>()
    const done = latest.run(
      () => answer.promise,
      (a) => shown.push(a),
    )
    expect(latest.loading.value).toBe(true)
    answer.resolve('a')
    expect(await done).toBe(true)
    expect(shown).toEqual(['a'])
    expect(latest.loading.value).toBe(false)
  })

  it('ignores an older answer that arrives after a newer one', async () => {
    const latest = useLatest()
    const shown: string[] = []
    const older = deferred<string>()
    const newer = deferred<string>()
    const first = latest.run(
      () => older.promise,
      (a) => shown.push(a),
    )
    const second = latest.run(
      () => newer.promise,
      (a) => shown.push(a),
    )
    newer.resolve('new')
    expect(await second).toBe(true)
    older.resolve('old')
    expect(await first).toBe(false)
    expect(shown).toEqual(['new'])
    expect(latest.loading.value).toBe(false)
  })

  it('keeps loading while the newest read is still out, whatever older ones do', async () => {
    const latest = useLatest()
    const older = deferred<string>()
    const newer = deferred<string>()
    const first = latest.run(
      () => older.promise,
      () => undefined,
    )
    const second = latest.run(
      () => newer.promise,
      () => undefined,
    )
    older.resolve('old')
    await first
    expect(latest.loading.value).toBe(true)
    newer.resolve('new')
    await second
    expect(latest.loading.value).toBe(false)
  })

  it('drops the failure of a superseded read and keeps the newest one', async () => {
    const latest = useLatest()
    const older = deferred<string>()
    const newer = deferred<string>()
    const first = latest.run(
      () => older.promise,
      () => undefined,
    )
    const second = latest.run(
      () => newer.promise,
      () => undefined,
    )
    older.reject(new Error('old failure'))
    await first
    expect(latest.error.value).toBeNull()
    const failure = new Error('new failure')
    newer.reject(failure)
    expect(await second).toBe(false)
    expect(latest.error.value).toBe(failure)
  })

  it('hands the failure to the given handler instead of error', async () => {
    const latest = useLatest()
    const failures: unknown[] = []
    const failure = new Error('no')
    await latest.run(
      () => Promise.reject(failure),
      () => undefined,
      (cause) => failures.push(cause),
    )
    expect(failures).toEqual([failure])
    expect(latest.error.value).toBeNull()
  })

  it('clears the error of the previous read when a new one starts', async () => {
    const latest = useLatest()
    await latest.run(
      () => Promise.reject(new Error('no')),
      () => undefined,
    )
    expect(latest.error.value).not.toBeNull()
    const answer = deferred<string>()
    const done = latest.run(
      () => answer.promise,
      () => undefined,
    )
    expect(latest.error.value).toBeNull()
    answer.resolve('ok')
    await done
  })

  it('cancel drops the read in flight and stops loading', async () => {
    const latest = useLatest()
    const shown: string[] = []
    const answer = deferred<string>()
    const done = latest.run(
      () => answer.promise,
      (a) => shown.push(a),
    )
    latest.cancel()
    expect(latest.loading.value).toBe(false)
    answer.resolve('late')
    expect(await done).toBe(false)
    expect(shown).toEqual([])
  })
})
