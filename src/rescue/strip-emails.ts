// An e-mail address as old headers wrote them, also behind "mailto:" or in <angle brackets>.
// The lookbehind lets a match start only where a run of address characters starts, so a long
// run without an "@" is read once, not once per character: linear time.
const ADDRESS =
  String.raw`(?<![\p{L}\p{N}._%+-])(?:mailto:)?` +
  String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`
const EMAIL = new RegExp(ADDRESS, 'u')
const EMAILS = new RegExp(ADDRESS, 'gu')

/** Whether text holds an e-mail address. */
export function hasEmail(text: string): boolean {
  return text.includes('@') && EMAIL.test(text)
}

/** Text with e-mail addresses removed, and the brackets or "at" that held them. */
export function stripEmails(text: string): string {
  if (!hasEmail(text)) return text
  return text
    .replace(EMAILS, '')
    .replace(/[(<[]\s*[)>\]]/gu, '')
    .replace(/\s+(?:at|to|@)\s*(?=[.!,;]|$)/gu, '')
    .replace(/[ \t]{2,}/gu, ' ')
    .replace(/\s+([.!,;])/gu, '$1')
    .trim()
}
