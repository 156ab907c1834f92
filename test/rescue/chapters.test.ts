import { describe, expect, it } from 'vitest'
import { readChapterHeading } from '../../src/rescue/chapter-heading.js'
import { PROSE, rescueText } from './rescue-text.js'

describe('splitting a story into chapters', () => {
  it.each([
    ['Chapter 2: The Crossing', 'The Crossing'],
    ['Chapter Two', null],
    ['CHAPTER 3', null],
    ['Part One', null],
    ['Part 2 - Homecoming', 'Homecoming'],
    ['Chapter Twenty-One (Snow)', 'Snow'],
    ['~ Chapter IV ~', null],
    ['Chapter 5 of 12', null],
    ['Prologue', 'Prologue'],
    ['Epilogue: Ten Years On', 'Epilogue: Ten Years On'],
  ])('reads "%s" as a chapter heading titled %j', (line, title) => {
    expect(readChapterHeading(line)).toEqual({ title })
  })

  it.each(['Part of me is still there.', 'Chapter one of my life began in Leeds.', 'Prologues are boring.'])(
    'does not read "%s" as a chapter heading',
    (line) => {
      expect(readChapterHeading(line)).toBeUndefined()
    },
  )

  it('splits chapters at their headings and keeps each title', () => {
    const rescued = rescueText(
      ['Title: Three Winters', '', 'Prologue', '', PROSE, '', 'Chapter 1: Frost', '', PROSE, '', 'TBC', '', 'Chapter 2', '', PROSE].join('\n'),
    )
    expect(rescued.work.chapters.map((chapter) => chapter.title)).toEqual(['Prologue', 'Frost', null])
    expect(rescued.work.chapters.map((chapter) => chapter.sections.length)).toEqual([4, 4, 4])
    expect(rescued.work.complete).toBe(true)
  })

  it('ends the header at a chapter heading', () => {
    const rescued = rescueText(['Title: Quick Start', 'Rating: PG', 'Chapter 1', '', PROSE].join('\n'))
    expect(rescued.work.chapters).toHaveLength(1)
    expect(rescued.work.chapters[0]?.title).toBeNull()
    expect(rescued.work.rating).toBe('general')
  })

  it('keeps a note before the first chapter heading in the first chapter', () => {
    const rescued = rescueText(['Title: Noted', '', '* * *', '', '(A/N: read the first one first.)', '', 'Chapter 1', '', PROSE, '', 'Chapter 2', '', PROSE].join('\n'))
    expect(rescued.work.chapters).toHaveLength(2)
    expect(rescued.work.chapters[0]?.sections[0]).toEqual({ kind: 'note', text: 'read the first one first.' })
  })
})
