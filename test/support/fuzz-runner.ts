import { Worker } from 'node:worker_threads'
import type { GeneratedInput } from './fuzz-inputs.js'

/** An input rescue got wrong: it hung, crashed the worker, or threw something not a RescueError. */
export type FuzzProblem = Readonly<{
  kind: 'hang' | 'crash' | 'failure'
  input: GeneratedInput | undefined
  message: string
  stack: string
}>

export type FuzzSummary = {
  tried: number
  refused: number
  rescued: number
  slowestMs: number
  slowest: GeneratedInput | undefined
  problems: FuzzProblem[]
}

export type FuzzOptions = Readonly<{
  workerUrl: URL
  heapMb: number
  watchdogMs: number
  batchSize: number
  /** Stop after this many problems: past a few, they are usually one bug. */
  maxProblems: number
}>

type Result = Readonly<{ index: number; outcome: 'rescued' | 'refused' | 'failure'; ms: number; message?: string; stack?: string }>

// How often the watchdog looks at the worker's progress.
const WATCHDOG_TICK_MS = 100

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/**
 * Feeds every input to a worker with a capped heap, a batch at a time, two batches ahead. The
 * worker writes which input it is on and since when to shared memory; an input that runs past
 * the watchdog is a hang, and the worker is terminated; a worker that dies is a crash. Either
 * way a new worker takes the inputs not yet done, past the one to blame.
 */
export function runFuzz(inputs: Iterator<GeneratedInput>, options: FuzzOptions): Promise<FuzzSummary> {
  const summary: FuzzSummary = { tried: 0, refused: 0, rescued: 0, slowestMs: 0, slowest: undefined, problems: [] }
  const progress = new SharedArrayBuffer(8)
  const current = new Int32Array(progress)
  const epoch = Date.now()
  const pending = new Map<number, GeneratedInput>()
  let isExhausted = false
  let isFinished = false
  let worker: Worker | undefined

  return new Promise((resolve, reject) => {
    const finish = (): void => {
      isFinished = true
      clearInterval(watchdog)
      void worker?.terminate()
      resolve(summary)
    }

    const post = (batch: readonly GeneratedInput[]): void => {
      const sent = batch.map(({ index, name, bytes }) => ({ index, name, bytes }))
      worker?.postMessage({ inputs: sent })
    }

    const sendMore = (): void => {
      while (!isExhausted && pending.size < options.batchSize * 2) {
        const batch: GeneratedInput[] = []
        while (batch.length < options.batchSize) {
          const next = inputs.next()
          if (next.done === true) {
            isExhausted = true
            break
          }
          batch.push(next.value)
          pending.set(next.value.index, next.value)
        }
        if (batch.length > 0) post(batch)
      }
      if (isExhausted && pending.size === 0) finish()
    }

    const record = (problem: FuzzProblem): void => {
      summary.problems.push(problem)
      summary.tried += 1
    }

    const onResults = (results: readonly Result[]): void => {
      for (const result of results) {
        const input = pending.get(result.index)
        pending.delete(result.index)
        if (result.ms > summary.slowestMs) {
          summary.slowestMs = result.ms
          summary.slowest = input
        }
        if (result.outcome === 'failure') {
          record({ kind: 'failure', input, message: result.message ?? '', stack: result.stack ?? '' })
        } else {
          summary.tried += 1
          summary[result.outcome] += 1
        }
      }
      if (summary.problems.length >= options.maxProblems) finish()
      else sendMore()
    }

    // The input the worker was on takes the blame; the rest of what it held goes to a new one.
    const onDeath = (kind: 'hang' | 'crash', message: string): void => {
      const index = Atomics.load(current, 0)
      const input = pending.get(index)
      pending.delete(index)
      record({ kind, input, message, stack: '' })
      const old = worker
      worker = undefined
      void old?.terminate()
      if (summary.problems.length >= options.maxProblems) {
        finish()
        return
      }
      start()
      const rest = [...pending.values()].sort((a, b) => a.index - b.index)
      for (let at = 0; at < rest.length; at += options.batchSize) post(rest.slice(at, at + options.batchSize))
      if (rest.length === 0) sendMore()
    }

    const start = (): void => {
      Atomics.store(current, 0, -1)
      const started = new Worker(options.workerUrl, {
        workerData: { progress, epoch },
        resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
      })
      worker = started
      const isCurrent = (): boolean => worker === started && !isFinished
      started.on('message', (message: { results: Result[] }) => {
        if (isCurrent()) onResults(message.results)
      })
      started.on('error', (error) => {
        if (isCurrent()) onDeath('crash', `the worker died: ${describe(error)}`)
      })
      started.on('exit', (code) => {
        if (isCurrent()) onDeath('crash', `the worker exited with code ${String(code)}`)
      })
    }

    const watchdog = setInterval(() => {
      const index = Atomics.load(current, 0)
      if (index < 0 || worker === undefined || isFinished) return
      const elapsed = Date.now() - epoch - Atomics.load(current, 1)
      if (elapsed > options.watchdogMs) {
        onDeath('hang', `still running after ${String(elapsed)} ms (the watchdog allows ${String(options.watchdogMs)} ms)`)
      }
    }, WATCHDOG_TICK_MS)

    try {
      start()
      sendMore()
    } catch (error) {
      clearInterval(watchdog)
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}
