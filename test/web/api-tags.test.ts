import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TagId } from '../../src/domain/stored-tag.js'
import { makeTagName, type TagKind } from '../../src/domain/tag.js'
import { buildApp } from '../../src/web/app.js'
import { tagPagePath } from '../../src/web/tag-param.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('the tag JSON API on %s', (dialect) => {
  let store: TestStore
  let app: FastifyInstance
  const tag = async (kind: TagKind, name: string): Promise<TagId> =>
    (await store.tags.findOrCreate(kind, makeTagName(name))).id
  const get = async (name: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1${tagPagePath(name)}` })
    return { status: response.statusCode, json: response.json<Record<string, unknown>>() }
  }
  beforeEach(async () => {
    store = await openTestStore(dialect)
    const relationship = (name: string) => [{ name: makeTagName(name), platonic: false, original: name }]
    await store.works.importRescued(anImport({ fandoms: [makeTagName('Star Trek: TOS')], relationships: relationship('Kirk/Spock') }))
    await store.works.importRescued(anImport({ fandoms: [makeTagName('Star Trek: TOS')], relationships: relationship('Spirk') }))
    const [ks, trek] = [await tag('relationship', 'Kirk/Spock'), await tag('fandom', 'Star Trek: TOS')]
    await store.tags.setCanonical(await tag('relationship', 'Spirk'), ks)
    await store.tags.addParent(ks, trek)
    await store.tags.addParent(await tag('character', 'Spock'), trek)
    await store.tags.addMedia(trek, 'TV Shows')
    app = await buildApp({ store, logger: false })
  })
  afterEach(async () => {
    await app.close()
    await store.destroy()
  })

  it('answers a canonical tag with its synonyms, parents, children and works', async () => {
    expect(await get('Kirk/Spock')).toEqual({
      status: 200,
      json: {
        name: 'Kirk/Spock',
        kind: 'relationship',
        canonical: true,
        canonicalTag: null,
        synonyms: ['Spirk'],
        parents: [{ name: 'Star Trek: TOS', kind: 'fandom' }],
        children: [],
        works: 2,
      },
    })
    expect((await get('Star Trek: TOS')).json).toMatchObject({
      parents: [{ name: 'TV Shows', kind: 'media' }],
      children: [{ name: 'Kirk/Spock', kind: 'relationship' }, { name: 'Spock', kind: 'character' }],
      works: 2,
    })
  })

  it('answers a synonym with the canonical tag its works are listed under', async () => {
    expect((await get('spirk')).json).toMatchObject({ name: 'Spirk', canonical: false, canonicalTag: 'Kirk/Spock', synonyms: [], works: 2 })
  })

  it('answers a name no tag has with 404 and a message naming it', async () => {
    expect(await get('Kirk/Uhura')).toEqual({
      status: 404,
      json: { error: 'QUIRE_TAG_NOT_FOUND', message: 'no tag named "Kirk/Uhura"' },
    })
  })
})
