const RETURN_PATH_MAX = 2048

/**
 * `raw` when it is a path on this site, else "/": a redirect back must never leave the archive
 * ("//evil.example" and "/\evil.example" are other hosts to a browser).
 */
export function returnPath(raw: string | undefined): string {
  if (raw === undefined || raw.length > RETURN_PATH_MAX) return '/'
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/'
  // Control characters and white space have no place in a path we wrote ourselves.
  return /[\u0000-\u0020\u007f\\]/u.test(raw) ? '/' : raw
}
