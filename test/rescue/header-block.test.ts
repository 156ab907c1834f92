import { describe, expect, it } from 'vitest'
import { PROSE, rescueText, sectionKinds } from './rescue-text.js'

describe('reading the header of a legacy story', () => {
  it('reads the classic mailing-list header in capitals, with Written by and Rated', () => {
    const rescued = rescueText(
      [
        'TITLE: Harbour Lights',
        'WRITTEN BY: Ottoline Marsh',
        'FANDOM: The Lighthouse Keepers',
        'RATED: R',
        'PAIRING: Ada/Ben',
        'CATEGORY: Het',
        'GENRE: Angst, Romance',
        'SUMMARY: Ada comes home to the harbour for the first time in ten years.',
        '',
        PROSE,
      ].join('\n'),
    )
    expect(rescued.work).toMatchObject({
      title: 'Harbour Lights',
      creators: ['Ottoline Marsh'],
      fandoms: ['The Lighthouse Keepers'],
      rating: 'mature',
      ratingOriginal: 'R',
      categories: ['fm'],
      freeforms: ['Angst', 'Romance'],
      characters: ['Ada', 'Ben'],
      summary: 'Ada comes home to the harbour for the first time in ten years.',
    })
    expect(rescued.work.relationships).toEqual([{ name: 'Ada/Ben', platonic: false, original: 'Ada/Ben' }])
    expect(sectionKinds(rescued)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph'])
  })

  it('reads bold keys, bulleted keys and a dash between key and value', () => {
    const rescued = rescueText(
      [
        '**Title:** Paper Boats',
        '- Author: K. Lindqvist',
        '* Rating: PG',
        'Fandom - Riverside Stories',
        '*Ship*: Lena & Mo',
        '',
        PROSE,
      ].join('\n'),
    )
    expect(rescued.work).toMatchObject({
      title: 'Paper Boats',
      creators: ['K. Lindqvist'],
      rating: 'general',
      fandoms: ['Riverside Stories'],
      categories: ['gen'],
    })
    expect(rescued.work.relationships).toEqual([{ name: 'Lena & Mo', platonic: true, original: 'Lena & Mo' }])
  })

  it('continues a value over several lines and an A/N over several paragraphs', () => {
    const rescued = rescueText(
      [
        'Title: The Long Way',
        'Summary: Two couriers take the long way round',
        'and find more than parcels on the road.',
        'A/N: This started as a drabble.',
        '',
        'Then it grew, as they do.',
        '',
        '~~~',
        '',
        PROSE,
      ].join('\n'),
    )
    expect(rescued.work.summary).toBe('Two couriers take the long way round and find more than parcels on the road.')
    expect(rescued.work.notes.beginning).toBe('This started as a drabble.\n\nThen it grew, as they do.')
    expect(sectionKinds(rescued)[0]).toBe('paragraph')
  })

  it('ends the header at the first paragraph of prose after a one-line field', () => {
    const rescued = rescueText(['Title: Short Walk', 'Rating: G', '', PROSE].join('\n'))
    expect(rescued.work.chapters[0]?.sections).toHaveLength(4)
    expect(rescued.work.chapters[0]?.sections[0]?.text).toMatch(/^The rain had not stopped/u)
  })

  it('does not swallow the story into a summary that no field follows', () => {
    const rescued = rescueText(['Title: Swallowed', 'Summary: A small thing.', '', PROSE, '', '* * *', '', PROSE].join('\n'))
    expect(rescued.work.summary).toBe('A small thing.')
    expect(sectionKinds(rescued).filter((kind) => kind === 'paragraph')).toHaveLength(8)
  })

  it('takes an unlabelled first line as the title and a "by" line as the creator', () => {
    const rescued = rescueText(['The Clockmaker', 'by Iris Vantongeren', '', PROSE].join('\n'))
    expect(rescued.work.title).toBe('The Clockmaker')
    expect(rescued.work.creators).toEqual(['Iris Vantongeren'])
    expect(rescued.report.fields['title']).toMatchObject({ line: 1, rule: 'title-line' })
  })

  it('reads a title framed by ornament lines above the fields', () => {
    const banner = '~*~*~*~*~*~*~'
    const rescued = rescueText([banner, 'The Glass Garden', banner, '', 'Author: Mireille', 'Category: Angst', '', PROSE].join('\n'))
    expect(rescued.work.title).toBe('The Glass Garden')
    expect(rescued.work.creators).toEqual(['Mireille'])
    expect(rescued.work.freeforms).toEqual(['Angst'])
    expect(rescued.work.chapters[0]?.sections).toHaveLength(4)
  })

  it('does not take a mailing-list subject line for the title', () => {
    const rescued = rescueText(
      ['Subject: [FIC] Northern Star (1/1) PG', '', 'Northern Star', 'by Hollis Grey', '', 'Rating: PG', '', PROSE].join('\n'),
    )
    expect(rescued.work.title).toBe('Northern Star')
    expect(rescued.work.creators).toEqual(['Hollis Grey'])
    expect(rescued.report.unrecognised).toEqual([{ line: 1, text: 'Subject: [FIC] Northern Star (1/1) PG' }])
  })

  it('falls back to the file name for a story with no title, and says so', () => {
    const rescued = rescueText(PROSE, 'archive/rain_on_the_roof.txt')
    expect(rescued.work.title).toBe('rain on the roof')
    expect(rescued.report.fields['title']).toMatchObject({ rule: 'file-name', confidence: 0.2 })
    expect(rescued.report.issues.map((issue) => issue.code)).toContain('QUIRE_RESCUE_NO_TITLE')
  })

  it('lists header lines it does not understand, with their line numbers', () => {
    const rescued = rescueText(['Title: Odd Keys', 'Mood: contemplative', 'Rating: PG', '', PROSE].join('\n'))
    expect(rescued.report.unrecognised).toEqual([{ line: 2, text: 'Mood: contemplative' }])
    expect(rescued.work.rating).toBe('general')
  })

  it('reports a rating it cannot map and files the work as Not Rated with the text kept', () => {
    const rescued = rescueText(['Title: Unrated', 'Rating: Spicy-ish', '', PROSE].join('\n'))
    expect(rescued.work.rating).toBe('not-rated')
    expect(rescued.work.ratingOriginal).toBe('Spicy-ish')
    expect(rescued.report.issues).toContainEqual(
      expect.objectContaining({ code: 'QUIRE_RESCUE_UNKNOWN_RATING', line: 2, field: 'Rating' }),
    )
  })

  it('keeps e-mail addresses out of every visible field and reports each', () => {
    const rescued = rescueText(
      [
        'Title: Letters',
        'Author: Jo March (jo.march@example.com)',
        'Feedback: Yes please! jo.march@example.com',
        'A/N: Write to me at jo.march@example.com, I answer everything.',
        '',
        PROSE,
      ].join('\n'),
    )
    expect(rescued.work.creators).toEqual(['Jo March'])
    expect(rescued.work.notes.beginning).toBe('Write to me, I answer everything.')
    expect(JSON.stringify(rescued.work)).not.toContain('@')
    const emailIssues = rescued.report.issues.filter((issue) => issue.code === 'QUIRE_RESCUE_EMAIL_IN_HEADER')
    expect(emailIssues.map((issue) => issue.line).sort()).toEqual([2, 3, 4])
  })

  it('reads posted and updated dates in the formats old archives used', () => {
    const rescued = rescueText(['Title: Dated', 'Posted: March 3, 2003', 'Updated: 4/5/03', '', PROSE].join('\n'))
    expect(rescued.work.posted).toBe('2003-03-03')
    expect(rescued.work.updated).toBe('2003-04-05')
  })

  it('reports a date it cannot read instead of guessing', () => {
    const rescued = rescueText(['Title: Undated', 'Date: sometime in spring', '', PROSE].join('\n'))
    expect(rescued.work.posted).toBeNull()
    expect(rescued.report.issues).toContainEqual(expect.objectContaining({ code: 'QUIRE_RESCUE_BAD_DATE', line: 2 }))
  })

  it('maps warnings to archive warnings and keeps the rest as freeform tags', () => {
    const rescued = rescueText(['Title: Warned', 'Warnings: character death, angst', '', PROSE].join('\n'))
    expect(rescued.work.archiveWarnings).toEqual(['major-character-death'])
    expect(rescued.work.freeforms).toEqual(['angst'])
  })

  it('files "Warnings: none" as No Archive Warnings Apply', () => {
    const rescued = rescueText(['Title: Gentle', 'Warnings: None', '', PROSE].join('\n'))
    expect(rescued.work.archiveWarnings).toEqual(['no-warnings'])
  })

  it('lets a Fandom field win over the fandom a disclaimer names', () => {
    const rescued = rescueText(
      ['Title: Crossing', 'Fandom: Moonbase Nine', "Disclaimer: I don't own Starfarers.", '', PROSE].join('\n'),
    )
    expect(rescued.work.fandoms).toEqual(['Moonbase Nine'])
  })

  it('reads a Status field over the lack of an end marker', () => {
    const rescued = rescueText(['Title: Ongoing', 'Status: WIP', '', PROSE].join('\n'))
    expect(rescued.work.complete).toBe(false)
  })

  it('reads a Characters field beside the pairing, never adding surnames', () => {
    const rescued = rescueText(['Title: Cast', 'Pairing: Nell/Kit', 'Characters: Nell, Kit, Aunt Bea', '', PROSE].join('\n'))
    expect(rescued.work.characters).toEqual(['Nell', 'Kit', 'Aunt Bea'])
  })

  it('puts spoilers, dedication and season notes in the beginning notes with their labels', () => {
    const rescued = rescueText(['Title: Context', 'Spoilers: all of season two', 'Dedication: For R.', '', PROSE].join('\n'))
    expect(rescued.work.notes.beginning).toBe('Spoilers: all of season two\n\nDedication: For R.')
  })
})
