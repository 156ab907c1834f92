import { ARCHIVE_WARNING_NAMES } from './archive-warning.js'
import { CATEGORY_NAMES } from './category.js'
import { RATING_NAMES } from './rating.js'
import type { WorkDraft } from './work-draft.js'

/**
 * A draft as people and other programs read it: ratings, warnings and categories by their AO3
 * names ("Teen And Up Audiences"), as `quire parse --json` prints it.
 */
export function workDraftToJson(work: WorkDraft) {
  return {
    title: work.title,
    creators: work.creators,
    rating: RATING_NAMES[work.rating],
    ratingOriginal: work.ratingOriginal,
    archiveWarnings: work.archiveWarnings.map((warning) => ARCHIVE_WARNING_NAMES[warning]),
    categories: work.categories.map((category) => CATEGORY_NAMES[category]),
    fandoms: work.fandoms,
    relationships: work.relationships,
    characters: work.characters,
    freeforms: work.freeforms,
    summary: work.summary,
    disclaimer: work.disclaimer,
    notes: work.notes,
    contentNotices: work.contentNotices,
    complete: work.complete,
    language: work.language,
    wordCount: work.wordCount,
    posted: work.posted,
    updated: work.updated,
    chapters: work.chapters,
  }
}
