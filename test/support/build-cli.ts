import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'

// The CLI tests run `bin/quire.js` as a user would, and it runs the compiled dist/: build it
// once before the run, so a test never exercises yesterday's build.
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
}
