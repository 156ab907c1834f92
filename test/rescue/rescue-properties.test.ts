import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RescueError } from '../../src/domain/errors.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { rescueText } from './rescue-text.js'

function rescueOrRefuse(bytes: Uint8Array): 'rescued' | 'refused' {
  try {
    rescuePlainText(bytes, 'fuzz.txt')
    return 'rescued'
  } catch (error) {
    if (error instanceof RescueError) return 'refused'
    throw error
  }
}

// Words and lines of a well-formed legacy story, built from pieces a generator can combine.
const word = fc.constantFrom('river', 'lantern', 'quiet', 'morning', 'stone', 'letter', 'garden', 'window')
const sentence = fc
  .array(word, { minLength: 6, maxLength: 14 })
  .map((words) => `${words.join(' ').replace(/^\w/u, (first) => first.toUpperCase())}.`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' '))
const title = fc
  .array(word, { minLength: 1, maxLength: 4 })
  .map((words) => words.map((each) => each[0]?.toUpperCase() + each.slice(1)).join(' '))
const rating = fc.constantFrom(['G', 'general'], ['PG-13', 'teen'], ['R', 'mature'], ['NC-17', 'explicit'])
const fandom = fc.constantFrom('Lighthouse Keepers', 'Moonbase Nine', 'The Clockwork Court')
const breakLine = fc.constantFrom('* * *', '~~~', '-----', 'oOo', '#')
const scene = fc.array(paragraph, { minLength: 1, maxLength: 4 })

describe('rescue on any input', () => {
  it('either rescues a work or refuses with a RescueError, for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(['rescued', 'refused']).toContain(rescueOrRefuse(bytes))
      }),
      { numRuns: 500 },
    )
  })

  it('either rescues a work or refuses with a RescueError, for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) => {
        expect(['rescued', 'refused']).toContain(rescueOrRefuse(new TextEncoder().encode(text)))
      }),
      { numRuns: 500 },
    )
  })

  it('either rescues or refuses text made of the pieces legacy stories are made of', () => {
    const piece = fc.constantFrom(
      'Title: ', 'A/N: ', '* * *', '\n', '\n\n', 'Chapter 1', 'END', 'TBC', "Lex's PoV", '~Chloe~',
      'Rating: PG', '"', '(', ')', 'Summary:', 'by Jane', 'I don\'t own ', 'a@b.co', '\r', 'Fin',
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 20 })), { maxLength: 60 }), (pieces) => {
        expect(['rescued', 'refused']).toContain(rescueOrRefuse(new TextEncoder().encode(pieces.join(''))))
      }),
      { numRuns: 500 },
    )
  })

  it('reads back the title, rating, fandom and section kinds of a well-formed story', () => {
    fc.assert(
      fc.property(title, rating, fandom, fc.array(scene, { minLength: 1, maxLength: 4 }), breakLine, (name, [written, expected], source, scenes, marker) => {
        const body = scenes.map((paragraphs) => paragraphs.join('\n\n')).join(`\n\n${marker}\n\n`)
        const text = `Title: ${name}\nRating: ${written}\nFandom: ${source}\n\n${body}\n\nThe End\n`
        const rescued = rescueText(text)
        expect(rescued.work.title).toBe(name)
        expect(rescued.work.rating).toBe(expected)
        expect(rescued.work.fandoms).toEqual([source])
        expect(rescued.work.complete).toBe(true)
        const kinds = rescued.work.chapters.flatMap((chapter) => chapter.sections.map((section) => section.kind))
        const wanted = scenes.flatMap((paragraphs, index) => [...(index > 0 ? ['break'] : []), ...paragraphs.map(() => 'paragraph')])
        expect(kinds).toEqual(wanted)
      }),
      { numRuns: 200 },
    )
  })
})
