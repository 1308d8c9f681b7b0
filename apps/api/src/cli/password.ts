import { CliError } from './support.js'

/**
 * Reads a password for `--password-stdin`: the first line of standard input. Passwords are never
 * taken as arguments, which would leave them in shell history and in the process list. On a
 * terminal the user is prompted and the typing is not echoed.
 */
export async function readPassword(prompt = 'Password: '): Promise<string> {
  const stdin = process.stdin
  const line = stdin.isTTY ? await readHidden(prompt) : await readFirstLine()
  if (!line)
    throw new CliError(
      'no password on standard input (pipe it in, e.g. `printf %s "$PW" | rectify …`)',
    )
  return line
}

/** The first line of a piped stdin (up to a newline or the end), without its line ending. */
function readFirstLine(): Promise<string> {
  const stdin = process.stdin
  return new Promise((resolve, reject) => {
    let text = ''
    const done = () => {
      stdin.off('data', onData)
      stdin.off('end', done)
      stdin.off('error', reject)
      stdin.pause()
      resolve(text.split('\n')[0]!.replace(/\r$/, ''))
    }
    const onData = (chunk: string) => {
      text += chunk
      if (text.includes('\n')) done()
    }
    stdin.setEncoding('utf8')
    stdin.on('data', onData)
    stdin.on('end', done)
    stdin.on('error', reject)
  })
}

/** A line typed at the terminal, without echo. Ctrl-C aborts with status 130. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve) => {
    let text = ''
    const finish = () => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish()
          resolve(text)
          return
        }
        if (ch === '\u0003') {
          finish()
          process.exit(130)
        }
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('')
        else text += ch
      }
    }
    stdin.on('data', onData)
  })
}
