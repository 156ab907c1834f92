import { describe, expect, it } from 'vitest'
import { joinParts, type StoryPart } from '../../src/rescue/join-parts.js'
import type { PartNumber } from '../../src/rescue/part-number.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'

function part(text: string, number: PartNumber, subtitle: string | null = null): StoryPart {
  const rescued = rescuePlainText(new TextEncoder().encode(text), `part-${String(number.part)}.txt`)
  return { rescued, number, title: 'The Glass Orchard', subtitle }
}

const BODY = '\n\nThe orchard kept its glass apples through the winter, and Tamsin counted them twice.\n'

describe('joining the parts of a story', () => {
  it('orders chapters by part, takes the first part\'s fields and fills gaps from later ones', () => {
    const second = part(`Title: The Glass Orchard, Part 2\nAuthor: Juniper Ash\nSummary: Later summary.${BODY}`, { part: 2, of: null, from: 'title' }, 'Thaw')
    const first = part(`Title: The Glass Orchard, Part 1\nAuthor: Juniper Ash\nRating: PG${BODY}`, { part: 1, of: null, from: 'title' })
    const { rescued, missing } = joinParts([second, first])
    expect(missing).toBeNull()
    expect(rescued.work.title).toBe('The Glass Orchard')
    expect(rescued.work.ratingOriginal).toBe('PG')
    expect(rescued.work.summary).toBe('Later summary.')
    expect(rescued.work.chapters.map((chapter) => chapter.title)).toEqual([null, 'Thaw'])
    expect(rescued.work.wordCount).toBe(first.rescued.work.wordCount + second.rescued.work.wordCount)
  })

  it('reports the parts below the highest or the stated count that are not there', () => {
    const text = `Title: The Glass Orchard\nAuthor: Juniper Ash${BODY}`
    const { missing, rescued } = joinParts([
      part(text, { part: 1, of: 5, from: 'subject' }),
      part(text, { part: 3, of: 5, from: 'subject' }),
    ])
    expect(missing?.message).toBe('parts 2, 4 and 5 of 5 are missing: found parts 1 and 3')
    expect(rescued.report.issues).toContainEqual(missing)
    expect(rescued.work.complete).toBe(false)
  })

  it('counts a part numbered by its first heading as holding all its chapters', () => {
    const two = `Title: The Glass Orchard\nAuthor: Juniper Ash\n\nChapter 1${BODY}\nChapter 2${BODY}`
    const three = `Title: The Glass Orchard\nAuthor: Juniper Ash\n\nChapter 3${BODY}`
    const { missing, rescued } = joinParts([
      part(two, { part: 1, of: null, from: 'heading' }),
      part(three, { part: 3, of: null, from: 'heading' }),
    ])
    expect(missing).toBeNull()
    expect(rescued.work.chapters).toHaveLength(3)
  })
})
