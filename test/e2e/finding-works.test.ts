import type { Browser, Page } from 'playwright-core'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTagName, type TagKind } from '../../src/domain/tag.js'
import type { WorkDraft } from '../../src/domain/work-draft.js'
import { aChapterDraft, anImport } from '../support/a-work.js'
import { openTestStore, type TestStore } from '../support/test-store.js'
import {
  browseArchive,
  openWindow,
  pageJudge,
  shouldRunBrowserTests,
  VIEWPORTS,
  type BrowsedArchive,
} from './reader-browser.js'

const names = (...list: string[]) => list.map(makeTagName)
const slash = (name: string) => ({ name: makeTagName(name), platonic: false, original: name })
const amp = (name: string) => ({ name: makeTagName(name), platonic: true, original: name })

/** A chapter of a few sentences; only the lighthouse's second chapter holds the searched phrase. */
const chapter = (title: string | null, text: string) =>
  aChapterDraft({ title, sections: [{ kind: 'paragraph', text }] })

/**
 * Eight works in three fandoms. Due South has five (one a crossover with Smallville), three of
 * them tagged Angst, so excluding Angst leaves two, and every count below follows from this list.
 */
const WORKS: ReadonlyArray<Partial<WorkDraft>> = [
  {
    title: 'The Lighthouse Keeper',
    creators: ['Wren'],
    summary: 'One island, one long night, and a lamp that will not stay lit.',
    fandoms: names('Due South'),
    relationships: [slash('Benton Fraser/Ray Kowalski')],
    characters: names('Benton Fraser', 'Ray Kowalski'),
    freeforms: names('Angst', 'Hurt/Comfort'),
    updated: '2021-03-01',
    chapters: [
      // "lamp", "burned" and "blue" all stand in chapter 1 too, but never as the phrase.
      chapter(
        'Arrival',
        'Fraser carried the lamp up the stairs. The sky was blue and the driftwood burned low.',
      ),
      chapter(
        'The Lamp',
        'All night the lamp burned blue over the harbour, and Ray watched it from the pier.',
      ),
      chapter(
        'Departure',
        'In the morning the ferry came, and they left the island without looking back.',
      ),
    ],
  },
  {
    title: 'Snow on Yonge Street',
    creators: ['Wren'],
    fandoms: names('Due South'),
    relationships: [slash('Benton Fraser/Ray Kowalski')],
    characters: names('Benton Fraser', 'Ray Kowalski'),
    freeforms: names('Fluff'),
    updated: '2021-02-01',
    chapters: [chapter(null, 'Snow fell on Toronto and Ray complained about it at length.')],
  },
  {
    title: 'Diefenbaker Eats Everything',
    creators: ['Marlow'],
    fandoms: names('Due South'),
    relationships: [amp('Benton Fraser & Diefenbaker')],
    characters: names('Benton Fraser', 'Diefenbaker'),
    freeforms: names('Humor', 'Fluff'),
    updated: '2021-01-01',
    chapters: [chapter(null, 'The wolf ate a doughnut, a glove and most of a parking ticket.')],
  },
  {
    title: 'Cold Case',
    creators: ['Marlow'],
    fandoms: names('Due South'),
    relationships: [slash('Benton Fraser/Ray Kowalski')],
    characters: names('Benton Fraser', 'Ray Kowalski'),
    freeforms: names('Angst'),
    updated: '2020-12-01',
    chapters: [
      chapter('The File', 'A blue folder, a burned photograph, a lamp left on in an empty office.'),
      chapter('The Answer', 'The answer had been in the basement all along.'),
    ],
  },
  {
    title: 'Two Towns',
    creators: ['Pell'],
    fandoms: names('Due South', 'Smallville'),
    relationships: [],
    characters: names('Benton Fraser', 'Chloe Sullivan'),
    freeforms: names('Angst', 'Crossover'),
    updated: '2020-11-01',
    chapters: [chapter(null, 'Chloe followed the Mountie into the corn, asking questions.')],
  },
  {
    title: 'Talon After Hours',
    creators: ['Pell'],
    fandoms: names('Smallville'),
    relationships: [],
    characters: names('Chloe Sullivan'),
    freeforms: names('Fluff'),
    updated: '2020-10-01',
    chapters: [chapter(null, 'The coffee was cold and the Torch was late to press.')],
  },
  {
    title: 'Torch Deadline',
    creators: ['Pell'],
    fandoms: names('Smallville'),
    relationships: [],
    characters: names('Chloe Sullivan'),
    freeforms: names('Angst'),
    updated: '2020-09-01',
    chapters: [chapter(null, 'Midnight, and the front page was still empty.')],
  },
  {
    title: 'Hyperspace Lanes',
    creators: ['Ode'],
    fandoms: names('Star Wars'),
    relationships: [],
    characters: names('Han Solo'),
    freeforms: names('Humor'),
    updated: '2020-08-01',
    chapters: [chapter(null, 'The hyperdrive coughed twice and then, against all odds, worked.')],
  },
]

const FacetCounts = Type.Record(Type.String(), Type.Record(Type.String(), Type.Number()))

/** What the fixture's Smallville defaults would otherwise put in every preface. */
const PLAIN = { summary: null, disclaimer: null, notes: { beginning: null, end: null } } as const

function wordsIn(work: Partial<WorkDraft>): number {
  const text = (work.chapters ?? []).flatMap((part) => part.sections.map((section) => section.text))
  return text
    .join(' ')
    .split(/\s+/u)
    .filter((word) => word !== '').length
}

/** The filter form's counted checkboxes by legend: `{ Fandom: { Smallville: 1 } }`. */
async function facetCounts(page: Page): Promise<Static<typeof FacetCounts>> {
  const counts: unknown = await page.evaluate(`Object.fromEntries(
    [...document.querySelectorAll('form.filters fieldset')].map((fieldset) => [
      fieldset.querySelector('legend').textContent.trim(),
      Object.fromEntries([...fieldset.querySelectorAll('label.choice')]
        .map((label) => /^(.*) \\((\\d+)\\)$/u.exec(label.textContent.trim()))
        .filter((counted) => counted !== null)
        .map(([, name, count]) => [name, Number(count)])),
    ]).filter(([, choices]) => Object.keys(choices).length > 0))`)
  if (!Value.Check(FacetCounts, counts))
    throw new Error(`the filter form's counts read as ${JSON.stringify(counts)}`)
  return counts
}

/** The listing's count line, "1 – 5 of 5 works". */
async function countLine(page: Page): Promise<string | null> {
  return page.locator('main p.count').first().textContent()
}

/** The facets of Due South's five works; Due South's own box is left out, the address saying it. */
const DUE_SOUTH_FACETS = {
  Fandom: { Smallville: 1 },
  Relationship: { 'Benton Fraser/Ray Kowalski': 3, 'Benton Fraser & Diefenbaker': 1 },
  Character: { 'Benton Fraser': 5, 'Ray Kowalski': 3, Diefenbaker: 1, 'Chloe Sullivan': 1 },
  'Additional Tag': { Angst: 3, Fluff: 2, 'Hurt/Comfort': 1, Humor: 1, Crossover: 1 },
}

/** The same without the three tagged Angst: Snow on Yonge Street and Diefenbaker Eats Everything. */
const DUE_SOUTH_WITHOUT_ANGST = {
  Relationship: { 'Benton Fraser/Ray Kowalski': 1, 'Benton Fraser & Diefenbaker': 1 },
  Character: { 'Benton Fraser': 2, 'Ray Kowalski': 1, Diefenbaker: 1 },
  'Additional Tag': { Fluff: 2, Humor: 1 },
}

describe.runIf(shouldRunBrowserTests())('a reader finding works in Chromium', () => {
  let store: TestStore
  let archive: BrowsedArchive | undefined
  let browser: Browser
  let origin: string
  const { judge, report } = pageJudge()

  beforeAll(async () => {
    store = await openTestStore('sqlite')
    for (const work of WORKS) {
      await store.works.importRescued(anImport({ ...PLAIN, ...work, wordCount: wordsIn(work) }))
    }
    const tag = async (kind: TagKind, name: string) =>
      (await store.tags.findOrCreate(kind, makeTagName(name))).id
    const dueSouth = await tag('fandom', 'Due South')
    await store.tags.addMedia(dueSouth, 'TV Shows')
    await store.tags.addMedia(await tag('fandom', 'Smallville'), 'TV Shows')
    await store.tags.addMedia(await tag('fandom', 'Star Wars'), 'Movies')
    await store.tags.setCanonical(await tag('fandom', 'DS'), dueSouth)
    for (const name of ['Benton Fraser', 'Ray Kowalski', 'Diefenbaker']) {
      await store.tags.addParent(await tag('character', name), dueSouth)
    }
    await store.tags.addParent(await tag('relationship', 'Benton Fraser/Ray Kowalski'), dueSouth)
    archive = await browseArchive(store)
    origin = archive.origin
    browser = archive.browser
  })

  afterAll(async () => {
    await archive?.close()
    await store?.destroy()
    report()
  })

  it.each(VIEWPORTS)(
    'follows a reader from home through a fandom, a filter and a search to the text at $width px',
    async (viewport) => {
      const context = await openWindow(browser, viewport)
      const page = await context.newPage()
      const shot = (step: string): Promise<void> => judge(page, `finding-${viewport.name}-${step}`)
      try {
        await page.goto(`${origin}/`)
        const top = page.getByRole('region', { name: 'Fandoms with the most works' })
        expect(await top.getByRole('listitem').allTextContents()).toEqual([
          'Due South (5)',
          'Smallville (3)',
          'Star Wars (1)',
        ])
        await shot('01-home')

        // A fandom's works, with the counts beside every filter option.
        await top.getByRole('link', { name: 'Due South' }).click()
        await page.getByRole('heading', { level: 1, name: 'Works in Due South' }).waitFor()
        expect(await countLine(page)).toBe('1 – 5 of 5 works')
        expect(await facetCounts(page)).toMatchObject(DUE_SOUTH_FACETS)
        await shot('02-fandom-works')

        // The keyboard reaches the form's button, and the reader can see where the focus is.
        const submit = page.locator('form.filters button[type=submit]')
        const focused = `document.activeElement === document.querySelector('form.filters button[type=submit]')`
        for (let tabs = 0; tabs < 200 && (await page.evaluate(focused)) !== true; tabs++) {
          await page.keyboard.press('Tab')
        }
        expect(await page.evaluate(focused)).toBe(true)
        const outline = await page.evaluate('getComputedStyle(document.activeElement).outline')
        expect(outline).toMatch(/^rgb\(\d+, \d+, \d+\) solid [2-9]px$/u)
        await shot('03-filter-submit-focused')

        // Exclude Angst as the form offers: typed on the phone, ticked on the desktop.
        const exclude = page.getByRole('group', { name: 'Exclude' })
        if (viewport.name === 'phone') {
          await exclude.getByLabel('Other tags to exclude').fill('Angst')
        } else {
          await exclude.getByRole('checkbox', { name: 'Angst (3)' }).check()
        }
        await submit.click()
        await page.waitForURL(/[?&]exclude=Angst(&|$)/u)
        expect(await countLine(page)).toBe('1 – 2 of 2 works')
        expect(await page.locator('.blurb h3 > a').allTextContents()).toEqual([
          'Snow on Yonge Street',
          'Diefenbaker Eats Everything',
        ])
        const facets = await facetCounts(page)
        expect(facets).toMatchObject(DUE_SOUTH_WITHOUT_ANGST)
        expect(facets).not.toHaveProperty('Fandom')
        expect(facets['Additional Tag']).not.toHaveProperty('Angst')
        // The exclusion stays ticked, so the next submit keeps it and unticking undoes it.
        expect(
          await exclude.getByRole('checkbox', { name: 'Angst', exact: true }).isChecked(),
        ).toBe(true)
        await shot('04-fandom-works-without-angst')

        // The tag's own page: its medium, its synonym and the characters filed under it.
        await page
          .getByRole('heading', { level: 1 })
          .getByRole('link', { name: 'Due South' })
          .click()
        await page.waitForURL(`${origin}/tags/Due%20South`)
        await page.getByRole('link', { name: '5 works tagged Due South' }).waitFor()
        expect(await page.getByRole('region', { name: 'Synonyms' }).textContent()).toContain('DS')
        expect(
          await page
            .getByRole('region', { name: 'Child tags' })
            .getByRole('heading', { level: 3 })
            .allTextContents(),
        ).toEqual(['Relationships (1)', 'Characters (3)'])
        await shot('05-tag-page')

        // Its medium in the fandom directory.
        await page
          .getByRole('region', { name: 'Parent tags' })
          .getByRole('link', { name: 'TV Shows' })
          .click()
        await page.waitForURL(`${origin}/media#media-tv-shows`)
        const tv = page.getByRole('region', { name: 'TV Shows' })
        expect(await tv.getByRole('listitem').allTextContents()).toEqual([
          'Due South (5)',
          'Smallville (3)',
        ])
        expect(
          await page
            .getByRole('region', { name: 'Movies' })
            .getByRole('listitem')
            .allTextContents(),
        ).toEqual(['Star Wars (1)'])
        await shot('06-media')

        // Every work, filtered the same way, and that listing's Atom feed.
        await page
          .getByRole('navigation', { name: 'Site' })
          .getByRole('link', { name: 'Browse works' })
          .click()
        expect(await countLine(page)).toBe('1 – 8 of 8 works')
        await page
          .getByRole('group', { name: 'Fandom' })
          .getByRole('checkbox', { name: 'Due South (5)' })
          .check()
        await page
          .getByRole('group', { name: 'Exclude' })
          .getByRole('checkbox', { name: 'Angst (4)' })
          .check()
        await submit.click()
        await page.waitForURL(/exclude=Angst/u)
        expect(await countLine(page)).toBe('1 – 2 of 2 works')
        await shot('07-works-filtered')
        const feed = page.getByRole('link', { name: 'Subscribe (Atom)' })
        const feedHref = await feed.getAttribute('href')
        expect(
          await page
            .locator('link[rel=alternate][type="application/atom+xml"]')
            .getAttribute('href'),
        ).toBe(feedHref)
        const response = await page.request.get(new URL(feedHref ?? '', page.url()).href)
        expect(response.status()).toBe(200)
        expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/u)
        const atom: unknown = await page.evaluate(`(() => {
          const xml = new DOMParser().parseFromString(${JSON.stringify(await response.text())}, 'application/xml')
          const root = xml.documentElement
          return {
            root: root.localName,
            namespace: root.namespaceURI,
            errors: xml.getElementsByTagName('parsererror').length,
            entries: [...root.getElementsByTagName('entry')].map((entry) => entry.getElementsByTagName('title')[0].textContent),
          }
        })()`)
        expect(atom).toEqual({
          root: 'feed',
          namespace: 'http://www.w3.org/2005/Atom',
          errors: 0,
          entries: ['Snow on Yonge Street', 'Diefenbaker Eats Everything'],
        })

        // A creator's page, from a byline.
        await page.locator('.blurb').first().getByRole('link', { name: 'Wren' }).click()
        await page.waitForURL(`${origin}/creators/Wren`)
        await page.getByRole('heading', { level: 2, name: 'Works (2)' }).waitFor()
        expect(await page.locator('.blurb h3 > a').allTextContents()).toEqual([
          'The Lighthouse Keeper',
          'Snow on Yonge Street',
        ])
        await shot('08-creator')

        // A phrase inside the story text finds the chapter it is in, not the work's first.
        await page
          .getByRole('navigation', { name: 'Site' })
          .getByRole('link', { name: 'Search' })
          .click()
        await page.getByRole('searchbox').fill('"lamp burned blue"')
        await page.getByRole('button', { name: 'Search', exact: true }).click()
        await page.waitForURL(/\/search\?q=/u)
        expect(await page.locator('main p.count').textContent()).toBe('1 work matches')
        expect(await page.locator('.snippet mark').allTextContents()).toEqual(['lamp burned blue'])
        await shot('09-search')

        await page.getByRole('link', { name: 'The Lighthouse Keeper' }).click()
        await page.getByRole('heading', { name: 'Chapter 2: The Lamp' }).waitFor()
        expect(page.url()).toMatch(/\/chapters\/2$/u)
        await page.getByText('the lamp burned blue over the harbour').waitFor()
        await shot('10-chapter-2')

        await page.getByRole('link', { name: 'Next chapter' }).first().click()
        await page.getByRole('heading', { name: 'Chapter 3: Departure' }).waitFor()
        expect(page.url()).toMatch(/\/chapters\/3$/u)
        await shot('11-chapter-3')

        await page.getByRole('link', { name: 'Entire work' }).first().click()
        await page.waitForURL(/view_full_work=true/u)
        expect(await page.locator('.chapter h2').allTextContents()).toEqual([
          'Chapter 1: Arrival',
          'Chapter 2: The Lamp',
          'Chapter 3: Departure',
        ])
        await shot('12-entire-work')

        // The dark theme, saved by the settings form, paints the page dark.
        const entire = page.url()
        await page.getByLabel('Theme').selectOption('dark')
        await page.getByRole('button', { name: 'Apply' }).click()
        await page.waitForURL(entire)
        expect(await page.locator('html').getAttribute('data-theme')).toBe('dark')
        const background = String(
          await page.evaluate('getComputedStyle(document.documentElement).backgroundColor'),
        )
        expect(relativeLuminance(background), background).toBeLessThan(0.05)
        await shot('13-entire-work-dark')
      } finally {
        await context.close()
      }
    },
    120_000,
  )

  it('excludes a tag without JavaScript: the form alone changes the list and keeps the choice', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    try {
      await page.goto(`${origin}/tags/Due%20South/works`)
      await page
        .getByRole('group', { name: 'Exclude' })
        .getByRole('checkbox', { name: 'Angst (3)' })
        .check()
      await page.getByRole('button', { name: 'Sort and filter' }).click()
      await page.waitForURL(/exclude=Angst/u)
      expect(await countLine(page)).toBe('1 – 2 of 2 works')
      // Sorting again must not bring Angst back: the form carries the exclusion it was given.
      await page.getByLabel('Sort by').selectOption('title')
      await page.getByRole('button', { name: 'Sort and filter' }).click()
      await page.waitForURL(/sort=title/u)
      expect(await countLine(page)).toBe('1 – 2 of 2 works')
      expect(await page.locator('.blurb h3 > a').allTextContents()).toEqual([
        'Diefenbaker Eats Everything',
        'Snow on Yonge Street',
      ])
    } finally {
      await context.close()
    }
  }, 60_000)
})

/** WCAG's relative luminance of "rgb(r, g, b)": 0 is black, 1 is white. */
function relativeLuminance(color: string): number {
  const channels = /^rgba?\((\d+), (\d+), (\d+)/u.exec(color)?.slice(1).map(Number)
  if (channels === undefined) throw new Error(`not an rgb() colour: ${color}`)
  const [r = 0, g = 0, b = 0] = channels.map((value) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
