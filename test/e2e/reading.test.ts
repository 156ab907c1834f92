import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Section } from '../../src/domain/work-draft.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { aChapterDraft, anImport } from '../support/a-work.js'
import { REFERENCE_STORY } from '../support/run-quire.js'
import { openTestStore, type TestStore } from '../support/test-store.js'
import {
  axeFindings,
  browseArchive,
  openWindow,
  pageJudge,
  shouldRunBrowserTests,
  VIEWPORTS,
  type BrowsedArchive,
} from './reader-browser.js'

/** A few paragraphs of a chapter, long enough to read like one. */
function chapterText(name: string): Section[] {
  const paragraph = `${name}: the rain had not stopped since morning, and the fields beyond the window were a grey smear. She counted the drops on the glass until she lost count, then started again.`
  return [
    { kind: 'paragraph', text: paragraph },
    { kind: 'break', text: '* * *' },
    { kind: 'verse', text: 'Rain on the roof\nrain on the road\nrain on the way home' },
    { kind: 'paragraph', text: paragraph },
  ]
}

describe.runIf(shouldRunBrowserTests())('a reader in Chromium', () => {
  let store: TestStore
  let archive: BrowsedArchive | undefined
  let browser: Browser
  let origin: string
  const { judge, report } = pageJudge()

  beforeAll(async () => {
    store = await openTestStore('sqlite')
    const bytes = await readFile(REFERENCE_STORY)
    const rescued = rescuePlainText(bytes, 'stepping-back.txt')
    await store.works.importRescued({ rescued, bytes, fileName: 'stepping-back.txt' })
    await store.works.importRescued(
      anImport({
        title: 'Three Rainy Days',
        creators: ['Kit'],
        rating: 'general',
        summary: 'Chloe waits out a storm, three days running.',
        notes: { beginning: 'For the rain prompt.', end: 'Thank you for reading!' },
        chapters: ['Monday', 'Tuesday', 'Wednesday'].map((title) =>
          aChapterDraft({ title, sections: chapterText(title) }),
        ),
      }),
    )
    archive = await browseArchive(store)
    origin = archive.origin
    browser = archive.browser
  })

  afterAll(async () => {
    await archive?.close()
    await store?.destroy()
    report()
  })

  it('has an axe-core that finds problems, so a clean page means something', async () => {
    const page = await browser.newPage()
    try {
      await page.setContent('<html><body><img src="data:,"><button></button></body></html>')
      const ids = (await axeFindings(page)).map((finding) => finding.id)
      expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']))
    } finally {
      await page.close()
    }
  })

  it.each(VIEWPORTS)(
    'follows a reader from the list to the entire work at $width px',
    async (viewport) => {
      const context = await openWindow(browser, viewport)
      const page = await context.newPage()
      const shot = (step: string): Promise<void> => judge(page, `${viewport.name}-${step}`)
      try {
        await page.goto(`${origin}/`)
        await expect.poll(() => page.locator('h1').textContent()).toBe('Works')
        await shot('01-works')

        // The reference story: its notice and the crisis lines come before any of its text.
        await page.getByRole('link', { name: 'Stepping Back' }).click()
        await page.getByText('This work deals with suicide.').waitFor()
        expect(await page.getByText('Samaritans', { exact: true }).count()).toBe(1)
        expect(await page.content()).not.toContain('Loeb Bridge')
        await shot('02-notice-en-GB')

        await page.getByLabel('Show services in').selectOption('US')
        await page.getByRole('button', { name: 'Show' }).click()
        await page.getByRole('heading', { name: 'United States' }).waitFor()
        expect(await page.locator('a[href="tel:988"]').count()).toBe(1)
        expect(await page.content()).not.toContain('Loeb Bridge')
        await shot('03-notice-us')

        await page.getByRole('link', { name: 'Proceed' }).click()
        await page.getByText('Loeb Bridge', { exact: false }).first().waitFor()
        await shot('04-reference-story')

        // A work in chapters: next chapter, then the entire work.
        await page.goto(`${origin}/`)
        await page.getByRole('link', { name: 'Three Rainy Days' }).click()
        await page.getByRole('heading', { name: 'Chapter 1: Monday' }).waitFor()
        await page.getByRole('link', { name: 'Next chapter' }).first().click()
        await page.getByRole('heading', { name: 'Chapter 2: Tuesday' }).waitFor()
        expect(page.url()).toMatch(/\/chapters\/2$/u)
        await shot('05-chapter-2')

        await page.getByRole('link', { name: 'Entire work' }).first().click()
        await page.getByRole('heading', { name: 'Chapter 3: Wednesday' }).waitFor()
        await page.getByText('Thank you for reading!').waitFor()
        await shot('06-entire-work')

        // Dark theme: the script shows it at once; Apply saves it and comes back to this page.
        const entire = page.url()
        await page.getByLabel('Theme').selectOption('dark')
        expect(await page.locator('html').getAttribute('data-theme')).toBe('dark')
        await page.getByRole('button', { name: 'Apply' }).click()
        await page.waitForURL(entire)
        expect(await page.locator('html').getAttribute('data-theme')).toBe('dark')
        expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe(
          'rgba(0, 0, 0, 0)',
        )
        expect(
          await page.evaluate('getComputedStyle(document.documentElement).backgroundColor'),
        ).toBe('rgb(20, 20, 20)')
        await shot('07-entire-work-dark')

        await page.getByLabel('Text size').selectOption('larger')
        await page.getByRole('button', { name: 'Apply' }).click()
        await page.waitForURL(entire)
        expect(await page.evaluate('getComputedStyle(document.documentElement).fontSize')).toBe(
          '24px',
        )
        expect(await page.locator('html').getAttribute('data-theme')).toBe('dark')
        await shot('08-entire-work-dark-larger')
      } finally {
        await context.close()
      }
    },
    120_000,
  )

  it('reads on without JavaScript: the notice, the chapters and the settings all work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' })
    const page = await context.newPage()
    try {
      await page.goto(`${origin}/`)
      await page.getByRole('link', { name: 'Stepping Back' }).click()
      expect(await page.locator('a[href="tel:988"]').count()).toBe(1)
      await page.getByRole('link', { name: 'Proceed' }).click()
      await page.getByText('Loeb Bridge', { exact: false }).first().waitFor()

      await page.goto(`${origin}/`)
      await page.getByRole('link', { name: 'Three Rainy Days' }).click()
      await page.getByText('Chapter index').click()
      await page.getByRole('link', { name: 'Chapter 3: Wednesday' }).click()
      await page.getByRole('heading', { name: 'Chapter 3: Wednesday' }).waitFor()

      await page.getByLabel('Theme').selectOption('dark')
      await page.getByRole('button', { name: 'Apply' }).click()
      await page.waitForURL(/\/chapters\/3$/u)
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark')
    } finally {
      await context.close()
    }
  }, 60_000)
})
