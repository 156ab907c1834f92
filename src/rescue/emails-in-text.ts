import type { BodyChapter } from './body-sections.js'
import { addIssue, type ReportCollector } from './report-collector.js'
import { hasEmail } from './strip-emails.js'

/**
 * Flags every section of the story that holds an e-mail address, for a person to redact before
 * the work is shown: the story's words are the author's and are kept as written (unlike header
 * fields, where an address is contact detail and is never shown), but an address in a closing
 * note or a story written as letters was often meant for a mailing list, not for the world.
 */
export function reportEmailsInText(chapters: readonly BodyChapter[], report: ReportCollector): void {
  for (const chapter of chapters) {
    for (const { section, line } of chapter.sections) {
      if (!hasEmail(section.text)) continue
      addIssue(
        report,
        'QUIRE_RESCUE_EMAIL_IN_TEXT',
        line,
        'chapters',
        'an e-mail address in the story text is shown as written: redact it unless it was meant to be public',
      )
    }
  }
}
