import { describe, expect, it } from 'vitest'
import { readFileNamePart, readHeadPart, readHeadingPart, readTitlePart } from '../../src/rescue/part-number.js'

describe('reading a part number from a title', () => {
  it.each([
    ['The Glass Orchard, Part 2', 2, null, 'The Glass Orchard'],
    ['The Glass Orchard Part Two', 2, null, 'The Glass Orchard'],
    ['The Glass Orchard pt. 3', 3, null, 'The Glass Orchard'],
    ['The Glass Orchard (2/5)', 2, 5, 'The Glass Orchard'],
    ['[2/5] The Glass Orchard', 2, 5, 'The Glass Orchard'],
    ['The Glass Orchard 2 of 5', 2, 5, 'The Glass Orchard'],
    ['The Glass Orchard - Chapter 4', 4, null, 'The Glass Orchard'],
    ['The Glass Orchard ch04', 4, null, 'The Glass Orchard'],
    ['The Glass Orchard, Part IV', 4, null, 'The Glass Orchard'],
    ['The Glass Orchard (Part 2 of 3)', 2, 3, 'The Glass Orchard'],
  ])('reads "%s" as part %d of %s', (title, part, of, rest) => {
    expect(readTitlePart(title)).toMatchObject({ part, of, rest, from: 'title' })
  })

  it('keeps what follows the marker as the part\'s own name', () => {
    expect(readTitlePart('The Long Road, Part 2: Homecoming')).toMatchObject({
      part: 2,
      rest: 'The Long Road',
      subtitle: 'Homecoming',
    })
  })

  it.each(['Catch-22', 'Route 66', '1984', '22', 'Part of Me', 'Depart 2 Morning', 'Parts Unknown', 'Chapterhouse', 'A Civil Part Civil', 'Touch 2'])(
    'finds no part in "%s"',
    (title) => {
      expect(readTitlePart(title)).toBeUndefined()
    },
  )

  it('refuses a count smaller than its part', () => {
    expect(readTitlePart('The Glass Orchard (5/3)')).toBeUndefined()
  })
})

describe('reading a part number from a file name', () => {
  it.each([
    ['story_02.txt', 2],
    ['story-part2.htm', 2],
    ['story-ch1.txt', 1],
    ['ch04.txt', 4],
    ['chapter3.html', 3],
    ['part2.html', 2],
    ['orchard-03.txt', 3],
    ['orchard-3.txt', 3],
    ['folder/ch2.txt', 2],
  ])('reads %s as part %d', (name, part) => {
    expect(readFileNamePart(name)).toEqual({ part, of: null, from: 'file-name' })
  })

  it.each(['catch-22.txt', 'route-66.txt', 'fic-0412.txt', '1-clockmaker.html', 'lighthouse.txt', '2004.txt', 'story.txt'])(
    'finds no part in %s',
    (name) => {
      expect(readFileNamePart(name)).toBeUndefined()
    },
  )
})

describe('reading a part number from the beginning of a story', () => {
  it('reads a chapter heading line', () => {
    expect(readHeadingPart('~ Chapter Three: The Well ~')).toEqual({ part: 3, of: null, from: 'heading' })
    expect(readHeadingPart('Chapter one of my life began in a barn.')).toBeUndefined()
  })

  it('takes a mail subject before a heading', () => {
    const head = 'From: wren@example.org\nSubject: [FIC] The Glass Orchard (2/3)\nDate: Mon, 3 Mar 2003\n\nChapter 7\n\nText.'
    expect(readHeadPart(head)).toEqual({ part: 2, of: 3, from: 'subject' })
  })

  it('reads the first chapter heading of a text', () => {
    expect(readHeadPart('Title: The Glass Orchard\nAuthor: Wren\n\nPart Two\n\nThe orchard was quiet.')).toEqual({
      part: 2,
      of: null,
      from: 'heading',
    })
    expect(readHeadPart('Title: Route 66\n\nThe road was long.')).toBeUndefined()
  })
})
