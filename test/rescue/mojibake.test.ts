import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/rescue/decode-text.js'
import { repairMojibake } from '../../src/rescue/mojibake.js'

// What an editor did to these files: UTF-8 bytes read as windows-1252, saved again as UTF-8.
// Like browsers, the five bytes windows-1252 leaves undefined become C1 controls. (Node's own
// TextDecoder('windows-1252') reads ISO-8859-1, so iconv-lite does the reading.)
function mangle(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  return [...bytes]
    .map((byte) => {
      const char = iconv.decode(Buffer.from([byte]), 'windows-1252')
      return char === '\ufffd' ? String.fromCharCode(byte) : char
    })
    .join('')
}
function mangleAsLatin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1')
}

describe('repairing mojibake', () => {
  it('turns "donâ€™t" back into "don’t" and "cafÃ©" into "café"', () => {
    expect(repairMojibake('I donâ€™t like the cafÃ© at all.')).toEqual({
      text: 'I don’t like the café at all.',
      repaired: 2,
      firstLine: 1,
    })
  })

  it('repairs curly quotes whose closing byte ISO-8859-1 left as a control character', () => {
    expect(repairMojibake('â€œquotedâ€\u009d, she said.').text).toBe('“quoted”, she said.')
  })

  it('repairs text that was mangled twice, through windows-1252 or ISO-8859-1', () => {
    const text = 'It’s the café’s last crème brûlée.'
    expect(mangle(mangle(text))).toContain('Ã¢â‚¬â„¢')
    expect(repairMojibake(mangle(mangle(text))).text).toBe(text)
    expect(repairMojibake(mangleAsLatin1(mangleAsLatin1(text))).text).toBe(text)
  })

  it('repairs Cyrillic, Greek and emoji as well as accents', () => {
    const story = 'Привет, Αθήνα! The tea was hot ☕ and the night was long 🌙.'
    expect(repairMojibake(mangle(story)).text).toBe(story)
  })

  it('repairs only the mangled part of a file that is otherwise fine', () => {
    const text = 'Zoë wrote “hello” first.\nThen the pasted part: donâ€™t go, cafÃ© owner.\nNaïve end.'
    const repair = repairMojibake(text)
    expect(repair.text).toBe('Zoë wrote “hello” first.\nThen the pasted part: don’t go, café owner.\nNaïve end.')
    expect(repair.firstLine).toBe(2)
  })

  it('leaves Portuguese capitals such as "SÃO PAULO" alone', () => {
    const text = 'They flew to SÃO PAULO and then to MARANHÃO, where it rained.'
    expect(repairMojibake(text)).toEqual({ text, repaired: 0, firstLine: 0 })
  })

  it('leaves a lone "â€" before ordinary text alone', () => {
    const text = 'The sign read â€ and nothing else, in a font nobody could name.'
    expect(repairMojibake(text).repaired).toBe(0)
  })

  it('leaves a German closing quote after ß alone, though its bytes read as UTF-8', () => {
    const text = 'She wrote "Viele Grüße" and then Gruß“ at the end.'
    expect(repairMojibake(text).text).toBe(text)
    expect(repairMojibake('Nur ein Gruß“').text).toBe('Nur ein Gruß“')
  })

  it('reports each repaired place from decodeText with the first line', () => {
    const bytes = Buffer.from('Title: The Cafe\n\nWe didnâ€™t order.\nThe cafÃ© was closed.\n', 'utf8')
    const decoded = decodeText(bytes, 'cafe.txt')
    expect(decoded.text).toBe('Title: The Cafe\n\nWe didn’t order.\nThe café was closed.\n')
    expect(decoded.source).toEqual({ encoding: 'UTF-8', encodingConfidence: 1 })
    expect(decoded.issues).toEqual([
      expect.objectContaining({ code: 'QUIRE_RESCUE_MOJIBAKE', line: 3, message: expect.stringMatching(/^repaired 2 place/u) }),
    ])
  })
})

// A code point mangles into a lone pair of characters when it takes two UTF-8 bytes; a lone pair
// outside Latin-1 (such as "ß“") is read as ordinary text unless the file shows mangling again.
function isRecognisablyMangled(text: string): boolean {
  const runs = text.match(/[^\u0000-\u007f]+/gu) ?? []
  if (runs.length > 1) return true
  const chars = [...(runs[0] ?? '')]
  const [only] = chars
  if (only === undefined) return false
  const code = only.codePointAt(0) ?? 0
  return chars.length > 1 || code <= 0xff || code >= 0x800
}
const printable = fc.string({ unit: 'binary', maxLength: 40 }).filter((text) => !/[\u0080-\u009f\p{Cn}\p{Co}]/u.test(text))

describe('mojibake properties', () => {
  it('repairs any mangled text back to what it was, when the text is not itself mojibake', () => {
    fc.assert(
      fc.property(printable, (text) => {
        fc.pre(isRecognisablyMangled(text) && repairMojibake(text).repaired === 0)
        expect(repairMojibake(mangle(text)).text).toBe(text)
        expect(repairMojibake(mangleAsLatin1(text)).text).toBe(text)
      }),
      { numRuns: 500 },
    )
  })

  const word = fc.constantFrom(
    'café', 'naïve', 'Grüße', 'Gruß“', '„Spaß“', 'SÃO', 'PAULO', 'ação', '«bonjour»', 'dziękuję', 'łódź',
    'Привет', 'Αθήνα', '雨の日', '비 오는', '下雨', '🌙', '—', '…', '“quoted”', 'it’s', 'Ä', 'the', 'river', '€5',
  )
  const naturalText = fc.array(word, { minLength: 1, maxLength: 30 }).map((words) => words.join(' '))

  it('leaves UTF-8 text in many scripts byte for byte as it was', () => {
    fc.assert(
      fc.property(naturalText, (text) => {
        expect(repairMojibake(text)).toEqual({ text, repaired: 0, firstLine: 0 })
        const decoded = decodeText(Buffer.from(text, 'utf8'), 'natural.txt')
        expect(Buffer.from(decoded.text, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
