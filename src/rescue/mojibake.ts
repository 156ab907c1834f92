/** Text with mojibake undone, how many places were repaired, and the first one's line (0 if none). */
export type MojibakeRepair = Readonly<{ text: string; repaired: number; firstLine: number }>

// UTF-8 read as windows-1252 (or ISO-8859-1) and saved again as UTF-8 turns each multi-byte
// character into two to four characters, one per byte: "é" (C3 A9) becomes "Ã©", "’" (E2 80 99)
// becomes "â€™". Undoing it means mapping each character back to its windows-1252 byte. These
// are the bytes 0x80-0x9F that windows-1252 gives characters other than the C1 controls.
const WINDOWS_1252_HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
])
const SPECIALS = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d' +
  '\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178'

// A lead byte (Â-ô) followed by a continuation byte (0x80-0xBF, read either way): without one,
// nothing can be repaired. One regular-expression test at memory speed is all clean text pays.
// (Without the u flag: every character here is one code unit, and the test runs twice as fast.)
const MAYBE_MANGLED = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u00bf${SPECIALS}]`)
// Runs of characters that stand for one byte 0x80-0xFF each: the only candidates for repair.
const HIGH_RUN = new RegExp(`[\\u0080-\\u00ff${SPECIALS}]+`, 'gu')
// Non-ASCII text that no mangling makes: "ł", "中", emoji. Its presence means the file is not
// mangled throughout, so only unmistakable runs are repaired.
const OTHER_NON_ASCII = new RegExp(`[^\\u0000-\\u00ff${SPECIALS}]`, 'u')
// What a repair may not produce: controls, unassigned code points, private use.
const NOT_TEXT = /[\p{Cc}\p{Cn}\p{Co}]/u
// ignoreBOM keeps a mangled U+FEFF ("ï»¿") as the character it was rather than dropping it.
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

const C1 = /[\u0080-\u009f]/u

function decodeStrictly(run: string): string | undefined {
  try {
    return STRICT.decode(toWindows1252(run))
  } catch {
    return undefined // not UTF-8 once re-encoded: ordinary accented text, left as it is
  }
}

type Run = Readonly<{ index: number; length: number; repaired: string; sure: boolean }>

function toWindows1252(run: string): Uint8Array {
  const bytes = new Uint8Array(run.length)
  for (let index = 0; index < run.length; index += 1) {
    const code = run.charCodeAt(index)
    bytes[index] = code <= 0xff ? code : (WINDOWS_1252_HIGH.get(code) ?? 0)
  }
  return bytes
}

// The run as UTF-8, or undefined when its bytes are not UTF-8 throughout or decode to
// something that is not text. "Sure" runs cannot be ordinary text read as it stands: a three-
// or four-byte character ("â€™"), several characters ("ÐŸÑ€"), or "Ã"/"Â" before a
// symbol. A lone pair such as "ß“" (U+07D3) is also how German closes a quote, so pairs are
// repaired only in a file that is mangled everywhere and shows it more than once.
function repairRun(run: string, index: number): Run | undefined {
  let repaired = decodeStrictly(run)
  // Mangled twice through ISO-8859-1, a run decodes to C1 controls ("â\u0080\u0099"): it is
  // repaired only if it decodes once more to text ("’").
  if (repaired !== undefined && C1.test(repaired)) repaired = decodeStrictly(repaired)
  if (repaired === undefined || NOT_TEXT.test(repaired)) return undefined
  const lead = run.charCodeAt(0)
  const sure = run.length > 2 || lead === 0xc2 || lead === 0xc3
  return { index, length: run.length, repaired, sure }
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) line += 1
  return line
}

function repairOnce(text: string): { text: string; repaired: number; firstIndex: number } {
  const runs: Run[] = []
  let isMangledThroughout = !OTHER_NON_ASCII.test(text)
  for (const match of text.matchAll(HIGH_RUN)) {
    const run = repairRun(match[0], match.index)
    if (run === undefined) isMangledThroughout = false
    else runs.push(run)
  }
  // Enough of them: one sure run, or two pairs in a file with no other non-ASCII text.
  const sure = runs.filter((run) => run.sure)
  const chosen = isMangledThroughout && (sure.length > 0 || runs.length > 1) ? runs : sure
  if (chosen.length === 0) return { text, repaired: 0, firstIndex: -1 }
  let out = ''
  let from = 0
  for (const run of chosen) {
    out += text.slice(from, run.index) + run.repaired
    from = run.index + run.length
  }
  return { text: out + text.slice(from), repaired: chosen.length, firstIndex: chosen[0]?.index ?? -1 }
}

/**
 * Whether UTF-8 bytes may hold mojibake: "Â"-"ô" (C3 82-B4) followed by a character that
 * starts C2, C5, C6, CB or E2 (every continuation byte read as windows-1252 or ISO-8859-1).
 * A memchr-speed search for C3 lets clean text skip decoding work: 3 µs for 20 KB of French.
 */
export function mayHoldMojibake(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let at = buffer.indexOf(0xc3); at >= 0; at = buffer.indexOf(0xc3, at + 2)) {
    const second = buffer[at + 1] ?? 0
    const next = buffer[at + 2] ?? 0
    if (second >= 0x82 && second <= 0xb4 && (next === 0xc2 || next === 0xc5 || next === 0xc6 || next === 0xcb || next === 0xe2)) {
      return true
    }
  }
  return false
}

/**
 * Undoes UTF-8 that was read as windows-1252 or ISO-8859-1 and saved again ("donâ€™t" is
 * "don’t"), run by run, so a file mangled in one pasted part is repaired only there; text
 * mangled twice is repaired twice. Runs that re-encode to bytes that are not UTF-8 are left alone.
 */
export function repairMojibake(text: string): MojibakeRepair {
  if (!MAYBE_MANGLED.test(text)) return { text, repaired: 0, firstLine: 0 }
  const first = repairOnce(text)
  if (first.repaired === 0) return { text, repaired: 0, firstLine: 0 }
  let repairedText = first.text
  // A second (and third) pass undoes text mangled more than once: "Ã¢â‚¬â„¢" is "â€™" is "’".
  for (let pass = 0; pass < 2 && MAYBE_MANGLED.test(repairedText); pass += 1) {
    const again = repairOnce(repairedText)
    if (again.repaired === 0) break
    repairedText = again.text
  }
  return { text: repairedText, repaired: first.repaired, firstLine: lineAt(text, first.firstIndex) }
}
