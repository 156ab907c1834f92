import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { expect } from 'vitest'
import type { Store } from '../../src/store/store.js'
import { buildApp } from '../../src/web/app.js'
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

/** An archive served on a free port, and a Chromium to read it in. */
export type BrowsedArchive = Readonly<{
  origin: string
  browser: Browser
  /** Closes the browser, then the server; the store stays the caller's. */
  close(): Promise<void>
}>

/** Serves `store` as `quire serve` would, on 127.0.0.1, and launches Chromium. */
export async function browseArchive(store: Store): Promise<BrowsedArchive> {
  const app = await buildApp({ store, logger: false })
  const origin = await app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await launchChromium().catch(async (error: unknown) => {
    await app.close()
    throw error
  })
  return {
    origin,
    browser,
    close: async () => {
      await browser.close()
      await app.close()
    },
  }
}

/** A browser window of this width and height, as a reader in Britain would have it. */
export async function openWindow(
  browser: Browser,
  viewport: Readonly<{ width: number; height: number }>,
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    locale: 'en-GB',
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

/** The two widths every flow is read at: a small phone and a desktop. */
export const VIEWPORTS = [
  { name: 'phone', width: 320, height: 640 },
  { name: 'desktop', width: 1280, height: 900 },
] as const

const SERIOUS = new Set(['serious', 'critical'])

/** Judges pages as a reader would, keeping every axe-core finding for one report at the end. */
export type PageJudge = Readonly<{
  /** Axe-core, a sideways check, then a screenshot; a serious or critical finding fails. */
  judge(page: Page, name: string): Promise<void>
  /** Prints how many pages were judged and every finding, serious or not. */
  report(): void
}>

/** A judge for one test file's pages. */
export function pageJudge(): PageJudge {
  const findings: string[] = []
  let pagesJudged = 0
  return {
    async judge(page, name) {
      const found = await axeFindings(page)
      pagesJudged += 1
      for (const finding of found) {
        findings.push(
          `${name}: ${finding.impact} ${finding.id} (${finding.help}) ${finding.targets.join(' ')}`,
        )
      }
      expect(
        found.filter((finding) => SERIOUS.has(finding.impact)),
        name,
      ).toEqual([])
      // Nothing may stick out sideways: at 320 px a reader must never scroll to read a line.
      expect(await sidewaysOverflow(page), `${name} scrolls sideways`).toEqual([])
      await screenshot(page, name)
    },
    report() {
      console.info(
        `axe-core judged ${String(pagesJudged)} pages: ${String(findings.length)} findings`,
      )
      if (findings.length > 0) console.info(findings.join('\n'))
    },
  }
}

/** The elements whose right edge is past the window's, as "tag.class right". */
async function sidewaysOverflow(page: Page): Promise<unknown> {
  return page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .map((element) => element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(element.getBoundingClientRect().right))`)
}
