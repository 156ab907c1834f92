import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseStoryText } from '../../src/domain/story-text.js'
import type { ChapterDraft, Section } from '../../src/domain/work-draft.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { storyFingerprint } from '../../src/store/story-fingerprint.js'
import { CLOCKMAKER_HTML, CLOCKMAKER_TEXT } from '../support/clockmaker-story.js'

function fingerprintOf(content: string, fileName: string): string | null {
  return storyFingerprint(rescuePlainText(new TextEncoder().encode(content), fileName).work.chapters)
}

function paragraphs(...texts: string[]): ChapterDraft[] {
  return [{ title: null, sections: texts.map((text): Section => ({ kind: 'paragraph', text })) }]
}

const LONG = 'The lamp at the end of the pier had been lit every night for forty years without fail.'

describe('a story fingerprint', () => {
  it('is the same for a story as an HTML page and as a text file', () => {
    const fromText = fingerprintOf(CLOCKMAKER_TEXT, 'clockmaker.txt')
    expect(fromText).toMatch(/^[0-9a-f]{64}$/u)
    expect(fingerprintOf(CLOCKMAKER_HTML, 'clockmaker.html')).toBe(fromText)
  })

  it('is the same when a copy has a longer header, a note or another title', () => {
    const annotated = CLOCKMAKER_TEXT.replace('Rating: PG\n', 'Rating: PG\nWarnings: none\nArchive: yes\n')
      .replace("The Clockmaker's Apprentice", 'Apprentice (revised)')
    expect(fingerprintOf(annotated, 'clockmaker-2.txt')).toBe(fingerprintOf(CLOCKMAKER_TEXT, 'clockmaker.txt'))
  })

  it('differs when one sentence of the story changed', () => {
    const changed = CLOCKMAKER_TEXT.replace('crept past the window', 'raced past the window')
    expect(fingerprintOf(changed, 'clockmaker.txt')).not.toBe(fingerprintOf(CLOCKMAKER_TEXT, 'clockmaker.txt'))
  })

  it('reads quotes, dashes, case, accents, ligatures and white space as one', () => {
    expect(normaliseStoryText(paragraphs('“Don’t,” she said — CAFÉ\u00a0ﬁne\u00adly…'))).toBe(
      normaliseStoryText(paragraphs('"don\'t"', 'she  said -- cafe', 'finely...')),
    )
    expect(normaliseStoryText(paragraphs('Straße'))).toBe(normaliseStoryText(paragraphs('STRASSE')))
  })

  it('counts only the story: scene breaks and notes are left out', () => {
    const bare = paragraphs(LONG, LONG)
    const noted: ChapterDraft[] = [
      {
        title: 'One',
        sections: [
          { kind: 'note', text: 'A/N: thanks to my beta!' },
          { kind: 'paragraph', text: LONG },
          { kind: 'break', text: '* * *' },
        ],
      },
      { title: 'Two', sections: [{ kind: 'paragraph', text: LONG }] },
    ]
    expect(storyFingerprint(noted)).toBe(storyFingerprint(bare))
  })

  it('is null for a body too short to tell a story from a placeholder', () => {
    expect(storyFingerprint(paragraphs('Chapter coming soon!'))).toBeNull()
    expect(storyFingerprint(paragraphs(LONG, LONG))).not.toBeNull()
  })

  it('keeps its value through changes of formatting only', () => {
    const word = fc.constantFrom(
      'lamp', 'harbour', 'keeper', 'winter', "don't", 'rope', 'gull', 'night', 'tide', 'salt', 'boat',
    )
    const story = fc.array(fc.array(word, { minLength: 4, maxLength: 12 }), { minLength: 8, maxLength: 14 })
    const space = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', ' -- ', ' \u2014 ', '\u2013', ', ', '... ')
    const apostrophe = fc.constantFrom("'", '\u2019', '\u02bc')
    fc.assert(
      fc.property(story, fc.array(space, { minLength: 1 }), apostrophe, fc.boolean(), fc.nat(), (sentences, spaces, mark, shout, split) => {
        const plain = paragraphs(...sentences.map((words) => `${words.join(' ')}.`))
        let gap = 0
        const restyle = (words: string[]): string =>
          words
            .map((w) => (shout ? w.toUpperCase() : w).replace("'", mark))
            .join(spaces[gap++ % spaces.length] ?? ' ')
        // The same words, spaced, punctuated and cased otherwise, with paragraphs split elsewhere.
        const texts = sentences.map((words) => `\u201c${restyle(words)}!\u201d`)
        const at = split % texts.length
        const formatted: ChapterDraft[] = [
          { title: null, sections: texts.slice(0, at).map((text): Section => ({ kind: 'paragraph', text })) },
          { title: 'Part two', sections: [{ kind: 'break', text: '~~~' }, ...texts.slice(at).map((text): Section => ({ kind: 'paragraph', text }))] },
        ]
        expect(storyFingerprint(formatted)).toBe(storyFingerprint(plain))
      }),
    )
  })

  it('reads ASCII text the same by its fast path as by the full normalisation', () => {
    // One accented letter sends a text down the full path; the same text without it takes the
    // fast path, and the two must agree on everything else.
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ09 \t\n.,;:!?\'"-_()[]*~#/\\', '\u2014', '\u2019', '\u201c', '\u2026') })
    fc.assert(
      fc.property(fc.array(ascii, { minLength: 1, maxLength: 5 }), (texts) => {
        const fast = normaliseStoryText(paragraphs(...texts))
        const full = normaliseStoryText(paragraphs(...texts, '\u00e9'))
        expect(full).toBe(fast === '' ? 'e' : `${fast} e`)
      }),
      { numRuns: 500 },
    )
  })
})
