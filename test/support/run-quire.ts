import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const REFERENCE_STORY = fileURLToPath(new URL('../../../shared/samples/stepping-back.txt', import.meta.url))

export type QuireRun = Readonly<{ code: number | null; stdout: Buffer; stderr: string }>

/** Runs the built `quire` command as a user would, with no terminal attached. */
export async function runQuire(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<QuireRun> {
  const child = spawn(process.execPath, [`${REPO_ROOT}bin/quire.js`, ...args], {
    cwd: options.cwd,
    env: { ...process.env, QUIRE_DATABASE_URL: undefined, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stdout: Buffer[] = []
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout: Buffer.concat(stdout), stderr }
}

export type RunningQuire = Readonly<{ listening: Promise<string>; stop: () => void }>

/** Starts a long-running command such as `serve`; `listening` is the address it reports. */
export function spawnQuire(args: readonly string[], options: { cwd: string }): RunningQuire {
  const child = spawn(process.execPath, [`${REPO_ROOT}bin/quire.js`, ...args], {
    cwd: options.cwd,
    env: { ...process.env, QUIRE_DATABASE_URL: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/u.exec(output)?.[1]
      if (address !== undefined) resolve(address)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('close', (code) => reject(new Error(`quire ${args.join(' ')} exited ${String(code)}: ${output}`)))
  })
  return { listening, stop: () => child.kill('SIGTERM') }
}
