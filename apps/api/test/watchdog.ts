import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Reporter, TestCase, TestModule, TestSpecification, Vitest } from 'vitest/node'

/**
 * A bound on a test file's run, which vitest lacks: its test and hook timeouts are timers in the
 * worker, so a worker whose event loop never comes back (a synchronous loop, a runaway GC) runs
 * forever, and so does the run — a CI run once hung this way for 67 minutes on one file until it
 * was killed at its limit, with nothing in the log to say where.
 *
 * Each worker notes its pid and the file it runs when it begins the file (watchdog-setup.ts, a
 * setup file). This reporter (vitest's main process, whose loop is free) checks every few
 * seconds; a file running longer than TEST_WATCHDOG_MS (default 10 min — the slowest file,
 * test/cli.test.ts, has taken up to ~4 min in CI beside the browser tests, and 9 min on a box at
 * load 26) gets its worker's state printed (running or sleeping, CPU seconds, the last test or
 * hook it started) and its worker killed. A file's start is read from its note, not from the
 * worker's reports: a worker reports in batches on a timer, so one whose loop blocks right after
 * an earlier file (workers shared, TEST_SHARE_WORKERS=1) may never report the new file at all.
 * Vitest then reports the file's worker as exited and the run fails, in minutes instead of
 * never. At the end one line sums it up for .ci/run, which runs the hung files, and any file the
 * killed worker would still have run, once more on their own when nothing else failed:
 * `watchdog: hung 1 file(s): test/x.test.ts; not run 0 file(s):; failed tests 0; other errors 0`.
 * A file whose embedded database stopped (src/db/pglite-guard.ts) is counted as hung too: it
 * is the same PGlite defect, caught as an error instead of a spin.
 * (Vitest 4 gives a file at a time to a worker unless it runs one worker shared by every file,
 * so a killed worker leaves files not run only then: `--maxWorkers=1` with shared workers.)
 */
export const LIMIT_MS = Number(process.env.TEST_WATCHDOG_MS ?? 600_000)
const CHECK_MS = 5_000

/** Where the workers of the vitest process `mainPid` note which file each runs. */
export function workerNotes(mainPid: number): string {
  return join(tmpdir(), `rectify-test-workers-${mainPid}`)
}

interface Running {
  last: string
}

export default class Watchdog implements Reporter {
  private readonly running = new Map<string, Running>()
  private readonly ended = new Set<string>()
  private specified: string[] = []
  private readonly hung: string[] = []
  private readonly killed = new Set<string>()
  private root = ''
  private timer: NodeJS.Timeout | undefined

  onInit(vitest: Vitest) {
    this.root = vitest.config.root
    mkdirSync(workerNotes(process.pid), { recursive: true })
    this.timer = setInterval(() => this.check(), CHECK_MS)
    this.timer.unref()
  }

  onTestRunStart(specifications: readonly TestSpecification[]) {
    this.running.clear()
    this.ended.clear()
    this.specified = specifications.map((s) => s.moduleId)
  }

  onTestModuleStart(m: TestModule) {
    this.running.set(m.moduleId, { last: 'importing the file' })
  }

  onHookStart(hook: { name: string; entity: { moduleId?: string; module?: TestModule } }) {
    const id = hook.entity.moduleId ?? hook.entity.module?.moduleId
    const r = id ? this.running.get(id) : undefined
    if (r) r.last = `hook ${hook.name}`
  }

  onTestCaseReady(t: TestCase) {
    const r = this.running.get(t.module.moduleId)
    if (r) r.last = `test "${t.fullName}"`
  }

  onTestModuleEnd(m: TestModule) {
    this.running.delete(m.moduleId)
    this.ended.add(m.moduleId)
  }

  onTestRunEnd(modules: readonly TestModule[], errors: readonly { message?: string }[]) {
    clearInterval(this.timer)
    rmSync(workerNotes(process.pid), { recursive: true, force: true })
    // A file whose embedded database stopped (src/db/pglite-guard.ts: the PGlite defect that
    // would otherwise spin until killed) failed for the reason a hung one did: counted with them.
    const stopped = modules.filter((m) => !this.killed.has(m.moduleId) && lostDatabase(m))
    for (const m of stopped) {
      const file = this.relative(m.moduleId)
      this.hung.push(file)
      process.stdout.write(`\nwatchdog: ${file} failed because its embedded database stopped\n`)
    }
    if (!this.hung.length) return
    // Files the run never began (a worker shared by every file was killed before them): vitest
    // learns of a file from its worker, so it neither lists nor counts them.
    const done = new Set([...modules.filter((m) => m.state() !== 'queued').map((m) => m.moduleId)])
    const notRun = this.specified
      .filter((id) => !this.killed.has(id) && !this.ended.has(id) && !done.has(id))
      .map((id) => this.relative(id))
    const failed = modules
      .filter((m) => !stopped.includes(m))
      .flatMap((m) => [...m.children.allTests()])
      .filter((t) => t.result().state === 'failed').length
    // A killed worker is reported as one error of its own; anything else is a failure of its own.
    const other = errors.filter(
      (e) => !/Worker (exited unexpectedly|forks emitted error)/.test(String(e.message)),
    ).length
    process.stdout.write(
      `watchdog: hung ${this.hung.length} file(s): ${this.hung.join(' ')}; ` +
        `not run ${notRun.length} file(s):${notRun.map((f) => ` ${f}`).join('')}; ` +
        `failed tests ${failed}; other errors ${other}\n`,
    )
  }

  private check() {
    const now = Date.now()
    for (const { pid, id, since } of this.notes()) {
      if (now - since < LIMIT_MS || this.ended.has(id) || this.killed.has(id)) continue
      if (!alive(pid)) continue // a worker that ended (crashed) without ending its file
      this.killed.add(id)
      const file = this.relative(id)
      this.hung.push(file)
      const last = this.running.get(id)?.last ?? 'its start (nothing reported since)'
      this.running.delete(id)
      process.stdout.write(
        `\nwatchdog: ${file} has run ${Math.round((now - since) / 1000)} s (limit ${LIMIT_MS / 1000} s), ` +
          `last at ${last}; worker ${pid} ${processState(pid)}: killing it\n`,
      )
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // gone already
      }
    }
  }

  private relative(id: string): string {
    return id.startsWith(`${this.root}/`) ? id.slice(this.root.length + 1) : id
  }

  /** Each worker's current file and when it began it (the note's last write). */
  private notes(): { pid: number; id: string; since: number }[] {
    const dir = workerNotes(process.pid)
    const notes = []
    for (const name of readdirSync(dir)) {
      try {
        const path = join(dir, name)
        notes.push({
          pid: Number(name),
          id: readFileSync(path, 'utf8'),
          since: statSync(path).mtimeMs,
        })
      } catch {
        // a note removed meanwhile
      }
    }
    return notes
  }
}

/** Whether any error of the file (its own, a suite's or a test's) says its database stopped. */
function lostDatabase(m: TestModule): boolean {
  const errors = [
    ...m.errors(),
    ...[...m.children.allSuites()].flatMap((suite) => suite.errors()),
    ...[...m.children.allTests()].flatMap((t) => t.result().errors ?? []),
  ]
  return errors.some((e) =>
    /embedded database \(PGlite\) stopped/.test(`${e.message} ${e.stack ?? ''}`),
  )
}

/** Whether a process is still there (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A process's state as /proc tells it: R (running) or S (sleeping), and its CPU seconds. */
function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(f[11]) + Number(f[12])
    return `(state ${f[0]}, ${(ticks / 100).toFixed(1)} s of CPU)`
  } catch {
    return '(no /proc entry)'
  }
}
