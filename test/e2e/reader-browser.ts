import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { REPO_ROOT } from '../support/run-quire.js'

/** Debian's Chromium, which `.ci/run` installs with apt-get. */
export const CHROMIUM = '/usr/bin/chromium'

/**
 * Whether to run the browser tests: always in CI (a missing Chromium then fails loudly), and
 * elsewhere only when Chromium is installed, with a warning that says how to get it.
 */
export function shouldRunBrowserTests(): boolean {
  if (process.env['CI'] !== undefined && process.env['CI'] !== '') return true
  if (existsSync(CHROMIUM)) return true
  console.warn(
    `\n*** SKIPPING the end-to-end reading tests: ${CHROMIUM} is missing.` +
      ' Install it with `apt-get install -y --no-install-recommends chromium`;' +
      ' with CI set they run and fail instead. ***\n',
  )
  return false
}

/** Headless Chromium with nothing that talks to the network on its own. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

const AxeResults = Type.Object({
  violations: Type.Array(
    Type.Object({
      id: Type.String(),
      impact: Type.Union([Type.String(), Type.Null()]),
      help: Type.String(),
      nodes: Type.Array(Type.Object({ target: Type.Array(Type.Unknown()) })),
    }),
  ),
})

/** One axe-core finding, as the tests report it. */
export type AxeFinding = Readonly<{ id: string; impact: string; help: string; targets: string[] }>

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Every axe-core violation on the page as it is now, with the elements it found. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: await AXE_SOURCE })
  const results: unknown = await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')
  if (!Value.Check(AxeResults, results)) throw new Error('axe.run gave results of an unknown shape')
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => JSON.stringify(node.target)),
  }))
}

/** Where the screenshots go, to be looked at by a person. */
export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'e2e')

/** Saves test-results/e2e/<name>.png, the whole page, and <name>-top.png, what a reader sees first. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-top.png`) })
}
