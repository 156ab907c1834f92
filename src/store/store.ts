import type { Kysely } from 'kysely'
import type { StoredTag, TagId } from '../domain/stored-tag.js'
import type { TagPage } from '../domain/tag-page.js'
import type { WorkDigest } from '../domain/work-digest.js'
import type { WorkDraft } from '../domain/work-draft.js'
import type { TagKind, TagName } from '../domain/tag.js'
import type { WorkEdit, WorkField } from '../domain/work-field.js'
import type { WorkListing } from '../domain/work-listing.js'
import { parseWorkId, type Work, type WorkId } from '../domain/work.js'
import type { SourceId, SourceSummary, StoredSource } from '../domain/stored-source.js'
import { parseDatabaseUrl } from './database-url.js'
import {
  findCreatorByName,
  listCreatorWorks,
  type CreatorProfile,
  type CreatorWorksPage,
  type CreatorWorksRequest,
} from './creator-works.js'
import type { StoreDialect } from './dialect.js'
import { importBatch, type BatchOutcome } from './import-batch.js'
import { editWorkFields } from './edit-work-fields.js'
import { findEditedFields } from './edited-fields.js'
import { importRescued, type ImportInput, type ImportResult } from './import-rescued.js'
import { findMergeTarget, type MergeTarget } from './work-fingerprints.js'
import { findWorkListings, listWorks, type WorkListRequest } from './list-works.js'
import { migrateToLatest } from './migrate.js'
import type { FingerprintChange } from './follow-fingerprint.js'
import { reparseWork, type ReparseOptions, type ReparseResult } from './reparse-work.js'
import { openDatabase } from './open-database.js'
import type { Database } from './schema.js'
import { addFandomMedia, findFandomDirectory, type FandomDirectoryRow } from './media.js'
import {
  findRescuedWorkIds,
  findSourceBySha256,
  findShownSourceOfWork,
  findSourceOfWork,
  findSourceOwner,
  findSourceSummariesByWork,
} from './sources.js'
import { addTagParent, setCanonicalTag } from './tag-links.js'
import { findTagByName, findTagPage, type NamedTag } from './tag-pages.js'
import { findOrCreateTag, type NewTagOptions } from './tags.js'
import { findWorkDigests } from './work-digests.js'
import { countWorks, findWork } from './works.js'

// Named here too, so a caller of the store imports what it gets back from one place.
export type { BatchOutcome, ImportInput, ImportResult, SourceSummary, StoredSource, WorkListing }
export type { MergeTarget }
export type { FandomDirectoryRow, NamedTag, TagPage }
export type { CreatorProfile, CreatorWorksPage, CreatorWorksRequest, WorkDigest }
export type { FingerprintChange, ReparseOptions, ReparseResult, WorkEdit, WorkField }

/** The archive's data: every read and write goes through one of these. */
export type Store = Readonly<{
  db: Kysely<Database>
  dialect: StoreDialect
  /** Runs the migrations not yet run; returns their names. */
  migrate(): Promise<string[]>
  /** Closes every connection; the store is unusable after. */
  destroy(): Promise<void>
  works: Readonly<{
    importRescued(input: ImportInput): Promise<ImportResult>
    /**
     * Several works in one transaction, a savepoint each: each lands whole or not at all, and
     * the batch throws, storing nothing, when its commit fails. See `importBatch`.
     */
    importBatch(inputs: readonly ImportInput[]): Promise<BatchOutcome[]>
    list(request: WorkListRequest): Promise<WorkListing[]>
    /** Listings of these works in the order given, as a filtered page shows them. */
    findListings(ids: readonly WorkId[]): Promise<WorkListing[]>
    /** Undefined when no work has this id, or `id` is not a work id at all. */
    find(id: string): Promise<Work | undefined>
    count(): Promise<number>
    /** Digests of these works in the order given, for feeds: preface fields, no text. */
    findDigests(ids: readonly WorkId[]): Promise<WorkDigest[]>
    /**
     * The work another copy of a story with this fingerprint (`storyFingerprint`) would merge
     * into, with the field confidences of the copy it shows; what a dry run of an import asks.
     */
    findMergeTarget(fingerprint: string): Promise<MergeTarget | undefined>
    /**
     * A person's edit, in one transaction; the fields it names join the work's record of edited
     * fields, which a reparse leaves alone. Returns the record after. See `editWorkFields`.
     */
    editFields(id: WorkId, edit: WorkEdit): Promise<WorkField[]>
    /** The fields a person has edited on the work; undefined when there is no such work. */
    findEditedFields(id: WorkId): Promise<WorkField[] | undefined>
    /** Writes what a new reading of the work's source reads otherwise. See `reparseWork`. */
    reparse(id: WorkId, draft: WorkDraft, options?: ReparseOptions): Promise<ReparseResult>
    /** Every work made from a stored source, oldest first. */
    listRescuedIds(): Promise<WorkId[]>
  }>
  creators: Readonly<{
    /** The creator credited as `name` (case folded, as imports match), or undefined. */
    findByName(name: string): Promise<CreatorProfile | undefined>
    /** A keyset page of the creator's works, newest update first. */
    listWorks(id: CreatorProfile['id'], request: CreatorWorksRequest): Promise<CreatorWorksPage>
  }>
  sources: Readonly<{
    findBySha256(sha256OrPrefix: string): Promise<StoredSource | undefined>
    /** A work's sources without their bytes, oldest first: what its pages list. */
    listByWork(workId: string): Promise<SourceSummary[]>
    /** One source of a work with its bytes, for a download; undefined when it has no such source. */
    findOfWork(workId: string, sourceId: SourceId): Promise<StoredSource | undefined>
    /** The source whose reading the work shows, with its bytes: what a reparse reads again. */
    findShown(workId: string): Promise<StoredSource | undefined>
    /** The work a full sha256's bytes became (null once deleted); undefined if never stored. */
    findOwner(sha256: string): Promise<Readonly<{ workId: WorkId | null }> | undefined>
  }>
  tags: Readonly<{
    findOrCreate(kind: TagKind, name: TagName, options?: NewTagOptions): Promise<StoredTag>
    /** The tag with this name (case folded, as tags are matched), or undefined. */
    findByName(name: string): Promise<NamedTag | undefined>
    /** A tag's page: its canonical tag, synonyms, parents and children; undefined when unknown. */
    findPage(name: string): Promise<TagPage | undefined>
    /** Makes a tag a synonym of a canonical tag, or (null) its own tag again. See `setCanonicalTag`. */
    setCanonical(synonymId: TagId, canonicalId: TagId | null): Promise<void>
    /** Links a tag under a parent: a character under its fandom, a subtag under its metatag. */
    addParent(childId: TagId, parentId: TagId): Promise<void>
    /** Files a fandom under a medium such as "TV Shows". */
    addMedia(fandomId: TagId, mediaName: string): Promise<void>
    /** Every canonical fandom with the media it is filed under, for the fandom directory. */
    findFandomDirectory(): Promise<FandomDirectoryRow[]>
  }>
}>

export type OpenStoreOptions = Readonly<{
  /** Where a relative `sqlite:PATH` starts; the process's working directory by default. */
  cwd?: string
  /** PostgreSQL only: the schema to work in, created if missing. SQLite has one per file. */
  schema?: string
  /** SQLite only: checkpoint from a thread of its own, for a process that writes much. */
  checkpointInBackground?: boolean
}>

/** Opens the database at `url` (`sqlite:PATH`, `postgres://…`); call `migrate()` before use. */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const location = parseDatabaseUrl(url, options.cwd ?? process.cwd())
  const { db, dialect, release } = await openDatabase(location, {
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.checkpointInBackground === true ? { checkpointInBackground: true } : {}),
  })
  return {
    db,
    dialect,
    migrate: () => migrateToLatest(db, dialect),
    destroy: async () => {
      await db.destroy()
      await release()
    },
    works: {
      importRescued: (input) => importRescued(db, input),
      importBatch: (inputs) => importBatch(db, inputs),
      list: (request) => listWorks(db, request),
      findListings: (ids) => findWorkListings(db, ids),
      find: async (id) => {
        const workId = parseWorkId(id)
        return workId === undefined ? undefined : findWork(db, workId)
      },
      count: () => countWorks(db),
      findDigests: (ids) => findWorkDigests(db, ids),
      findMergeTarget: (fingerprint) => findMergeTarget(db, fingerprint),
      editFields: (id, edit) => editWorkFields(db, id, edit),
      findEditedFields: (id) => findEditedFields(db, id),
      reparse: (id, draft, reparseOptions) => reparseWork(db, id, draft, reparseOptions),
      listRescuedIds: () => findRescuedWorkIds(db),
    },
    creators: {
      findByName: (name) => findCreatorByName(db, name),
      listWorks: (id, request) => listCreatorWorks(db, id, request),
    },
    sources: {
      findBySha256: (sha256) => findSourceBySha256(db, sha256),
      listByWork: async (id) => {
        const workId = parseWorkId(id)
        return workId === undefined ? [] : findSourceSummariesByWork(db, workId)
      },
      findOfWork: async (id, sourceId) => {
        const workId = parseWorkId(id)
        return workId === undefined ? undefined : findSourceOfWork(db, workId, sourceId)
      },
      findShown: async (id) => {
        const workId = parseWorkId(id)
        return workId === undefined ? undefined : findShownSourceOfWork(db, workId)
      },
      findOwner: (sha256) => findSourceOwner(db, sha256),
    },
    tags: {
      findOrCreate: (kind, name, tagOptions) => findOrCreateTag(db, kind, name, tagOptions),
      findByName: (name) => findTagByName(db, name),
      findPage: (name) => findTagPage(db, name),
      setCanonical: (synonymId, canonicalId) => setCanonicalTag(db, synonymId, canonicalId),
      addParent: (childId, parentId) => addTagParent(db, childId, parentId),
      addMedia: (fandomId, mediaName) => addFandomMedia(db, fandomId, mediaName),
      findFandomDirectory: () => findFandomDirectory(db),
    },
  }
}
