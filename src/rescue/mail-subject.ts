import { mapLegacyRating } from '../domain/legacy-rating.js'

/** What a mailing-list subject says about the story it carries. */
export type MailSubject = Readonly<{
  title: string
  /** Which part this message is, and of how many (null when the subject does not say). */
  part: number | null
  of: number | null
  rating: string | null
  pairing: string | null
  /** "Re:" — feedback on a story, not the story. */
  isReply: boolean
}>

type Found = { part: number | null; of: number | null; rating: string | null; pairing: string | null }

// Prefixes lists and newsreaders put in front of a title: replies and forwards in several
// languages, "[listname]" tags, and the "FIC:"/"[FIC]"/"NEW:" labels of fan fiction lists.
const REPLY = /^(?:re|aw|sv|antw)(?:\[\d+\])?\s*:\s*/iu
const FORWARD = /^(?:fwd?|wg|tr)\s*:\s*/iu
const LABEL = /^(?:new\s+fic|fic|fiction|new|repost|story|part)\s*:\s*/iu
const LEADING_GROUP = /^[[({]([^\])}]{0,80})[\])}]\s*/u
const GROUP = /\s*[[({]([^\])}]{0,80})[\])}]/gu
// "2/5", "2 of 5", "Part 2 of 5", "pt 2/?", "2/5+"; a part without its total: "Part 2".
const PART = /^(?:(?:part|pt\.?|chapter|ch\.?)\s*)?(\d{1,3})\s*(?:\/|of)\s*(\d{1,3}|\?)\+?$/iu
const INLINE_PART =
  /(?:^|[\s,;:–—-])(?:(?:part|pt\.?|chapter|ch\.?)\s*)?(\d{1,3})\s*(?:\/|\bof\b)\s*(\d{1,3}|\?)\+?(?=$|[\s,;:–—-])/iu
const LONE_PART = /(?:^|[\s,;:–—-])(?:part|pt\.?)\s*(\d{1,3})$/iu
// A rating after the title without brackets: film ratings in capitals, or "Rated …", so that
// "Agent X" and "Take a T" keep their last word.
const TRAILING_RATING = /(?:^|[\s,;:–—-])(G|PG|PG-?13|R|NC-?17|[Rr]ated\s+[\w+-]{1,6})$/u
const PAIRING = /^\p{L}[\p{L}.' -]*(?:\/\p{L}[\p{L}.' -]*)+(?:,\s*\p{L}[\p{L}.' -]*(?:\/\p{L}[\p{L}.' -]*)+)*$/u
const GAP = '\u0000'
const EDGE = /^[\s\-–—:;,|.~*]+|[\s\-–—:;,|~*]+$/gu

function isRating(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.length <= 20 && mapLegacyRating(trimmed).recognised && !/\s\S+\s/u.test(trimmed)
}

// Reads one bracketed group; answers whether it said something about the story.
function readGroup(text: string, found: Found): boolean {
  const part = PART.exec(text.trim())
  if (part !== null) {
    found.part ??= Number(part[1])
    if (part[2] !== '?') found.of ??= Number(part[2])
    return true
  }
  if (isRating(text)) {
    found.rating ??= text.trim()
    return true
  }
  if (PAIRING.test(text.trim())) {
    found.pairing ??= text.trim()
    return true
  }
  return false
}

function stripPrefixes(subject: string, found: Found): { rest: string; isReply: boolean } {
  let rest = subject.trim()
  let isReply = false
  for (;;) {
    const before = rest
    if (REPLY.test(rest)) isReply = true
    rest = rest.replace(REPLY, '').replace(FORWARD, '').replace(LABEL, '')
    const group = LEADING_GROUP.exec(rest)
    // A leading group is a rating, a part, or a list's tag ("[sv-fic]", "[FIC]"): never title.
    if (group !== null) {
      readGroup(group[1] ?? '', found)
      rest = rest.slice(group[0].length)
    }
    rest = rest.trimStart()
    if (rest === before) return { rest, isReply }
  }
}

function stripTrailing(text: string, found: Found): string {
  let rest = text
  for (;;) {
    const before = rest
    rest = rest.replace(EDGE, '')
    const part = INLINE_PART.exec(rest)
    if (part !== null) {
      found.part ??= Number(part[1])
      if (part[2] !== '?') found.of ??= Number(part[2])
      rest = `${rest.slice(0, part.index)} ${rest.slice(part.index + part[0].length)}`.trim()
    }
    const lone = LONE_PART.exec(rest)
    if (lone !== null && lone.index > 0) {
      found.part ??= Number(lone[1])
      rest = rest.slice(0, lone.index)
    }
    const rating = TRAILING_RATING.exec(rest)
    if (rating !== null && rating.index > 0) {
      found.rating ??= (rating[1] ?? '').replace(/^rated\s+/iu, '')
      rest = rest.slice(0, rating.index)
    }
    if (rest === before) return rest.replace(/\s{2,}/gu, ' ').trim()
  }
}

/**
 * Reads a mailing-list or Usenet subject: "[FIC] Title (2/5) PG-13", "FIC: Title 2/5 [PG-13]",
 * "Re: [list] NEW: Title, Part 2 of 5 (R) [Mulder/Scully]". What is not a tag, a part, a
 * rating or a pairing is the title.
 */
export function readMailSubject(subject: string): MailSubject {
  const found: Found = { part: null, of: null, rating: null, pairing: null }
  const { rest, isReply } = stripPrefixes(subject, found)
  const withoutGroups = rest.replace(GROUP, (whole, inner: string) => (readGroup(inner, found) ? GAP : whole))
  // After a part or rating group, a bare "Lois/Clark" or "PG" belongs to it, not to the title.
  const [head = '', ...tail] = withoutGroups.split(GAP)
  const kept = tail.filter((segment) => segment.trim() !== '' && !readGroup(segment.replace(EDGE, ''), found))
  const title = stripTrailing([head, ...kept].join(' '), found)
  return { title, ...found, isReply }
}
