import chardet from 'chardet'
import iconv from 'iconv-lite'

/** A single- or multi-byte encoding guessed for bytes that are not UTF-8. */
export type EncodingGuess = Readonly<{ encoding: string; confidence: number; text: string }>

// The codepages English-language (and most European) archives of the 1990s-2000s saved in.
const WESTERN = new Set(['windows-1252', 'ISO-8859-1', 'ISO-8859-15'])
// chardet's score is 0-100; below this a non-Western guess is noise, not a finding.
const SURE_ENOUGH = 50

// chardet reads every byte it is given, at nearly 1 ms a KB, so a file is judged by its opening
// and the stretches around its non-ASCII bytes, which are all that tell codepages apart: 4 KB.
function sampleForDetection(bytes: Uint8Array): Uint8Array {
  const limit = 4_096
  if (bytes.length <= limit * 2) return bytes
  const parts: Uint8Array[] = [bytes.subarray(0, limit / 2)]
  let taken = limit / 2
  let index = limit / 2
  while (index < bytes.length && taken < limit) {
    if ((bytes[index] ?? 0) >= 0x80) {
      const part = bytes.subarray(Math.max(0, index - 64), index + 64)
      parts.push(part)
      taken += part.length
      index += 64
    } else {
      index += 1
    }
  }
  return Buffer.concat(parts)
}

function hasWindowsOnlyBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80 && byte <= 0x9f) return true
  return false
}

// Wrong guesses show as C1 controls, or as a text where most letters are accented: Western
// prose in any language keeps most of its letters in ASCII. One pass, no match arrays: this
// runs on every file that is not UTF-8.
const LETTER = /\p{L}/u
function looksDecodedRight(text: string, western: boolean): boolean {
  const end = Math.min(text.length, 200_000)
  let controls = 0
  let letters = 0
  let nonAscii = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) letters++
      continue
    }
    nonAscii++
    if ((code >= 0x80 && code <= 0x9f) || code === 0xfffd) controls++
    else if (LETTER.test(text.charAt(i))) letters++
  }
  if (controls > end / 200) return false
  if (!western) return true
  return letters > 0 && nonAscii < letters * 0.4
}

function decodeAs(bytes: Uint8Array, encoding: string, confidence: number): EncodingGuess {
  return { encoding, confidence, text: iconv.decode(Buffer.from(bytes), encoding) }
}

// A page's own word for its encoding, as browsers look for it in its first kilobytes: the
// HTML5 `<meta charset>` and the older `http-equiv` Content-Type, both ASCII in any codepage.
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu
const DECLARED_WINDOW = 4_096

/**
 * The encoding an HTML page declares (other than UTF-8, which valid bytes would have been), when
 * iconv knows it and the text it gives looks like text; undefined otherwise.
 */
export function declaredEncoding(bytes: Uint8Array): EncodingGuess | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DECLARED_WINDOW)).toString('latin1')
  const name = META_CHARSET.exec(head)?.[1]
  if (name === undefined || /^utf-?8$/iu.test(name) || !iconv.encodingExists(name)) return undefined
  // ISO-8859-1 is what old editors declared for what was really windows-1252 (as browsers read it).
  const encoding = /^(?:iso-?8859-1|latin-?1|us-ascii|ascii)$/iu.test(name) ? 'windows-1252' : name
  const guess = decodeAs(bytes, encoding, 0.95)
  return looksDecodedRight(guess.text, false) ? guess : undefined
}

/**
 * Guesses the codepage of bytes that are not UTF-8 with chardet and decodes them with
 * iconv-lite. A Western codepage wins unless chardet is sure of another; undefined when no
 * guess decodes to something that looks like text.
 */
export function guessLegacyEncoding(bytes: Uint8Array): EncodingGuess | undefined {
  const matches = chardet.analyse(sampleForDetection(bytes))
  const top = matches[0]
  const western = matches.find((match) => WESTERN.has(match.name))
  if (
    top !== undefined &&
    !WESTERN.has(top.name) &&
    top.confidence >= SURE_ENOUGH &&
    top.confidence - (western?.confidence ?? 0) > 10 &&
    iconv.encodingExists(top.name)
  ) {
    const guess = decodeAs(bytes, top.name, top.confidence / 100)
    if (looksDecodedRight(guess.text, false)) return guess
  }
  // Bytes 0x80-0x9F are C1 controls in ISO-8859-1 but curly quotes and dashes in
  // windows-1252, which is what "Latin-1" files from Windows word processors really are.
  const name = hasWindowsOnlyBytes(bytes) ? 'windows-1252' : (western?.name ?? 'windows-1252')
  const confidence = Math.min(0.9, Math.max(0.1, (western?.confidence ?? 10) / 100))
  const guess = decodeAs(bytes, name, confidence)
  return looksDecodedRight(guess.text, true) ? guess : undefined
}
