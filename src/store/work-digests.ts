import type { Kysely } from 'kysely'
import type { StoredTag } from '../domain/stored-tag.js'
import type { WorkDigest } from '../domain/work-digest.js'
import type { ContentTopic } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { isSet } from './flag.js'
import { findCreatorNames } from './list-works.js'
import type { Database } from './schema.js'

/**
 * The digests of these works, in the order given; ids with no work are left out. Four queries
 * for the whole page (works, creators, tags, notices), never one per work, and no chapter text.
 */
export async function findWorkDigests(
  db: Kysely<Database>,
  ids: readonly WorkId[],
): Promise<WorkDigest[]> {
  if (ids.length === 0) return []
  const [rows, creators, tags, notices] = await Promise.all([
    db
      .selectFrom('works')
      .select(['id', 'title', 'summary', 'rating', 'language', 'word_count', 'complete'])
      .select(['chapter_count', 'posted_at', 'updated_at'])
      .where('id', 'in', ids)
      .execute(),
    findCreatorNames(db, ids),
    db
      .selectFrom('work_tags')
      .innerJoin('tags', 'tags.id', 'work_tags.tag_id')
      .select(['work_tags.work_id', 'tags.id', 'tags.kind', 'tags.name', 'tags.platonic'])
      .where('work_tags.work_id', 'in', ids)
      .orderBy('work_tags.work_id')
      .orderBy('work_tags.position')
      .execute(),
    db
      .selectFrom('content_notices')
      .select(['work_id', 'topic'])
      .where('work_id', 'in', ids)
      .orderBy('work_id')
      .orderBy('line')
      .execute(),
  ])
  const tagsByWork = groupBy(
    tags,
    (row): StoredTag => ({ id: row.id, kind: row.kind, name: row.name, platonic: isSet(row.platonic) }),
  )
  const topicsByWork = groupBy(notices, (row): ContentTopic => row.topic)
  const byId = new Map(
    rows.map((row): [WorkId, WorkDigest] => [
      row.id,
      {
        id: row.id,
        title: row.title,
        creators: creators.get(row.id) ?? [],
        summary: row.summary,
        rating: row.rating,
        tags: tagsByWork.get(row.id) ?? [],
        language: row.language,
        wordCount: row.word_count,
        complete: isSet(row.complete),
        chapterCount: row.chapter_count,
        posted: row.posted_at,
        updated: row.updated_at,
        contentTopics: [...new Set(topicsByWork.get(row.id) ?? [])],
      },
    ]),
  )
  return ids.flatMap((id) => byId.get(id) ?? [])
}

function groupBy<Row extends { work_id: WorkId }, T>(
  rows: readonly Row[],
  value: (row: Row) => T,
): Map<WorkId, T[]> {
  const byWork = new Map<WorkId, T[]>()
  for (const row of rows) {
    const list = byWork.get(row.work_id)
    if (list === undefined) byWork.set(row.work_id, [value(row)])
    else list.push(value(row))
  }
  return byWork
}
