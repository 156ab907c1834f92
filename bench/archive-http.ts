import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

/** A server in a child process, as a reader meets it. */
export type RunningServer = Readonly<{ url: string; startMs: number; child: ChildProcess; rssBytes(): number; stop(): Promise<void> }>

/** Starts `node args…` and waits for it to print the address it listens on. */
export async function startServer(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const found = /(?:listening|Server listening at) (http:\/\/127\.0\.0\.1:\d+)/u.exec(output)?.[1]
      if (found !== undefined) resolve(found)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('close', (code) => reject(new Error(`${args.join(' ')} exited ${String(code)}: ${output.slice(-2000)}`)))
  })
  const startMs = performance.now() - started
  child.stdout.removeAllListeners('data')
  child.stderr.removeAllListeners('data')
  child.stdout.resume()
  child.stderr.resume()
  return {
    url,
    startMs,
    child,
    rssBytes: () => Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('close', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Latency of `amount` requests one at a time (1 connection, -p 1), each response timed. */
export async function measureLatency(url: string, amount: number): Promise<number[]> {
  await run({ url, connections: 1, pipelining: 1, amount: Math.max(5, Math.round(amount / 10)) })
  const times: number[] = []
  const result = await run({ url, connections: 1, pipelining: 1, amount }, (time) => times.push(time))
  checkStatus(url, result)
  return times
}

/** Requests per second at `connections` connections over `seconds`. */
export async function measureThroughput(url: string, connections: number, seconds: number): Promise<number> {
  const result = await run({ url, connections, pipelining: 1, duration: seconds })
  checkStatus(url, result)
  return result.requests.average
}

function checkStatus(url: string, result: autocannon.Result): void {
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${String(result.non2xx)} non-2xx answers and ${String(result.errors)} errors`)
  }
}

function run(options: autocannon.Options, onResponse?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error !== null && error !== undefined) reject(error instanceof Error ? error : new Error(String(error)))
      else resolve(result)
    })
    if (onResponse !== undefined) instance.on('response', (_client, _status, _bytes, time) => onResponse(time))
  })
}

/** Runs `node args…` to the end, its output passed through; throws when it fails. */
export async function runChild(args: readonly string[]): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${String(code)}`)
}
