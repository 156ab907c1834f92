import type { Generated, Kysely } from 'kysely'
import { QuireError } from '../domain/errors.js'
import type { MediaId } from '../domain/media.js'
import type { TagId } from '../domain/stored-tag.js'
import { TAG_KIND_NAMES } from '../domain/tag-kind-name.js'
import type { TagName } from '../domain/tag.js'
import { nameKey } from './name-key.js'
import type { Database } from './schema.js'

/** `media` (migration 0010): the media fandoms are filed under, such as "TV Shows". */
export interface MediaTable {
  id: Generated<MediaId>
  name: string
  /** `name` folded for comparison; unique. */
  name_key: string
}

/** `fandom_media` (migration 0010): a canonical fandom under a medium; a fandom may have several. */
export interface FandomMediaTable {
  fandom_id: TagId
  media_id: MediaId
}

type WithMedia = Database & { media: MediaTable; fandom_media: FandomMediaTable }

/** A fandom the directory lists, and the medium it is filed under (null when none). */
export type FandomDirectoryRow = Readonly<{ fandom: TagName; media: string | null }>

function withMedia(db: Kysely<Database>): Kysely<WithMedia> {
  return db.withTables<{ media: MediaTable; fandom_media: FandomMediaTable }>()
}

/**
 * Files a fandom under a medium, as a wrangler does; filing it twice is one link. Only fandom
 * tags have media, and only the media the archive knows (AO3's list, from the migration).
 */
export async function addFandomMedia(
  db: Kysely<Database>,
  fandomId: TagId,
  mediaName: string,
): Promise<void> {
  const media = withMedia(db)
  const fandom = await media
    .selectFrom('tags')
    .select(['name', 'kind'])
    .where('id', '=', fandomId)
    .executeTakeFirst()
  if (fandom === undefined) {
    throw new QuireError('QUIRE_TAG_NOT_FOUND', `no tag with id ${String(fandomId)}`)
  }
  if (fandom.kind !== 'fandom') {
    throw new QuireError(
      'QUIRE_TAG_BAD_LINK',
      `tag "${fandom.name}" is a ${TAG_KIND_NAMES[fandom.kind]}; only a fandom is filed under a medium`,
    )
  }
  const medium = await media
    .selectFrom('media')
    .select('id')
    .where('name_key', '=', nameKey(mediaName))
    .executeTakeFirst()
  if (medium === undefined) {
    const known = (await media.selectFrom('media').select('name').orderBy('id').execute()).map((row) => row.name)
    throw new QuireError(
      'QUIRE_TAG_NOT_FOUND',
      `no medium named "${mediaName}"; the archive has ${known.join(', ')}`,
    )
  }
  await media
    .insertInto('fandom_media')
    .values({ fandom_id: fandomId, media_id: medium.id })
    .onConflict((conflict) => conflict.columns(['fandom_id', 'media_id']).doNothing())
    .execute()
}

/** The media a fandom is filed under, in the archive's order of media. */
export async function findFandomMedia(db: Kysely<Database>, fandomId: TagId): Promise<string[]> {
  const rows = await withMedia(db)
    .selectFrom('fandom_media')
    .innerJoin('media', 'media.id', 'fandom_media.media_id')
    .select('media.name')
    .where('fandom_media.fandom_id', '=', fandomId)
    .orderBy('media.id')
    .execute()
  return rows.map((row) => row.name)
}

/**
 * Every canonical fandom (synonyms are listed under their canonical tag), once for each medium
 * it is filed under, or once with null when it has none. Sized by the archive's fandoms, which
 * is what a directory of them is; ordered by id so both databases give the same rows.
 */
export async function findFandomDirectory(db: Kysely<Database>): Promise<FandomDirectoryRow[]> {
  const rows = await withMedia(db)
    .selectFrom('tags')
    .leftJoin('fandom_media', 'fandom_media.fandom_id', 'tags.id')
    .leftJoin('media', 'media.id', 'fandom_media.media_id')
    .select(['tags.name as fandom', 'media.name as media'])
    .where('tags.kind', '=', 'fandom')
    .where('tags.canonical_id', 'is', null)
    .orderBy('tags.id')
    .orderBy('media.id')
    .execute()
  return rows.map(({ fandom, media }) => ({ fandom, media }))
}
