import { describe, expect, it } from 'vitest'
import { inferFandomFromDisclaimer } from '../../src/rescue/infer-fandom.js'
import { detectLanguage } from '../../src/rescue/language.js'
import { readLegacyDate } from '../../src/rescue/legacy-date.js'
import { countWords } from '../../src/rescue/word-count.js'
import { PROSE, rescueText } from './rescue-text.js'

describe('what rescue infers like a human archivist', () => {
  it.each([
    ["I don't own Smallville or any of its characters.", 'Smallville'],
    ['Harry Potter belongs to J.K. Rowling.', 'Harry Potter'],
    ['Buffy the Vampire Slayer is the property of Joss Whedon and Mutant Enemy.', 'Buffy the Vampire Slayer'],
    ['The characters of Moonbase Nine are owned by a studio that is not me.', 'Moonbase Nine'],
    ['I do not own anything from Star Trek: Voyager.', 'Star Trek: Voyager'],
  ])('finds the fandom in "%s"', (disclaimer, fandom) => {
    expect(inferFandomFromDisclaimer(disclaimer)).toBe(fandom)
  })

  it.each(['Not mine. Never were.', 'All characters belong to the studio.', "I don't own them, sadly.", 'I own nothing.'])(
    'finds no fandom in "%s"',
    (disclaimer) => {
      expect(inferFandomFromDisclaimer(disclaimer)).toBeUndefined()
    },
  )

  it.each([
    ['March 3, 2003', '2003-03-03'],
    ['3 March 2003', '2003-03-03'],
    ['3rd of March, 2003', '2003-03-03'],
    ['Mon, 3 Mar 2003 14:02:11 -0500', '2003-03-03'],
    ['2003-03-03', '2003-03-03'],
    ['2003/3/3', '2003-03-03'],
    ['3/3/03', '2003-03-03'],
    ['12/25/99', '1999-12-25'],
    ['25/12/1999', '1999-12-25'],
    ['25.12.1999', '1999-12-25'],
  ])('reads the date "%s" as %s', (written, iso) => {
    expect(readLegacyDate(written)).toBe(iso)
  })

  it.each(['spring 2003', 'February 30, 2003', '13/13/03', 'yesterday'])('reads no date from "%s"', (written) => {
    expect(readLegacyDate(written)).toBeUndefined()
  })

  it('counts words by AO3\'s rule: apostrophes join, dashes and slashes split', () => {
    expect(countWords("I'm twenty- four -- well-being, Chloe/Lex 184 ... ?")).toBe(8)
  })

  it('counts each Chinese, Japanese and Korean character as a word', () => {
    expect(countWords('我爱你 ありがとう 사랑 and more')).toBe(3 + 5 + 2 + 2)
  })

  it('detects English and French prose and gives up on a few words', () => {
    expect(detectLanguage([PROSE])).toBe('en')
    expect(
      detectLanguage([
        "La pluie n'avait pas cessé depuis trois jours, et Mara était fatiguée de l'entendre sur le toit. Elle mit quand même la bouilloire sur le feu.",
      ]),
    ).toBe('fr')
    expect(detectLanguage(['Yes.'])).toBeNull()
  })

  it('creates no relationship from a word in passing', () => {
    const rescued = rescueText(`Title: Passing\nA/N: For anyone after a good Chlex fic, this is not it.\n\n${PROSE}`)
    expect(rescued.work.relationships).toEqual([])
    expect(rescued.work.categories).toEqual([])
  })

  it('tags a songfic from its notes', () => {
    const rescued = rescueText(`Title: Radio\nNotes: A song fic, lyrics by nobody famous.\n\n${PROSE}`)
    expect(rescued.work.freeforms).toEqual(['Songfic'])
  })

  it('maps "Category: Slash" to M/M and keeps unknown categories as freeforms', () => {
    const rescued = rescueText(`Title: Sorted\nCategory: Slash, Hurt/Comfort\n\n${PROSE}`)
    expect(rescued.work.categories).toEqual(['mm'])
    expect(rescued.work.freeforms).toEqual(['Hurt/Comfort'])
  })

  it('shows a self-harm notice when the warnings say so', () => {
    const rescued = rescueText(`Title: Scars\nWarnings: self-harm\n\n${PROSE}`)
    expect(rescued.work.contentNotices).toEqual([{ topic: 'self-harm', line: 2 }])
  })
})
