import { describe, expect, it } from 'vitest'
import { readEndMarker } from '../../src/rescue/end-marker.js'
import { PROSE, rescueText, sectionsOf } from './rescue-text.js'

const STORY = `Title: Endings\n\n${PROSE}`

describe('reading how a story ends', () => {
  it.each(['END', 'The End', 'Fin', '~fin~', '~*~Fin~*~', 'The End?', '-End-', '[THE END]', 'Finis.'])(
    'drops "%s" and files the work as complete',
    (marker) => {
      const rescued = rescueText(`${STORY}\n\n${marker}\n`)
      expect(rescued.work.complete).toBe(true)
      expect(sectionsOf(rescued, 'paragraph')).toHaveLength(4)
      expect(rescued.report.fields['complete']?.rule).toBe('end-marker:complete')
    },
  )

  it.each(['TBC', 'To be continued', 'tbc...', 'To Be Continued in Part 2', '~TBC~'])(
    'drops "%s" and files the work as a work in progress',
    (marker) => {
      const rescued = rescueText(`${STORY}\n\n${marker}`)
      expect(rescued.work.complete).toBe(false)
      expect(sectionsOf(rescued, 'paragraph')).toHaveLength(4)
    },
  )

  it('finds an end marker on the last line of the last paragraph', () => {
    const rescued = rescueText(`${STORY}\nEND`)
    expect(rescued.work.complete).toBe(true)
    expect(sectionsOf(rescued, 'paragraph').at(-1)).toMatch(/laughed\.$/u)
  })

  it('takes what follows the end marker as the closing note', () => {
    const rescued = rescueText(`${STORY}\n\nThe End\n\nA/N: Thank you for reading! Sequel soon.`)
    expect(rescued.work.notes.end).toBe('Thank you for reading! Sequel soon.')
    expect(rescued.work.complete).toBe(true)
  })

  it('takes a closing A/N without an end marker as the end note', () => {
    const rescued = rescueText(`${STORY}\n\nA/N: This was for the winter challenge.`)
    expect(rescued.work.notes.end).toBe('This was for the winter challenge.')
    expect(sectionsOf(rescued, 'note')).toEqual([])
  })

  it('files a story with no end marker as complete, with low confidence', () => {
    const rescued = rescueText(STORY)
    expect(rescued.work.complete).toBe(true)
    expect(rescued.report.fields['complete']).toMatchObject({ rule: 'default:no-end-marker', confidence: 0.4 })
  })

  it.each(['The endless road', 'Fine.', 'Tbc is what she wrote'])('does not read "%s" as an end marker', (line) => {
    expect(readEndMarker(line)).toBeUndefined()
  })
})
