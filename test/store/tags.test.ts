import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTagName, TAG_MAX } from '../../src/domain/tag.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('tags on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('gives back the same tag for the same kind and name', async () => {
    const first = await store.tags.findOrCreate('fandom', makeTagName('Smallville'))
    const again = await store.tags.findOrCreate('fandom', makeTagName('smallville'))
    expect(again).toEqual(first)
  })

  it('adds the kind to a name another kind already holds, the same way every time', async () => {
    const fandom = await store.tags.findOrCreate('fandom', makeTagName('Chloe'))
    const character = await store.tags.findOrCreate('character', makeTagName('Chloe'))
    const again = await store.tags.findOrCreate('character', makeTagName('Chloe'))
    expect(fandom.name).toBe('Chloe')
    expect(character).toMatchObject({ kind: 'character', name: 'Chloe (Character)' })
    expect(again.id).toBe(character.id)
  })

  it('leaves fixed names to ratings, warnings, categories: a freeform "Gen" gets the suffix', async () => {
    const freeform = await store.tags.findOrCreate('freeform', makeTagName('Gen'))
    expect(freeform.name).toBe('Gen (Additional Tag)')
  })

  it('keeps the suffix whole on a name at the length limit', async () => {
    const long = makeTagName('x'.repeat(TAG_MAX))
    await store.tags.findOrCreate('fandom', long)
    const character = await store.tags.findOrCreate('character', long)
    expect(character.name).toHaveLength(TAG_MAX)
    expect(character.name.endsWith('x (Character)')).toBe(true)
  })

  it('keeps a relationship platonic', async () => {
    const tag = await store.tags.findOrCreate('relationship', makeTagName('Chloe & Lex'), {
      platonic: true,
    })
    expect(tag.platonic).toBe(true)
  })

  it('shares one tag between the works that use it', async () => {
    const first = await store.works.importRescued(anImport())
    const second = await store.works.importRescued(anImport({ title: 'Another' }))
    const [firstWork, secondWork] = await Promise.all([
      store.works.find(first.workId),
      store.works.find(second.workId),
    ])
    const fandomOf = (tags: typeof firstWork) => tags?.tags.find((tag) => tag.kind === 'fandom')
    expect(fandomOf(secondWork)?.id).toBe(fandomOf(firstWork)?.id)
    const smallville = await store.db
      .selectFrom('tags')
      .select('id')
      .where('name', '=', makeTagName('Smallville'))
      .execute()
    expect(smallville).toHaveLength(1)
  })

  it('files a character named like a fandom under the suffixed name', async () => {
    const { workId } = await store.works.importRescued(
      anImport({ fandoms: [makeTagName('Angel')], characters: [makeTagName('Angel')] }),
    )
    const work = await store.works.find(workId)
    const angels = work?.tags.filter((tag) => tag.name.startsWith('Angel'))
    expect(angels?.map((tag) => [tag.kind, tag.name])).toEqual([
      ['fandom', 'Angel'],
      ['character', 'Angel (Character)'],
    ])
  })
})
