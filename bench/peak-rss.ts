import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'

export type ChildRun = Readonly<{ code: number | null; seconds: number; peakRssBytes: number; stderr: string }>

/**
 * Runs a command and reads its peak resident memory (VmHWM, which only grows) from /proc every
 * 50 ms; the last reading before exit is the peak to within what 50 ms can add.
 */
export async function runMeasuringPeakRss(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildRun> {
  const started = performance.now()
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  let peak = 0
  const poll = setInterval(() => {
    readFile(`/proc/${String(child.pid)}/status`, 'utf8')
      .then((status) => {
        const kb = Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0)
        peak = Math.max(peak, kb * 1024)
      })
      .catch(() => undefined) // the process has just exited; the last reading stands
  }, 50)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearInterval(poll)
  return { code, seconds: (performance.now() - started) / 1000, peakRssBytes: peak, stderr }
}
