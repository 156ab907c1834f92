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
