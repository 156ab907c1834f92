/** What a header field means to rescue; several written keys name each one. */
export type HeaderFieldName =
  | 'title'
  | 'author'
  | 'fandom'
  | 'disclaimer'
  | 'rating'
  | 'pairing'
  | 'characters'
  | 'category'
  | 'genre'
  | 'warnings'
  | 'spoilers'
  | 'summary'
  | 'notes'
  | 'feedback'
  | 'archive'
  | 'dedication'
  | 'beta'
  | 'context'
  | 'freeforms'
  | 'word-count'
  | 'chapters'
  | 'language'
  | 'status'
  | 'posted'
  | 'updated'

// Keys as archives and mailing lists of the 1990s-2000s wrote them, lower case, with
// apostrophes and full stops removed and runs of spaces folded ("Author's Notes" -> "authors
// notes"). "By" is here because "By: Jane" is a field; "by Jane" without a colon is read
// elsewhere.
const KEYS: ReadonlyArray<readonly [HeaderFieldName, readonly string[]]> = [
  ['title', ['title', 'story title', 'fic title', 'story', 'name of story', 'titel', 'titre']],
  [
    'author',
    ['author', 'authors', 'by', 'written by', 'writer', 'pen name', 'penname', 'creator', 'auteur'],
  ],
  ['fandom', ['fandom', 'fandoms', 'crossover', 'show', 'canon', 'source', 'universe']],
  ['disclaimer', ['disclaimer', 'disclaimers', 'legal', 'legal stuff']],
  ['rating', ['rating', 'rated', 'ratings', 'classification', 'rate']],
  [
    'pairing',
    ['pairing', 'pairings', 'ship', 'ships', 'relationship', 'relationships', 'couple', 'couples'],
  ],
  ['characters', ['characters', 'character', 'main characters', 'featuring']],
  ['category', ['category', 'categories', 'type']],
  ['genre', ['genre', 'genres']],
  [
    'warnings',
    [
      'warning',
      'warnings',
      'content warning',
      'content warnings',
      'trigger warning',
      'trigger warnings',
    ],
  ],
  ['spoilers', ['spoilers', 'spoiler', 'spoiler warning', 'spoiler warnings']],
  ['summary', ['summary', 'synopsis', 'description', 'blurb', 'abstract']],
  ['notes', [
    'a/n', 'an', 'authors note', 'authors notes', 'author note', 'author notes', 'notes',
    'note', 'authors comments', 'author comments',
  ]],
  ['feedback', ['feedback', 'comments', 'email', 'e-mail', 'contact', 'reviews']],
  ['archive', ['archive', 'archiving', 'archived', 'permission', 'distribution']],
  ['dedication', ['dedication', 'dedicated to', 'dedications']],
  ['beta', ['beta', 'betas', 'beta reader', 'beta readers', 'betad by', 'beta read by', 'thanks']],
  ['context', [
    'season', 'seasons', 'timeline', 'setting', 'time frame', 'timeframe', 'series', 'sequel to',
    'prequel to', 'sequel', 'prequel', 'challenge', 'prompt', 'written for',
  ]],
  ['freeforms', ['keywords', 'tags', 'additional tags']],
  ['word-count', ['word count', 'wordcount', 'words', 'length']],
  ['chapters', ['chapter', 'chapters', 'part', 'parts']],
  ['language', ['language']],
  ['status', ['status', 'completion', 'complete']],
  [
    'posted',
    [
      'date',
      'posted',
      'written',
      'published',
      'date posted',
      'first posted',
      'date written',
      'completed',
    ],
  ],
  ['updated', ['updated', 'last updated', 'revised', 'date updated', 'last revised', 'updated on']],
]

const BY_KEY: ReadonlyMap<string, HeaderFieldName> = new Map(
  KEYS.flatMap(([name, keys]) => keys.map((key) => [key, name] as const)),
)

/** Folds a key as written ("**Author's Notes**") to the form KEYS holds ("authors notes"). */
export function foldKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[*_'’.]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** The field a written key names, or undefined when rescue does not know the key. */
export function findHeaderField(rawKey: string): HeaderFieldName | undefined {
  return BY_KEY.get(foldKey(rawKey))
}

/** Fields whose value may run over several paragraphs. */
export const MULTI_PARAGRAPH_FIELDS: ReadonlySet<HeaderFieldName> = new Set([
  'disclaimer',
  'notes',
  'dedication',
  'warnings',
  'summary',
])
