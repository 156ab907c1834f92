import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { QuireError } from '../../src/domain/errors.js'
import type { TagId } from '../../src/domain/stored-tag.js'
import { makeTagName, type TagKind } from '../../src/domain/tag.js'
import { nameKey } from '../../src/store/name-key.js'
import { TAG_PAGE_LIST_MAX } from '../../src/store/tag-pages.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('tag pages and the fandom directory on %s', (dialect) => {
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

  it('finds a tag whatever the case of its name, and nothing for a name no tag has', async () => {
    await tag('relationship', 'Kirk/Spock')
    expect(await store.tags.findByName('kirk/spock')).toMatchObject({ name: 'Kirk/Spock', kind: 'relationship', canonical: null })
    expect(await store.tags.findByName('  Kirk/Spock ')).toMatchObject({ name: 'Kirk/Spock' })
    expect(await store.tags.findByName('Kirk/Uhura')).toBeUndefined()
    expect(await store.tags.findPage('Kirk/Uhura')).toBeUndefined()
  })

  it('gives a synonym its canonical tag, and the canonical its synonyms by name', async () => {
    const canonical = await tag('relationship', 'James T. Kirk/Spock')
    for (const name of ['Spirk', 'Kirk/Spock', 'K/S']) await store.tags.setCanonical(await tag('relationship', name), canonical)
    const synonym = await store.tags.findPage('Spirk')
    expect(synonym?.canonical).toEqual({ name: 'James T. Kirk/Spock', kind: 'relationship' })
    const page = await store.tags.findPage('James T. Kirk/Spock')
    expect(page?.canonical).toBeNull()
    expect(page?.synonyms).toEqual({
      items: ['K/S', 'Kirk/Spock', 'Spirk'].map((name) => ({ name, kind: 'relationship' })),
      total: 3,
    })
  })

  it("lists a character's fandoms above it and a fandom's characters and subtags below it", async () => {
    const [trek, tos, kirk, spock, ks] = [
      await tag('fandom', 'Star Trek'),
      await tag('fandom', 'Star Trek: The Original Series'),
      await tag('character', 'James T. Kirk'),
      await tag('character', 'Spock'),
      await tag('relationship', 'Kirk/Spock'),
    ]
    await store.tags.addParent(tos, trek)
    for (const child of [spock, kirk, ks]) await store.tags.addParent(child, tos)
    await store.tags.addMedia(tos, 'TV Shows')
    await store.tags.addMedia(tos, 'tv shows')
    const page = await store.tags.findPage('Star Trek: The Original Series')
    expect(page?.parents).toEqual([
      { name: 'TV Shows', kind: 'media' },
      { name: 'Star Trek', kind: 'fandom' },
    ])
    expect(page?.children).toEqual([
      { kind: 'relationship', items: [{ name: 'Kirk/Spock', kind: 'relationship' }], total: 1 },
      {
        kind: 'character',
        items: [{ name: 'James T. Kirk', kind: 'character' }, { name: 'Spock', kind: 'character' }],
        total: 2,
      },
    ])
    expect((await store.tags.findPage('Star Trek'))?.children).toEqual([
      { kind: 'fandom', items: [{ name: 'Star Trek: The Original Series', kind: 'fandom' }], total: 1 },
    ])
    expect((await store.tags.findPage('Spock'))?.parents).toEqual([
      { name: 'Star Trek: The Original Series', kind: 'fandom' },
    ])
  })

  it('lists up to the limit of one kind of child tag, and counts them all', async () => {
    const fandom = await tag('fandom', 'Big Fandom')
    // Written in bulk: a thousand links one by one would be most of the suite's time.
    const names = Array.from({ length: TAG_PAGE_LIST_MAX + 2 }, (_, i) => `Extra ${String(i)}`)
    const created_at = new Date().toISOString()
    const rows = names.map((name) => ({ kind: 'character' as const, name: makeTagName(name), name_key: nameKey(name), canonical_id: null, platonic: 0, created_at }))
    const ids = await store.db.insertInto('tags').values(rows).returning('id').execute()
    await store.db.insertInto('tag_parents').values(ids.map(({ id }) => ({ child_id: id, parent_id: fandom }))).execute()
    const [characters] = (await store.tags.findPage('Big Fandom'))?.children ?? []
    expect(characters?.total).toBe(TAG_PAGE_LIST_MAX + 2)
    expect(characters?.items).toHaveLength(TAG_PAGE_LIST_MAX)
    // Numbers in names sort by value.
    expect(characters?.items.slice(0, 3).map((item) => item.name)).toEqual(['Extra 0', 'Extra 1', 'Extra 2'])
  })

  it('files fandoms under media for the directory, leaving synonyms and other kinds out', async () => {
    const [sv, trek, syn] = [await tag('fandom', 'Smallville'), await tag('fandom', 'Star Trek'), await tag('fandom', 'SV')]
    await tag('character', 'Chloe')
    await store.tags.setCanonical(syn, sv)
    await store.tags.addMedia(sv, 'TV Shows')
    await store.tags.addMedia(sv, 'Books & Literature')
    const rows = await store.tags.findFandomDirectory()
    expect(rows).toEqual(
      expect.arrayContaining([
        { fandom: 'Smallville', media: 'Books & Literature' },
        { fandom: 'Smallville', media: 'TV Shows' },
        { fandom: 'Star Trek', media: null },
      ]),
    )
    expect(rows).toHaveLength(3)
    expect(await codeOf(store.tags.addMedia(trek, 'Radio Plays'))).toBe('QUIRE_TAG_NOT_FOUND')
    expect(await codeOf(store.tags.addMedia(await tag('character', 'Lex'), 'TV Shows'))).toBe('QUIRE_TAG_BAD_LINK')
    expect(await codeOf(store.tags.addMedia(99_999 as TagId, 'TV Shows'))).toBe('QUIRE_TAG_NOT_FOUND')
  })
})
