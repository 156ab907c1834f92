import { stripEmails } from '../rescue/strip-emails.js'

/**
 * Text as a page may show it. Rescue strips e-mail addresses from headers, but a note or a
 * chapter can still hold one, and an archive page must never publish a person's address.
 */
export function shownText(text: string): string {
  return stripEmails(text)
}
