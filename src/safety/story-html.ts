import sanitizeHtml from 'sanitize-html'

/**
 * The inline elements a story's text keeps from an old page, close to AO3's allowlist
 * (otwarchive's config/config.yml, SANITIZER_ALLOWED_TAGS) less what Quire's sections carry
 * as sections of their own (paragraphs, headings, scene breaks) and less what it never keeps:
 * scripts, styles, event attributes, images (remote ones leak a reader's address) and frames.
 */
export const STORY_INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'b', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd',
  'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'strike', 'strong', 'sub', 'sup', 'tt', 'u',
  'var',
])

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...STORY_INLINE_TAGS, 'br'],
  // A link keeps a web address (rel is the one transformTags sets); a title says what an
  // abbreviation stands for.
  allowedAttributes: { a: ['href', 'rel'], abbr: ['title'], acronym: ['title'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // A link in a story leads away from the archive: it passes no rank and no referrer.
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
  allowedClasses: {},
  allowedStyles: {},
}

/**
 * A fragment of a story's text (one paragraph or stanza, `<br>` between lines) as the archive
 * stores and shows it: only the allowlisted inline elements and attributes, links only to
 * http(s) addresses, every other tag dropped with its text kept (scripts and styles whole).
 */
export function sanitizeStoryHtml(fragment: string): string {
  return sanitizeHtml(fragment, OPTIONS)
}

// Fragments sanitised together, each in a paragraph: one call of sanitize-html costs about
// three times the fragments' own parse in setting up, so a story's fragments go in one.
const JOINED_OPTIONS: sanitizeHtml.IOptions = { ...OPTIONS, allowedTags: [...STORY_INLINE_TAGS, 'br', 'p'] }

/**
 * Each of a story's fragments as sanitizeStoryHtml makes it, read in one pass: each fragment
 * is wrapped in a paragraph that the allowlist keeps for this call alone, and the output split
 * there again. That holds for fragments such as rescue makes, text escaped and every tag an
 * allowlisted inline one; any other fragment (a paragraph tag, a script whose text would run
 * on into the next, a stray "<"), or a count that does not come back the same, and each is
 * sanitised on its own.
 */
export function sanitizeStoryFragments(fragments: readonly string[]): string[] {
  if (fragments.length <= 1 || !fragments.every(isInlineMarkup)) return fragments.map(sanitizeStoryHtml)
  const joined = sanitizeHtml(fragments.map((fragment) => `<p>${fragment}</p>`).join(''), JOINED_OPTIONS)
  const parts = joined.startsWith('<p>') && joined.endsWith('</p>') ? joined.slice(3, -4).split('</p><p>') : []
  return parts.length === fragments.length ? parts : fragments.map(sanitizeStoryHtml)
}

// A tag whose attributes are all whole ("a", a="b", a='b', a=b), or a run of text.
const TAG_OR_TEXT = /<(\/?)([a-z]+)(?:\s+[a-z-]+(?:=(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*\/?>|[^<]+/giy

// Whether every "<" in a fragment opens or closes an element of the inline allowlist.
function isInlineMarkup(fragment: string): boolean {
  TAG_OR_TEXT.lastIndex = 0
  while (TAG_OR_TEXT.lastIndex < fragment.length) {
    const match = TAG_OR_TEXT.exec(fragment)
    if (match === null) return false
    const name = match[2]?.toLowerCase()
    if (name !== undefined && name !== 'br' && !STORY_INLINE_TAGS.has(name)) return false
  }
  return true
}

/** Text as HTML: the five characters markup gives meaning to, escaped. */
export function escapeStoryText(text: string): string {
  if (!/[&<>"']/u.test(text)) return text
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;')
}
