// How disclaimers name the source they borrow from: "I don't own Smallville", "Harry Potter
// belongs to J.K. Rowling", "Buffy the Vampire Slayer is the property of …", "The characters
// of Stargate SG-1 are owned by …". Each pattern is anchored to one sentence, so it runs in
// time linear in the sentence.
const OWNER_FIRST = [
  /\b(?:do(?:n['’]t| not)|doesn['’]t|does not|never)\s+own\s+(?:any(?:thing)?\s+(?:of|from|to do with)\s+)?(.+)$/iu,
  /\b(?:i|we)\s+own\s+(?:nothing|none)\s+(?:of|from)\s+(.+)$/iu,
]
const SOURCE_FIRST =
  /^(.+?)\s+(?:(?:and\s+(?:all\s+)?(?:its|their|the)\s+characters\s+)?(?:is|are|isn['’]t|aren['’]t)\s+(?:not\s+)?(?:mine|the\s+property|owned|copyright|©|\(c\))|(?:belongs?|belonged)\s+to|(?:do(?:es)?n['’]t|do(?:es)? not)\s+belong|(?:is|are)\s+(?:the\s+)?(?:creation|property)\s+of|©|\(c\))/iu
// What is left around the name: "or any of its characters", "the characters of".
const TRAILING = /\s*(?:,|\bor\b|\band\b|\bnor\b|\bin any\b|\bexcept\b|\bwhatsoever\b|\bat all\b)\s*(?:any|all|the|its|their|of|anything|related|associated|characters|is|are)?\b.*$|[.,;:!)]+$/iu
const LEADING = /^(?:the\s+)?(?:characters?|people|world|universe|show|series)\s+(?:of|from|in)\s+|^(?:the\s+)?(?:show|series|tv\s+show|books?|movies?|film)\s+/iu
const NOT_A_SOURCE = /^(?:it|them|they|these|this|those|him|her|anything|nothing|anyone|everything|the characters|any characters|characters|all|none|the story|the plot|the song|the lyrics|a thing|any of it|any of them|me)$/iu

function cleanSource(raw: string): string | undefined {
  const text = raw.replace(/["“”]/gu, '').replace(LEADING, '').replace(TRAILING, '').trim()
  if (text.length < 2 || text.length > 60 || text.split(/\s+/u).length > 7) return undefined
  if (!/^[\p{Lu}\p{N}]/u.test(text) || NOT_A_SOURCE.test(text)) return undefined
  if (/\bcharacters?$/iu.test(text)) return undefined
  return text
}

/** The fandom a disclaimer names ("Smallville" from "I don't own Smallville…"), or undefined. */
export function inferFandomFromDisclaimer(disclaimer: string): string | undefined {
  const sentences = disclaimer.split(/(?<=[.!?;])\s+/u)
  for (const sentence of sentences) {
    const text = sentence.replace(/^disclaimer\s*[:-]\s*/iu, '').trim().slice(0, 400)
    for (const pattern of OWNER_FIRST) {
      const found = pattern.exec(text)?.[1]
      const source = found === undefined ? undefined : cleanSource(found)
      if (source !== undefined) return source
    }
    const found = SOURCE_FIRST.exec(text)?.[1]
    const source = found === undefined ? undefined : cleanSource(found)
    if (source !== undefined) return source
  }
  return undefined
}
