// What a message carries besides the story: the text it replies to ("> …" lines and the "On …,
// Jane wrote:" above them), the sender's signature (RFC 3676 §4.3: from the line "-- " on) and
// the footer a list server appended (a rule, then how to unsubscribe).
const QUOTED = /^[ \t]*>/u
const ATTRIBUTION = /(?:wrote|writes|said|schrieb|a écrit|escribió)\s*:\s*$/iu
const ON_WROTE = /^On\s.{4,200}\s(?:wrote|said)\s*:\s*$/iu
const REPLY_START = /^-{2,}\s*Original Message\s*-{2,}$/iu
const RULE = /^[_=~*-]{8,}$/u
const FOOTER_WORDS =
  /unsubscribe|mailing list|yahoo!?\s*groups|groups\.google|googlegroups|egroups|onelist|listserv|mailman|list-?info|to post to this (?:group|list)/iu
// A signature is a few lines; a bare "--" (its trailing space lost) is one only that close to
// the end, since writers also use "--" as a scene break.
const BARE_SIGNATURE_LINES = 4
// A list footer is a short block at the end of the message.
const FOOTER_LINES = 25

function nextText(lines: readonly string[], from: number): string | undefined {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] ?? ''
    if (line.trim() !== '') return line
  }
  return undefined
}

function cutSignature(lines: readonly string[]): readonly string[] {
  const delimiter = lines.indexOf('-- ')
  if (delimiter >= 0) return lines.slice(0, delimiter)
  const bare = lines.lastIndexOf('--')
  if (bare < 0) return lines
  const after = lines.slice(bare + 1).filter((line) => line.trim() !== '')
  const isShort = after.length <= BARE_SIGNATURE_LINES && after.every((line) => line.length <= 80)
  return isShort ? lines.slice(0, bare) : lines
}

// Where the last FOOTER_LINES lines with text begin: a footer can only start after it.
function footerReach(lines: readonly string[]): number {
  let count = 0
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    if ((lines[index] ?? '').trim() !== '') count += 1
    if (count > FOOTER_LINES) return index
  }
  return 0
}

function cutFooter(lines: readonly string[]): readonly string[] {
  for (let index = footerReach(lines); index < lines.length; index += 1) {
    if (!RULE.test((lines[index] ?? '').trim())) continue
    if (FOOTER_WORDS.test(lines.slice(index + 1).join('\n'))) return lines.slice(0, index)
  }
  // A footer without a rule: a last short paragraph about the list.
  const text = lines.join('\n').trimEnd()
  const lastBreak = text.lastIndexOf('\n\n')
  const last = text.slice(lastBreak + 2)
  if (lastBreak > 0 && last.length <= 400 && /unsubscribe/iu.test(last)) {
    return text.slice(0, lastBreak).split('\n')
  }
  return lines
}

function dropQuotes(lines: readonly string[]): string[] {
  const kept: string[] = []
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? ''
    if (QUOTED.test(line)) continue
    const next = nextText(lines, index + 1)
    const introducesQuote = ATTRIBUTION.test(line) && next !== undefined && QUOTED.test(next)
    if (introducesQuote || ON_WROTE.test(line.trim())) {
      // "On Mon, 3 Mar 2003, Jane Doe\n<jane@example.org> wrote:": the attribution's first line.
      const previous = kept[kept.length - 1]
      if (previous !== undefined && /^On\s/u.test(previous) && !/^On\s/u.test(line)) kept.pop()
      continue
    }
    kept.push(line)
  }
  return kept
}

/** A message body without quoted text, attributions, signature and list footer. */
export function cleanMailBody(text: string): string {
  let lines: readonly string[] = text.split('\n')
  const reply = lines.findIndex((line) => REPLY_START.test(line.trim()))
  if (reply >= 0) lines = lines.slice(0, reply)
  lines = cutFooter(cutSignature(lines))
  return dropQuotes(lines)
    .join('\n')
    .replace(/\n[ \t]*\n(?:[ \t]*\n)+/gu, '\n\n')
    .trim()
}
