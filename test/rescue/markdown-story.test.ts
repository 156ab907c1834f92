import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readMarkdownStory } from '../../src/rescue/markdown-story.js'
import { PROSE, rescueText, sectionKinds, sectionsOf, rescueFailure, onlyRescueErrors } from './rescue-text.js'


// A story as a static-site export wrote it: front matter with every kind of value the reader
// knows, prefixed tags, two chapters, a rule, emphasis, a link, a quote and hard line breaks.
const STORY = `---
title: "The Lamp: A Keeper's Tale"
authors: [Wren Adair, 'Hollis Grey']
rating: PG-13
pairing: Mara/Tomas
characters:
  - Mara
  - Tomas
fandom: Lighthouse Keepers
summary: >
  Mara keeps the lamp lit
  through the longest storm.
warnings: Graphic Depictions Of Violence
date: 2004-05-01
layout: post
params:
  weight: 3
tags:
  - c:Old Jonah
  - "p: Mara & Jonah"
  - f:Moonbase Nine
  - w:Major Character Death
  - hurt/comfort
  - storms # a comment
---

## Chapter 1: The Storm

The rain had not stopped for **three days**, and Mara was *tired* of the sound of it
on the roof.

> "You could just go outside," said [Tomas](https://example.org/tomas) from the doorway.

***

She put the kettle on _anyway_.

## Chapter 2: The Calm

The sea sang  
*Hush now, hush now*  
The boats are coming home\\
One by one

Later, the keeper's snake_case_notes were still on the table.
`

describe('a Markdown file', () => {
  it('becomes a work with every front-matter field and prefixed tag', () => {
    const rescued = rescueText(STORY, 'site/_posts/the-lamp.md')
    const { work } = rescued
    expect(rescued.report.format).toBe('markdown')
    expect(work.title).toBe("The Lamp: A Keeper's Tale")
    expect(work.creators).toEqual(['Wren Adair', 'Hollis Grey'])
    expect(work.rating).toBe('teen')
    expect(work.ratingOriginal).toBe('PG-13')
    expect(work.relationships.map((relationship) => [relationship.name, relationship.platonic])).toEqual([
      ['Mara/Tomas', false],
      ['Mara & Jonah', true],
    ])
    expect(work.characters).toEqual(expect.arrayContaining(['Mara', 'Tomas', 'Old Jonah']))
    expect(work.fandoms).toEqual(['Lighthouse Keepers', 'Moonbase Nine'])
    expect(work.summary).toBe('Mara keeps the lamp lit through the longest storm.')
    expect(work.archiveWarnings).toEqual(['violence', 'major-character-death'])
    expect(work.freeforms).toEqual(['hurt/comfort', 'storms'])
    expect(work.posted).toBe('2004-05-01')
  })

  it('reads chapters, rules, emphasis, links, quotes and hard line breaks as a reader sees them', () => {
    const rescued = rescueText(STORY, 'the-lamp.md')
    expect(rescued.work.chapters.map((chapter) => chapter.title)).toEqual(['The Storm', 'The Calm'])
    expect(sectionKinds(rescued)).toEqual(['paragraph', 'paragraph', 'break', 'paragraph', 'verse', 'paragraph'])
    expect(sectionsOf(rescued, 'paragraph').slice(0, 3)).toEqual([
      'The rain had not stopped for three days, and Mara was tired of the sound of it on the roof.',
      '"You could just go outside," said Tomas from the doorway.',
      'She put the kettle on anyway.',
    ])
    expect(sectionsOf(rescued, 'verse')).toEqual(['The sea sang\nHush now, hush now\nThe boats are coming home\nOne by one'])
    expect(sectionsOf(rescued, 'paragraph')).toContain("Later, the keeper's snake_case_notes were still on the table.")
    const texts = rescued.work.chapters.flatMap((chapter) => chapter.sections.map((section) => section.text))
    expect(JSON.stringify(texts)).not.toMatch(/\*\*|https:|\]\(|^>|layout|weight/u)
  })

  it('keeps emphasis, strong emphasis and web links as the markup of their sections', () => {
    const sections = rescueText(STORY, 'the-lamp.md').work.chapters.flatMap((chapter) => chapter.sections)
    expect(sections.map((section) => section.html)).toEqual([
      'The rain had not stopped for <strong>three days</strong>, and Mara was <em>tired</em> of the sound of it on the roof.',
      '"You could just go outside," said <a href="https://example.org/tomas" rel="nofollow noopener noreferrer">Tomas</a> from the doorway.',
      undefined,
      'She put the kettle on <em>anyway</em>.',
      'The sea sang<br /><em>Hush now, hush now</em><br />The boats are coming home<br />One by one',
      undefined,
    ])
  })

  it('takes an opening "# Heading" for the title when there is no front matter', () => {
    const rescued = rescueText(`# Salt Road\n\nby Wren Adair\n\n${PROSE.replace('three days', '**three days**')}\n`, 'salt-road.markdown')
    expect(rescued.report.format).toBe('markdown')
    expect(rescued.work.title).toBe('Salt Road')
    expect(rescued.work.creators).toEqual(['Wren Adair'])
    expect(sectionsOf(rescued, 'paragraph')[0]).toContain('for three days,')
  })

  it('leaves a text file that only looks a little like Markdown to the plain-text reader', () => {
    expect(rescueText(`Title: Stars\n\nShe said *no* and meant it.\n\n${PROSE}\n`, 'stars.txt').report.format).toBe('plain-text')
    expect(rescueText(`Title: Stars\n\n${PROSE}\n`, 'stars.md').report.format).toBe('plain-text')
    const ornament = `---\nTitle: Stars\nAuthor's Notes: for K.\n---\n\n${PROSE}\n`
    expect(rescueText(ornament, 'stars.txt').report.format).toBe('plain-text')
  })

  it('refuses malformed front matter, naming the file, line and field', () => {
    const unquoted = rescueFailure(`---\ntitle: Stars\nsummary: Chapter one: the fall\n---\n\n${PROSE}\n`, 'stars.md')
    expect(unquoted.code).toBe('QUIRE_RESCUE_BAD_HEADER')
    expect(unquoted.at).toEqual({ file: 'stars.md', line: 3, field: 'summary' })
    expect(unquoted.message).toBe('stars.md:3 (summary): front matter: a ": " inside an unquoted value; put the value in quotes')
    const unclosed = rescueFailure(`---\ntitle: Stars\ntags: [angst, "fluff]\n---\n\n${PROSE}\n`, 'stars.md')
    expect(unclosed.at).toEqual({ file: 'stars.md', line: 3, field: 'tags' })
    expect(rescueFailure(`---\ntitle: Stars\n\n${PROSE}\n`, 'stars.md').message).toMatch(/^stars\.md:1: front matter opened/u)
    expect(rescueFailure(`---\ntitle: A\ntitle: B\n---\n\n${PROSE}\n`, 'stars.md').at.line).toBe(3)
    expect(rescueFailure(`---\ncharacters:\n  - Mara\n    - Tomas\n---\n\n${PROSE}\n`, 'stars.md').at.line).toBe(4)
  })

  it('never throws anything but a RescueError, whatever the text', () => {
    const piece = fc.oneof(
      fc.constantFrom('---\n', 'title: ', 'tags: [', ']', '"', "'", '- ', '  ', '\n', '|\n', '>-\n', ': ', '#', '\\u',
        '\\q', '&a', '*', '**', '_', '[x](y)', '## Chapter 2\n', '```\n', '> ', '\t', 'c:', '{'),
      fc.string({ maxLength: 20 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('a.md', 'a.txt'), (pieces, name) => {
        onlyRescueErrors(() => readMarkdownStory(pieces.join(''), name))
      }),
      { numRuns: 500 },
    )
  })
})
