import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RescuedWork } from '../../src/domain/rescue-report.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { sectionKinds, sectionsOf } from './rescue-text.js'

// The reference story lives beside the repository and is never copied into it.
const REFERENCE = fileURLToPath(new URL('../../../shared/samples/stepping-back.txt', import.meta.url))

describe('the reference story "Stepping Back"', () => {
  let rescued: RescuedWork
  let text: string
  beforeAll(() => {
    const bytes = readFileSync(REFERENCE)
    text = bytes.toString('utf8')
    rescued = rescuePlainText(bytes, 'stepping-back.txt')
  })
  const lineOf = (start: string): number => text.split('\n').findIndex((line) => line.startsWith(start)) + 1

  it('is read as UTF-8 without a doubt', () => {
    expect(rescued.source).toEqual({ encoding: 'UTF-8', encodingConfidence: 1 })
    expect(rescued.report.format).toBe('plain-text')
  })

  it('takes its title from the Title line even though it comes last in the header', () => {
    expect(rescued.work.title).toBe('Stepping Back')
    expect(rescued.report.fields['title']).toMatchObject({ line: lineOf('Title:'), confidence: 1 })
  })

  it('credits no creator, because the file names none', () => {
    expect(rescued.work.creators).toEqual([])
  })

  it('maps "PG-13 for subject matter" to Teen And Up Audiences and keeps the text', () => {
    expect(rescued.work.rating).toBe('teen')
    expect(rescued.work.ratingOriginal).toBe("PG-13 for subject matter (see author's notes)")
  })

  it('finds the fandom Smallville in the disclaimer', () => {
    expect(rescued.work.fandoms).toEqual(['Smallville'])
    expect(rescued.report.fields['fandoms']?.rule).toBe('disclaimer-ownership')
  })

  it('reads "Chloe/Lex friendship" as the platonic relationship Chloe & Lex', () => {
    expect(rescued.work.relationships).toEqual([
      { name: 'Chloe & Lex', platonic: true, original: 'Chloe/Lex friendship' },
    ])
    expect(rescued.work.characters).toEqual(['Chloe', 'Lex'])
  })

  it('files the work as Gen, tagged Songfic, with no archive warning chosen', () => {
    expect(rescued.work.categories).toEqual(['gen'])
    expect(rescued.work.freeforms).toEqual(['Songfic'])
    expect(rescued.work.archiveWarnings).toEqual(['choose-not-to-warn'])
  })

  it('keeps the disclaimer, summary and author\'s note word for word', () => {
    const after = (key: string): string => (text.split('\n').find((line) => line.startsWith(key)) ?? '').slice(key.length).trim()
    expect(rescued.work.disclaimer).toBe(after('Disclaimer:'))
    expect(rescued.work.summary).toBe(after('Summary:'))
    expect(rescued.work.notes).toEqual({ beginning: after('A/N:'), end: null })
  })

  it('shows a suicide notice pointing at the author\'s note', () => {
    expect(rescued.work.contentNotices).toEqual([{ topic: 'suicide', line: lineOf('A/N:') }])
  })

  it('is complete, in English, with no posted or updated date', () => {
    expect(rescued.work.complete).toBe(true)
    expect(rescued.work.language).toBe('en')
    expect(rescued.work.posted).toBeNull()
    expect(rescued.work.updated).toBeNull()
  })

  it('holds one untitled chapter', () => {
    expect(rescued.work.chapters).toHaveLength(1)
    expect(rescued.work.chapters[0]?.title).toBeNull()
  })

  it('sets the five lyric stanzas as verse of 6, 4, 6, 4 and 3 lines', () => {
    const verses = sectionsOf(rescued, 'verse')
    expect(verses.map((verse) => verse.split('\n').length)).toEqual([6, 4, 6, 4, 3])
    expect(verses[0]?.split('\n')[0]).toBe('The angry boy, a bit too insane')
  })

  it('keeps nine scene breaks, the one after the title only closing the header', () => {
    const breaks = sectionsOf(rescued, 'break')
    expect(breaks).toHaveLength(9)
    expect(new Set(breaks)).toEqual(new Set(['* * *']))
    expect(sectionKinds(rescued)[0]).toBe('verse')
  })

  it('makes the five point-of-view lines headings', () => {
    expect(sectionsOf(rescued, 'heading')).toEqual([
      "Lex's PoV",
      "Chloe's PoV",
      "Lex's PoV",
      "Chloe's PoV",
      "Lex's PoV",
    ])
  })

  it('reads the prose as paragraphs and drops the closing END', () => {
    const paragraphs = sectionsOf(rescued, 'paragraph')
    // 86 lines of text after the header: 9 breaks, 5 headings, 23 lyric lines, END and 48 more.
    expect(paragraphs).toHaveLength(48)
    expect(paragraphs[0]).toMatch(/^It is nearly dusk\./u)
    expect(paragraphs.at(-1)).toMatch(/^I know that the moisture/u)
    const everything = rescued.work.chapters.flatMap((chapter) => chapter.sections.map((section) => section.text))
    expect(everything.some((section) => /\bEND\b/u.test(section))).toBe(false)
  })

  it('counts 2,949 words by AO3\'s rule, about 2,950', () => {
    expect(rescued.work.wordCount).toBe(2949)
    expect(rescued.work.wordCount).toBeGreaterThanOrEqual(2900)
    expect(rescued.work.wordCount).toBeLessThanOrEqual(3000)
  })

  it('understands every header line and raises no issue', () => {
    expect(rescued.report.unrecognised).toEqual([])
    expect(rescued.report.issues).toEqual([])
  })
})
