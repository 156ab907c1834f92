import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { QuireError } from '../../src/domain/errors.js'
import type { TagId } from '../../src/domain/stored-tag.js'
import { makeTagName, type TagKind } from '../../src/domain/tag.js'
import { addTagParent, removeTagParent, setCanonicalTag } from '../../src/store/tag-links.js'
import { lastWorkChangeId } from '../../src/store/work-changes.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('tag links on %s', (dialect) => {
  let store: TestStore
  const tag = async (kind: TagKind, name: string): Promise<TagId> =>
    (await store.tags.findOrCreate(kind, makeTagName(name))).id
  const codeOf = async (run: Promise<unknown>) => {
    const error: unknown = await run.then(() => undefined, (caught: unknown) => caught)
    return error instanceof QuireError ? error.code : error
  }
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('makes a synonym point at its canonical tag, and back, logging each change', async () => {
    const [mcu, canonical] = [await tag('fandom', 'MCU'), await tag('fandom', 'Marvel Cinematic Universe')]
    const before = await lastWorkChangeId(store.db)
    await setCanonicalTag(store.db, mcu, canonical)
    const row = await store.db.selectFrom('tags').select('canonical_id').where('id', '=', mcu).executeTakeFirst()
    expect(row?.canonical_id).toBe(canonical)
    await setCanonicalTag(store.db, mcu, null)
    const again = await store.db.selectFrom('tags').select('canonical_id').where('id', '=', mcu).executeTakeFirst()
    expect(again?.canonical_id).toBeNull()
    expect(await lastWorkChangeId(store.db)).toBeGreaterThanOrEqual(before + 2)
  })

  it('refuses a synonym of another kind, of a synonym, of itself, or of a missing tag', async () => {
    const [fandom, character] = [await tag('fandom', 'Smallville'), await tag('character', 'Chloe')]
    const [synonym, other] = [await tag('fandom', 'SV'), await tag('fandom', 'Small Ville')]
    await setCanonicalTag(store.db, synonym, fandom)
    expect(await codeOf(setCanonicalTag(store.db, character, fandom))).toBe('QUIRE_TAG_BAD_LINK')
    expect(await codeOf(setCanonicalTag(store.db, other, synonym))).toBe('QUIRE_TAG_BAD_LINK')
    expect(await codeOf(setCanonicalTag(store.db, fandom, fandom))).toBe('QUIRE_TAG_BAD_LINK')
    expect(await codeOf(setCanonicalTag(store.db, fandom, other))).toBe('QUIRE_TAG_BAD_LINK')
    expect(await codeOf(setCanonicalTag(store.db, 99_999 as TagId, fandom))).toBe('QUIRE_TAG_NOT_FOUND')
  })

  it('links a subtag under its metatag once, refuses a loop, and unlinks it', async () => {
    const [marvel, mcu, comics] = [await tag('fandom', 'Marvel'), await tag('fandom', 'MCU'), await tag('fandom', 'Marvel Comics')]
    await addTagParent(store.db, mcu, marvel)
    await addTagParent(store.db, mcu, marvel)
    await addTagParent(store.db, comics, mcu)
    expect(await codeOf(addTagParent(store.db, marvel, comics))).toBe('QUIRE_TAG_BAD_LINK')
    const links = () => store.db.selectFrom('tag_parents').select(['child_id', 'parent_id']).orderBy('child_id').execute()
    expect(await links()).toEqual([{ child_id: mcu, parent_id: marvel }, { child_id: comics, parent_id: mcu }])
    await removeTagParent(store.db, comics, mcu)
    expect(await links()).toEqual([{ child_id: mcu, parent_id: marvel }])
  })
})
