import { describe, expect, it } from 'vitest'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { PROSE, rescueText, rescueFailure } from './rescue-text.js'


describe('files that cannot be rescued', () => {
  it('refuses an empty file by name', () => {
    const error = rescueFailure(new Uint8Array(), 'old/empty.txt')
    expect(error.code).toBe('QUIRE_RESCUE_EMPTY')
    expect(error.message).toBe('old/empty.txt: is empty; there is no story to rescue')
  })

  it('refuses a file of only white space as empty', () => {
    expect(rescueFailure(Buffer.from(' \r\n\t\n  \n'), 'blank.txt').code).toBe('QUIRE_RESCUE_EMPTY')
  })

  it('refuses a PNG image and says what it is', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    const error = rescueFailure(png, 'cover.txt')
    expect(error.code).toBe('QUIRE_RESCUE_BINARY')
    expect(error.message).toBe('cover.txt: is a PNG image, not text')
  })

  it('refuses a zip archive', () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('story.txt and other things')])
    expect(rescueFailure(zip, 'stories.zip').message).toMatch(/is a ZIP archive/u)
  })

  it('refuses a file with NUL bytes, naming the line', () => {
    const bytes = Buffer.from('Title: Null\n\nSome text\u0000more text', 'utf8')
    const error = rescueFailure(bytes, 'nul.txt')
    expect(error.code).toBe('QUIRE_RESCUE_BINARY')
    expect(error.at.line).toBe(3)
  })

  it('refuses a file that is only a header', () => {
    const error = rescueFailure(Buffer.from('Title: Nothing Yet\nAuthor: Wren\nRating: G\n\n* * *\n'), 'only-header.txt')
    expect(error.code).toBe('QUIRE_RESCUE_NO_STORY')
    expect(error.message).toBe('only-header.txt:3: has a header but no story text after it')
  })

  it('refuses a CSV table as not a story', () => {
    const csv = 'id,title,author,rating\n1,Alpha,Jo,PG\n2,Beta,Sam,R\n3,Gamma,Lee,G\n'
    expect(rescueFailure(Buffer.from(csv), 'export.csv').message).toMatch(/is a table/u)
  })

  it('refuses a shell script as not a story', () => {
    const script = '#!/bin/sh\nfor f in *.txt; do\n  echo "$f"\ndone\n'
    const error = rescueFailure(Buffer.from(script), 'import.sh')
    expect(error.code).toBe('QUIRE_RESCUE_NO_STORY')
  })

  it('refuses a file of only scene breaks', () => {
    expect(rescueFailure(Buffer.from('* * *\n\n~~~\n\n* * *\n'), 'breaks.txt').code).toBe('QUIRE_RESCUE_NO_STORY')
  })

  it('reads a 50 MB story in a few seconds', () => {
    const chapter = `${PROSE}\n\n* * *\n\n`
    const text = `Title: The Very Long One\nRating: PG\n\n${chapter.repeat(Math.ceil(50_000_000 / chapter.length))}`
    const bytes = Buffer.from(text, 'utf8')
    expect(bytes.length).toBeGreaterThanOrEqual(50_000_000)
    const started = performance.now()
    const rescued = rescuePlainText(bytes, 'long.txt')
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(rescued.work.title).toBe('The Very Long One')
    expect(rescued.work.wordCount).toBeGreaterThan(8_000_000)
  }, 60_000)

  it('reads a 50 MB file of one endless line without hanging', () => {
    const bytes = Buffer.alloc(50_000_000, 'a')
    const started = performance.now()
    const rescued = rescuePlainText(bytes, 'one-line.txt')
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(rescued.work.wordCount).toBe(1)
  }, 60_000)

  it('still reads a story whose header has mixed line endings', () => {
    const rescued = rescueText(`Title: Mixed\r\nAuthor: Kit\r\r${PROSE}`)
    expect(rescued.work.title).toBe('Mixed')
    expect(rescued.report.issues.map((issue) => issue.code)).toContain('QUIRE_RESCUE_MIXED_LINE_ENDINGS')
  })
})
