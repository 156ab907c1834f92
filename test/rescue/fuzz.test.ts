import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateInputs } from '../support/fuzz-inputs.js'
import { type FuzzProblem, runFuzz } from '../support/fuzz-runner.js'

// Issue 5: at least 100,000 inputs through a worker with a 512 MB heap and a 5 s watchdog per
// input; a hang or a crash is a bug to fix. QUIRE_FUZZ_INPUTS and QUIRE_FUZZ_SEED run more, or
// others, by hand; CI runs the defaults, the same inputs every time.
const INPUTS = Number(process.env['QUIRE_FUZZ_INPUTS'] ?? 100_000)
const SEED = Number(process.env['QUIRE_FUZZ_SEED'] ?? 5)
const HEAP_MB = 512
const WATCHDOG_MS = 5_000
// The worker runs the compiled rescue code, which vitest's globalSetup has just built.
const WORKER = new URL('../support/fuzz-worker.mjs', import.meta.url)
const FAILURES = path.resolve('test-results', 'fuzz-failures')

// Each input that went wrong, saved under the name it was rescued with, beside what happened.
async function saveProblem(problem: FuzzProblem): Promise<string> {
  const { input } = problem
  const base = `${String(input?.index ?? 'unknown')}-${problem.kind}`
  await mkdir(FAILURES, { recursive: true })
  const report = { ...problem, input: input === undefined ? null : { index: input.index, kind: input.kind, name: input.name } }
  await writeFile(path.join(FAILURES, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`)
  if (input === undefined) return `${problem.kind} on an unknown input: ${problem.message}`
  const file = path.join(FAILURES, `${base}-${path.basename(input.name)}`)
  await writeFile(file, input.bytes)
  return `${problem.kind} on input ${String(input.index)} (${input.kind}, named "${input.name}", saved as ${file}): ${problem.message}`
}

describe('rescue under fuzzing', () => {
  it(
    'rescues or refuses every generated input with a RescueError, none taking over 5 s or 512 MB',
    async () => {
      await rm(FAILURES, { recursive: true, force: true })
      const started = performance.now()
      const summary = await runFuzz(generateInputs(SEED, INPUTS), {
        workerUrl: WORKER,
        heapMb: HEAP_MB,
        watchdogMs: WATCHDOG_MS,
        batchSize: 200,
        maxProblems: 20,
      })
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const slowest = summary.slowest === undefined ? '' : ` (input ${String(summary.slowest.index)}, ${summary.slowest.kind})`
      console.log(
        `fuzz: ${String(summary.tried)} inputs tried, ${String(summary.refused)} refused with RescueError, ` +
          `${String(summary.rescued)} rescued, slowest ${summary.slowestMs.toFixed(0)} ms${slowest}; seed ${String(SEED)}, ${seconds} s`,
      )
      const problems = await Promise.all(summary.problems.map(saveProblem))
      expect(problems).toEqual([])
      expect(summary.tried).toBe(INPUTS)
    },
    600_000,
  )
})
