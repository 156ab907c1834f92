import iconv from 'iconv-lite'
import fc from 'fast-check'
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

// Invented passages, a few sentences each, in the encodings East Asian archives saved in.
const EAST_ASIAN_STORIES = [
  {
    language: 'Japanese',
    text: '雨の日の午後、彼女は古い本屋の奥で一冊の手紙を見つけた。「これは誰のものですか」と尋ねると、店主は静かに笑った。',
    encodings: ['Shift_JIS', 'EUC-JP'],
  },
  {
    language: 'Korean',
    text: '비 오는 오후, 그녀는 오래된 서점 안쪽에서 편지 한 통을 발견했다. 주인은 조용히 웃으며 고개를 저었다.',
    encodings: ['EUC-KR'],
  },
  {
    language: 'Simplified Chinese',
    text: '下雨的午后，她在旧书店的深处发现了一封信。她问店主这是谁的，他只是安静地笑着摇了摇头。',
    encodings: ['GB18030'],
  },
  {
    language: 'Traditional Chinese',
    text: '下雨的午後，她在舊書店的深處發現了一封信。她問店主這是誰的，他只是安靜地笑著搖了搖頭。',
    encodings: ['Big5'],
  },
] as const

describe('reading East Asian encodings', () => {
  for (const { language, text, encodings } of EAST_ASIAN_STORIES) {
    for (const encoding of encodings) {
      it(`reads a ${language} story saved as ${encoding} and says it guessed`, () => {
        const story = `Title: Rain\nAuthor: Kiri\n\n${text}\n\n${text}`
        const rescued = rescuePlainText(iconv.encode(story, encoding), 'rain.txt')
        expect(rescued.source.encoding).toBe(encoding)
        expect(rescued.source.encodingConfidence).toBeGreaterThan(0.5)
        expect(rescued.work.chapters[0]?.sections[0]?.text).toBe(text)
        const issue = rescued.report.issues.find((found) => found.code === 'QUIRE_RESCUE_GUESSED_ENCODING')
        expect(issue?.message).toMatch(new RegExp(`guessed ${encoding} with confidence \\d\\.\\d\\d`, 'u'))
      })
    }
  }

  it('reads GBK and GB2312 bytes as GB18030, which holds both', () => {
    const text = EAST_ASIAN_STORIES[2].text
    for (const encoding of ['GBK', 'GB2312']) {
      const decoded = decodeText(iconv.encode(text, encoding), 'rain.txt')
      expect(decoded.source.encoding).toBe('GB18030')
      expect(decoded.text).toBe(text)
    }
  })

  it('reads a page that declares gb2312 as GB18030', () => {
    const page = `<html><head><meta charset="gb2312"></head><body><p>${EAST_ASIAN_STORIES[2].text}</p></body></html>`
    const decoded = decodeText(iconv.encode(page, 'GB18030'), 'rain.html')
    expect(decoded.source.encoding).toBe('GB18030')
    expect(decoded.text).toContain(EAST_ASIAN_STORIES[2].text)
  })

  it('still reads a windows-1252 English story as windows-1252', () => {
    const story = 'Title: Summer\nAuthor: Zoë\n\nIt was a long summer. They went to the lake, and nobody said a word about the résumé.'
    const decoded = decodeText(iconv.encode(story, 'windows-1252'), 'summer.txt')
    expect(decoded.source.encoding).toBe('windows-1252')
    expect(decoded.text).toBe(story)
  })

  it('never reads short Western text with a few accents as an East Asian encoding', () => {
    const word = fc.constantFrom('the', 'lake', 'quiet', 'morning', 'letter', 'said', 'and', 'garden', 'window', 'it')
    const accented = fc.constantFrom('café', 'naïve', 'résumé', 'Zoë', 'crème', 'déjà', 'über', '“Hi,”', 'it’s', 'Ça', 'à')
    const words = fc
      .tuple(fc.array(word, { minLength: 6, maxLength: 24 }), fc.array(accented, { maxLength: 2 }))
      .chain(([plain, accents]) => fc.shuffledSubarray([...plain, ...accents], { minLength: plain.length + accents.length }))
    fc.assert(
      fc.property(words, accented, (some, oneAccent) => {
        const sentence = `${[...some, oneAccent].join(' ')}.`
        const decoded = decodeText(iconv.encode(sentence, 'windows-1252'), 'short.txt')
        expect(decoded.source.encoding).toBe('windows-1252')
      }),
      { numRuns: 200 },
    )
  })
})

describe('reading a file that mixes UTF-8 and windows-1252', () => {
  it('reads the stray bytes as windows-1252 and names the repair by line', () => {
    const bytes = Buffer.concat([
      Buffer.from('Title: Two Editors\n\n“Déjà vu,” she said — the naïve café again.\n', 'utf8'),
      iconv.encode('Then the pasted part: “fine,” said Renée, and left.\n', 'windows-1252'),
      Buffer.from('Back in the first editor: crème brûlée.\n', 'utf8'),
    ])
    const decoded = decodeText(bytes, 'two-editors.txt')
    expect(decoded.text).toContain('“Déjà vu,” she said — the naïve café again.')
    expect(decoded.text).toContain('Then the pasted part: “fine,” said Renée, and left.')
    expect(decoded.text).toContain('crème brûlée')
    expect(decoded.text).not.toContain('\ufffd')
    expect(decoded.source.encoding).toBe('UTF-8')
    expect(decoded.issues).toEqual([
      expect.objectContaining({ code: 'QUIRE_RESCUE_MIXED_ENCODING', line: 4, message: expect.stringMatching(/^3 byte/u) }),
    ])
  })

  it('still replaces bytes windows-1252 does not define', () => {
    const bytes = Buffer.concat([
      Buffer.from('Naïve café, déjà vu, crème brûlée.\n', 'utf8'),
      Buffer.from([0x81, 0x20, 0x93]),
      Buffer.from('quoted\x94 end.', 'latin1'),
    ])
    const decoded = decodeText(bytes, 'odd.txt')
    expect(decoded.text).toContain('\ufffd “quoted” end.')
    expect(decoded.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ['QUIRE_RESCUE_MIXED_ENCODING', 2],
      ['QUIRE_RESCUE_REPLACED_CHARACTERS', 2],
    ])
  })
})
