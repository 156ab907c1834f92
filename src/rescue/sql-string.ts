const UTF8 = new TextDecoder('utf-8', { fatal: true })
const WINDOWS_1252 = new TextDecoder('windows-1252')

/**
 * The text of one string value of a dump. Old archives' dumps mix encodings value by value (a
 * latin1 table holding UTF-8 that a later version of the site wrote), so each value is read on
 * its own: as UTF-8 when it is valid UTF-8, else as windows-1252, the superset of latin1 that
 * MySQL's `latin1` really is.
 */
export function decodeSqlString(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes)
  } catch {
    // Not UTF-8: MySQL's latin1, which is windows-1252.
    return WINDOWS_1252.decode(bytes)
  }
}
