// The fuzz run's worker (test/rescue/fuzz.test.ts): rescues each input it is sent with the
// compiled rescue code, as `quire import` runs it. Before each input it writes the input's
// index and start time to shared memory, so the parent's watchdog can tell which input a hung
// or crashed worker was on without waiting for a message that will never come.
import { parentPort, workerData } from 'node:worker_threads'
import { RescueError } from '../../dist/src/domain/errors.js'
import { rescuePlainText } from '../../dist/src/rescue/rescue-plain-text.js'

/** @type {{ progress: SharedArrayBuffer, epoch: number }} */
const { progress, epoch } = workerData
// [0]: index of the input being rescued (-1 between batches), [1]: ms since `epoch` it started.
const current = new Int32Array(progress)

/** @param {unknown} error */
function describe(error) {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack ?? '' }
  return { message: `non-Error thrown: ${String(error)}`, stack: '' }
}

/** @param {{ index: number, name: string, bytes: Uint8Array }} input */
function rescueOne(input) {
  Atomics.store(current, 1, Date.now() - epoch)
  Atomics.store(current, 0, input.index)
  const started = performance.now()
  try {
    rescuePlainText(input.bytes, input.name)
    return { index: input.index, outcome: 'rescued', ms: performance.now() - started }
  } catch (error) {
    const ms = performance.now() - started
    if (error instanceof RescueError) return { index: input.index, outcome: 'refused', ms }
    return { index: input.index, outcome: 'failure', ms, ...describe(error) }
  }
}

parentPort?.on('message', (/** @type {{ inputs: Array<{ index: number, name: string, bytes: Uint8Array }> }} */ batch) => {
  const results = batch.inputs.map(rescueOne)
  Atomics.store(current, 0, -1)
  parentPort?.postMessage({ results })
})
