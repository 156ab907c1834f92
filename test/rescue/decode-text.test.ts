import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { RescueError } from '../../src/domain/errors.js'
import { decodeText } from '../../src/rescue/decode-text.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'

const STORY = [
  'Title: Café Noir',
  'Author: Renée',
  '',
  '“Déjà vu,” she said — and the naïve façade cracked. It was the café at the end of the street.',
  '',
  'He ordered a crème brûlée and waited for the rain to stop, which it did not, for hours.',
].join('\r\n')

function rescueBytes(bytes: Uint8Array): ReturnType<typeof rescuePlainText> {
  return rescuePlainText(bytes, 'zines/cafe.txt')
}

describe('reading bytes as text', () => {
  it('reads UTF-8 with a byte order mark and drops the mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(STORY, 'utf8')])
    const rescued = rescueBytes(bytes)
    expect(rescued.work.title).toBe('Café Noir')
    expect(rescued.source).toEqual({ encoding: 'UTF-8', encodingConfidence: 1 })
  })

  it('reads UTF-8 without a byte order mark with full confidence', () => {
    const decoded = decodeText(Buffer.from(STORY, 'utf8'), 'cafe.txt')
    expect(decoded.source).toEqual({ encoding: 'UTF-8', encodingConfidence: 1 })
    expect(decoded.text).toContain('crème brûlée')
  })

  it('reads UTF-16 little-endian with a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(STORY, 'utf-16le')])
    const rescued = rescueBytes(bytes)
    expect(rescued.source.encoding).toBe('UTF-16LE')
    expect(rescued.work.creators).toEqual(['Renée'])
  })

  it('reads UTF-16 big-endian with a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(STORY, 'utf-16be')])
    const rescued = rescueBytes(bytes)
    expect(rescued.source.encoding).toBe('UTF-16BE')
    expect(rescued.work.title).toBe('Café Noir')
  })

  it('guesses windows-1252 for a Word-era file with curly quotes and says it guessed', () => {
    const rescued = rescueBytes(iconv.encode(STORY, 'windows-1252'))
    expect(rescued.source.encoding).toBe('windows-1252')
    expect(rescued.source.encodingConfidence).toBeLessThan(1)
    expect(rescued.work.chapters[0]?.sections[0]?.text).toMatch(/^“Déjà vu,” she said — and/u)
    const issue = rescued.report.issues.find((found) => found.code === 'QUIRE_RESCUE_GUESSED_ENCODING')
    expect(issue?.message).toMatch(/windows-1252 with confidence 0\.\d\d/u)
  })

  it('reads ISO-8859-1 text as a Western codepage without losing its accents', () => {
    const latin = STORY.replace(/[“”—]/gu, '"')
    const rescued = rescueBytes(iconv.encode(latin, 'latin1'))
    expect(['ISO-8859-1', 'windows-1252']).toContain(rescued.source.encoding)
    expect(rescued.work.title).toBe('Café Noir')
    expect(rescued.work.chapters[0]?.sections[1]?.text).toContain('crème brûlée')
  })

  it('reads UTF-16 saved without a byte order mark, and says it guessed', () => {
    const rescued = rescueBytes(iconv.encode(STORY, 'utf-16le'))
    expect(rescued.source).toEqual({ encoding: 'UTF-16LE', encodingConfidence: 0.8 })
    expect(rescued.report.issues.map((issue) => issue.code)).toContain('QUIRE_RESCUE_GUESSED_ENCODING')
  })

  it('turns CRLF, CR and mixed line endings into LF and reports the mix', () => {
    const mixed = 'Title: Endings\r\nAuthor: Sam\r\rThe first paragraph ends here.\n\nThe second one too.'
    const decoded = decodeText(Buffer.from(mixed, 'utf8'), 'endings.txt')
    expect(decoded.text).toBe('Title: Endings\nAuthor: Sam\n\nThe first paragraph ends here.\n\nThe second one too.')
    expect(decoded.issues.map((issue) => issue.code)).toEqual(['QUIRE_RESCUE_MIXED_LINE_ENDINGS'])
  })

  it('does not complain about a file with only CRLF endings', () => {
    const decoded = decodeText(Buffer.from('One line.\r\nTwo lines.\r\n', 'utf8'), 'crlf.txt')
    expect(decoded.issues).toEqual([])
  })

  it('normalises decomposed accents to NFC', () => {
    const decoded = decodeText(Buffer.from('Cafe\u0301 society.', 'utf8'), 'nfc.txt')
    expect(decoded.text).toBe('Café society.')
  })

  it('replaces a few broken bytes in a UTF-8 file and says so by line', () => {
    const good = Buffer.from('Title: Broken\n\nNaïve café, déjà vu, crème brûlée.\n\nA second line: ', 'utf8')
    const bytes = Buffer.concat([good, Buffer.from([0xff]), Buffer.from(' and the end.', 'utf8')])
    const decoded = decodeText(bytes, 'broken.txt')
    expect(decoded.text).toContain('\ufffd')
    expect(decoded.issues).toEqual([
      expect.objectContaining({ code: 'QUIRE_RESCUE_REPLACED_CHARACTERS', line: 5 }),
    ])
  })

  it('removes stray control characters and reports them', () => {
    const decoded = decodeText(Buffer.from('She said\u0007 nothing.\u001a', 'utf8'), 'bell.txt')
    expect(decoded.text).toBe('She said nothing.')
    expect(decoded.issues.map((issue) => issue.code)).toEqual(['QUIRE_RESCUE_CONTROL_CHARACTERS'])
  })

  it('refuses bytes no codepage reads as text, naming file and line', () => {
    const junk = Buffer.from([0x41, 0x0a, 0x42, 0x0a, ...Array.from({ length: 64 }, (_, index) => 0x80 + (index % 32))])
    expect(() => decodeText(junk, 'junk.txt')).toThrowError(RescueError)
    expect(() => decodeText(junk, 'junk.txt')).toThrowError(/^junk\.txt:3: is not UTF-8/u)
  })
})
