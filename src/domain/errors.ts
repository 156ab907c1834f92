/** Every expected failure has a literal code; a web or CLI edge maps each to a status. */
export type ErrorCode =
  | 'QUIRE_CONFIG_BAD_DATABASE_URL'
  | 'QUIRE_CONFIG_BAD_SIZE'
  | 'QUIRE_CONFIG_BAD_PORT'
  | 'QUIRE_CONFIG_BAD_PUBLIC_URL'
  | 'QUIRE_RESCUE_EMPTY'
  | 'QUIRE_RESCUE_BINARY'
  | 'QUIRE_RESCUE_BAD_ENCODING'
  | 'QUIRE_RESCUE_NO_STORY'
  | 'QUIRE_RESCUE_TOO_LARGE'
  | 'QUIRE_RESCUE_BAD_HEADER'
  | 'QUIRE_RESCUE_BAD_EPUB'
  | 'QUIRE_RESCUE_ZIP_BOMB'
  | 'QUIRE_RESCUE_MANY_STORIES'
  | 'QUIRE_RESCUE_BAD_ARCHIVE'
  | 'QUIRE_IMPORT_UNREADABLE'
  | 'QUIRE_FETCH_REFUSED'
  | 'QUIRE_FETCH_FAILED'
  | 'QUIRE_WORK_NOT_FOUND'
  | 'QUIRE_WORK_BAD_EDIT'
  | 'QUIRE_CREATOR_NOT_FOUND'
  | 'QUIRE_SOURCE_NOT_FOUND'
  | 'QUIRE_SOURCE_AMBIGUOUS'
  | 'QUIRE_STORE_CONFLICT'
  | 'QUIRE_STORE_BAD_CURSOR'
  | 'QUIRE_SEARCH_EMPTY'
  | 'QUIRE_SEARCH_ONLY_EXCLUDED'
  | 'QUIRE_SEARCH_TOO_LONG'
  | 'QUIRE_SEARCH_TOO_MANY_TERMS'
  | 'QUIRE_SEARCH_SHORT_PREFIX'
  | 'QUIRE_SEARCH_TIMEOUT'
  | 'QUIRE_FILTER_TOO_MANY_TAGS'
  | 'QUIRE_FILTER_BAD_PARAM'
  | 'QUIRE_FILTER_BAD_PAGE'
  | 'QUIRE_FILTER_BAD_DATE'
  | 'QUIRE_TAG_NOT_FOUND'
  | 'QUIRE_TAG_BAD_LINK'

/** An expected failure: bad input, a missing work, an unreadable file. Bugs stay plain Errors. */
export class QuireError extends Error {
  override name = 'QuireError'
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.code = code
  }
}

/** Where in a legacy file something was found: 1-based line, and the header field if any. */
export type SourceLocation = Readonly<{ file: string; line: number; field?: string }>

/** A file that cannot be rescued at all; the message names file, line and field. */
export class RescueError extends QuireError {
  override name = 'RescueError'
  readonly at: SourceLocation
  constructor(code: ErrorCode, at: SourceLocation, detail: string, options?: ErrorOptions) {
    super(code, `${formatLocation(at)}: ${detail}`, options)
    this.at = at
  }
}

/** "old-site/fic.txt:3 (Rating)"; line 0 means the file as a whole. */
export function formatLocation(at: SourceLocation): string {
  const line = at.line > 0 ? `:${String(at.line)}` : ''
  return `${at.file}${line}${at.field !== undefined ? ` (${at.field})` : ''}`
}
