import type { ContentTopic } from './work-draft.js'
import type { Work } from './work.js'

/**
 * What a feed entry says of a work without its text: the preface's fields (title, summary, tags
 * in the work's order, dates, counts), its creators' names, and the topics of its content
 * notices, so whoever shows the summary can hold it back as the work's page does.
 */
export type WorkDigest = Pick<
  Work,
  | 'id'
  | 'title'
  | 'summary'
  | 'rating'
  | 'tags'
  | 'language'
  | 'wordCount'
  | 'complete'
  | 'chapterCount'
  | 'posted'
  | 'updated'
> &
  Readonly<{ creators: readonly string[]; contentTopics: readonly ContentTopic[] }>
