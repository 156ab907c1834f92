import chardet from 'chardet'
import iconv from 'iconv-lite'

/** A single- or multi-byte encoding guessed for bytes that are not UTF-8. */
export type EncodingGuess = Readonly<{ encoding: string; confidence: number; text: string }>

// The codepages English-language (and most European) archives of the 1990s-2000s saved in.
const WESTERN = new Set(['windows-1252', 'ISO-8859-1', 'ISO-8859-15'])
// chardet's score is 0-100; below this a non-Western guess is noise, not a finding.
const SURE_ENOUGH = 50
// The East Asian encodings chardet names, as iconv-lite decodes them. GB18030 is a superset of
// GBK and GB2312, so one decoder reads all three; Japanese and Korean letters are what tell a
// Japanese or Korean decode from a Chinese one when chardet scores two alike.
const EAST_ASIAN: Readonly<Record<string, 'japanese' | 'korean' | 'chinese'>> = {
  Shift_JIS: 'japanese',
  'EUC-JP': 'japanese',
  'EUC-KR': 'korean',
  GB18030: 'chinese',
  Big5: 'chinese',
}

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

type EastAsianLetters = Readonly<{ han: number; kana: number; hangul: number; other: number }>

// Counts letters by script in one pass over code units (every CJK letter but the rare
// supplementary Han is one unit). Punctuation, symbols and fullwidth forms count for nothing;
// halfwidth katakana count as `other`, being what a Western byte read as Shift_JIS becomes.
function countEastAsianLetters(text: string): EastAsianLetters {
  let han = 0
  let kana = 0
  let hangul = 0
  let other = 0
  const end = Math.min(text.length, 200_000)
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) other++
    } else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd800 && code <= 0xdbff)) {
      han++
    } else if (code >= 0x3041 && code <= 0x30ff && code !== 0x30fb) {
      kana++
    } else if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3131 && code <= 0x318e)) {
      hangul++
    } else if (code === 0xfffd || LETTER.test(text.charAt(i))) {
      other++
    }
  }
  return { han, kana, hangul, other }
}

type EastAsianCandidate = EncodingGuess & Readonly<{ native: number }>

// A decode is plausible when nothing was replaced and the letters are mostly CJK: an English
// story read as Shift_JIS keeps nearly all its letters in ASCII and turns "é " into U+FFFD.
// `native` is the share of letters only that language writes (kana, Hangul), for ties.
function eastAsianCandidate(bytes: Uint8Array, name: string, confidence: number): EastAsianCandidate | undefined {
  const language = EAST_ASIAN[name]
  if (language === undefined || !iconv.encodingExists(name)) return undefined
  const guess = decodeAs(bytes, name, confidence)
  if (guess.text.includes('\ufffd') || !looksDecodedRight(guess.text, false)) return undefined
  const { han, kana, hangul, other } = countEastAsianLetters(guess.text)
  const cjk = han + kana + hangul
  if (cjk < 2 || cjk < (cjk + other) * 0.3) return undefined
  const native = language === 'japanese' ? kana : language === 'korean' ? hangul : 0
  return { ...guess, native: native / cjk }
}

// chardet scores short Japanese EUC-JP as Big5 as highly as EUC-JP (both read the same byte
// pairs), so among plausible guesses within 10 points the one whose text holds its own script
// (kana, Hangul) wins; otherwise chardet's order stands.
function pickEastAsian(
  bytes: Uint8Array,
  matches: ReadonlyArray<Readonly<{ name: string; confidence: number }>>,
  western: number,
): EncodingGuess | undefined {
  let best: EastAsianCandidate | undefined
  for (const match of matches) {
    if (match.confidence < SURE_ENOUGH || match.confidence - western <= 10) continue
    if (best !== undefined && best.confidence * 100 - match.confidence > 10) break
    const candidate = eastAsianCandidate(bytes, match.name, match.confidence / 100)
    if (candidate === undefined) continue
    if (best === undefined || candidate.native > best.native + 0.1) best = candidate
  }
  if (best === undefined) return undefined
  return { encoding: best.encoding, confidence: best.confidence, text: best.text }
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
  const encoding = /^(?:iso-?8859-1|latin-?1|us-ascii|ascii)$/iu.test(name)
    ? 'windows-1252'
    : /^(?:gb2312|gbk|x-gbk|cp936|euc-cn|csgb2312)$/iu.test(name)
      ? 'GB18030' // a superset of both, as the WHATWG Encoding Standard reads them
      : name
  const guess = decodeAs(bytes, encoding, 0.95)
  return looksDecodedRight(guess.text, false) ? guess : undefined
}

/**
 * Guesses the codepage of bytes that are not UTF-8 with chardet and decodes them with
 * iconv-lite. A Western codepage wins unless chardet is sure of another and, for Shift_JIS,
 * EUC-JP, EUC-KR, GB18030 and Big5, the text it gives is mostly CJK letters with nothing
 * replaced; undefined when no guess decodes to something that looks like text.
 */
export function guessLegacyEncoding(bytes: Uint8Array): EncodingGuess | undefined {
  const matches = chardet.analyse(sampleForDetection(bytes))
  const top = matches[0]
  const western = matches.find((match) => WESTERN.has(match.name))
  const eastAsian = pickEastAsian(bytes, matches, western?.confidence ?? 0)
  if (eastAsian !== undefined) return eastAsian
  if (
    top !== undefined &&
    !WESTERN.has(top.name) &&
    EAST_ASIAN[top.name] === undefined &&
    top.confidence >= SURE_ENOUGH &&
    top.confidence - (western?.confidence ?? 0) > 10 &&
    iconv.encodingExists(top.name)
  ) {
    const guess = decodeAs(bytes, top.name, top.confidence / 100)
    if (looksDecodedRight(guess.text, false)) return guess
  }
  // Bytes 0x80-0x9F are C1 controls in ISO-8859-1 but curly quotes and dashes in
  // windows-1252, which is what "Latin-1" files from Windows word processors really are.
  // ISO-8859-1 is read as windows-1252 (as browsers read it, and as a declared one is above):
  // the two agree on every byte but 0x80-0x9F.
  const name =
    hasWindowsOnlyBytes(bytes) || western?.name === 'ISO-8859-1' ? 'windows-1252' : (western?.name ?? 'windows-1252')
  const confidence = Math.min(0.9, Math.max(0.1, (western?.confidence ?? 10) / 100))
  const guess = decodeAs(bytes, name, confidence)
  return looksDecodedRight(guess.text, true) ? guess : undefined
}
