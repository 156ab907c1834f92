import { describe, expect, it } from 'vitest'
import { isSceneBreak } from '../../src/rescue/scene-break.js'
import { isSectionHeading } from '../../src/rescue/section-heading.js'
import { rescueText, sectionKinds, sectionsOf } from './rescue-text.js'

const HEADER = 'Title: Scenes\nAuthor: Pim\n\n'
const FIRST = 'The lamp went out just as the train pulled into the station, and nobody moved.'
const SECOND = 'In the morning the platform was empty except for a single red umbrella.'

describe('reading the body of a legacy story', () => {
  it.each([
    '* * *', '***', '~~~', '-----', 'oOo', 'xXx', '#', 'o0o', '+++', '=====', '~*~', '<><><>',
    '~*~*~*~', 'XXX', '[scene break]', '§',
  ])('keeps the scene break "%s" exactly as written', (marker) => {
    const rescued = rescueText(`${HEADER}${FIRST}\n\n${marker}\n\n${SECOND}`)
    expect(rescued.work.chapters[0]?.sections).toEqual([
      { kind: 'paragraph', text: FIRST },
      { kind: 'break', text: marker },
      { kind: 'paragraph', text: SECOND },
    ])
  })

  it.each(['...', '?', '"…"', 'Ooo', 'Hello there'])('does not take "%s" for a scene break', (line) => {
    expect(isSceneBreak(line)).toBe(false)
  })

  it('finds a scene break on a line of its own even without blank lines around it', () => {
    const rescued = rescueText(`${HEADER}${FIRST}\n* * *\n${SECOND}`)
    expect(sectionKinds(rescued)).toEqual(['paragraph', 'break', 'paragraph'])
  })

  it.each(["Lex's PoV", 'Chloe POV', 'POV: Clark', '~Chloe~', '*Clark*', '-Lex-', '== Metropolis, 2003 ==', 'Flashback', 'THREE YEARS LATER'])(
    'reads "%s" as a heading',
    (line) => {
      expect(isSectionHeading(line)).toBe(true)
      const rescued = rescueText(`${HEADER}${line}\n\n${FIRST}`)
      expect(rescued.work.chapters[0]?.sections[0]).toEqual({ kind: 'heading', text: line })
    },
  )

  it.each(['He nods once.', '"Where is Lex?"', 'It was from his point of view that the town looked small.'])(
    'does not read "%s" as a heading',
    (line) => {
      expect(isSectionHeading(line)).toBe(false)
    },
  )

  it('gathers lyrics typed one line per paragraph into one stanza between breaks', () => {
    const lyrics = ['Down by the water where the lanterns burn', 'Nobody waits for the ships to return', 'Sing me the old song', 'Sing it again']
    const rescued = rescueText(`${HEADER}${lyrics.join('\n\n')}\n\n* * *\n\n${FIRST}`)
    expect(rescued.work.chapters[0]?.sections).toEqual([
      { kind: 'verse', text: lyrics.join('\n') },
      { kind: 'break', text: '* * *' },
      { kind: 'paragraph', text: FIRST },
    ])
  })

  it('reads a poem with one stanza per block as one verse section per stanza', () => {
    const poem = 'Grey is the morning\nGrey is the sea\nGrey are the gulls\nThat cry over me\n\nBlue was the summer\nBlue was your door\nBlue is the letter\nYou wrote me before'
    const rescued = rescueText(`${HEADER}${FIRST}\n\n${poem}\n\n${SECOND}`)
    expect(sectionKinds(rescued)).toEqual(['paragraph', 'verse', 'verse', 'paragraph'])
    expect(sectionsOf(rescued, 'verse')[1]?.split('\n')).toHaveLength(4)
  })

  it('does not make verse of short prose sentences or dialogue', () => {
    const rescued = rescueText(`${HEADER}He waits.\n\n"Are you coming?"\n\nShe does not answer.\n\n${FIRST}`)
    expect(sectionKinds(rescued)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph'])
  })

  it('unwraps prose hard-wrapped at 70 columns into one paragraph', () => {
    const wrapped = 'The lamp went out just as the train pulled into the station, and\nnobody moved. Outside, the snow kept falling on the empty platform\nwhere a single red umbrella lay open like a flower.'
    const rescued = rescueText(`${HEADER}${wrapped}\n\n${SECOND}`)
    expect(sectionsOf(rescued, 'paragraph')[0]).toBe(wrapped.replace(/\n/gu, ' '))
  })

  it('reads one paragraph per line in a file without blank lines', () => {
    const rescued = rescueText(`${HEADER}${FIRST}\n"Is anyone there?" she called.\n${SECOND}`)
    expect(sectionKinds(rescued)).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })

  it('reads author\'s notes in the body as notes, without their label', () => {
    const rescued = rescueText(`${HEADER}${FIRST}\n\n(A/N: sorry this took so long!)\n\n${SECOND}\n\nAuthor's note: one more scene to go.\n\n${FIRST}`)
    expect(sectionsOf(rescued, 'note')).toEqual(['sorry this took so long!', 'one more scene to go.'])
  })

  it('drops a scene break that opens or closes the story', () => {
    const rescued = rescueText(`${HEADER}~~~\n\n${FIRST}\n\n~~~`)
    expect(sectionKinds(rescued)).toEqual(['paragraph'])
  })

  it('counts headings and verse but not breaks or notes in the word count', () => {
    const rescued = rescueText(`${HEADER}Mo's POV\n\nOne two three.\n\n* * *\n\nA/N: not counted at all\n\nSing it low\nSing it slow`)
    expect(rescued.work.wordCount).toBe(2 + 3 + 6)
  })
})
