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
