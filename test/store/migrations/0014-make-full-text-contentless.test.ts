import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WorkId } from '../../../src/domain/work.js'
import { parseTextQuery } from '../../../src/search/text-query.js'
import { toFullTextMatch } from '../../../src/search/text-query-match.js'
import { SQLITE_DIALECT } from '../../../src/store/dialect.js'
import {
  findSnippets,
  rankWorksByText,
  removeWorkText,
  type FullTextMatch,
} from '../../../src/store/full-text.js'
import { findChapterTextsAfter } from '../../../src/store/full-text-chapters.js'
import { CHAPTER_TEXT_TOKENIZER } from '../../../src/store/full-text-sqlite-snippets.js'
import { createFullText } from '../../../src/store/migrations/0008-create-full-text.js'
import { makeFullTextContentless } from '../../../src/store/migrations/0014-make-full-text-contentless.js'
import { aChapterDraft, anImport } from '../../support/a-work.js'
import { openTestStore, type TestStore } from '../../support/test-store.js'

const MIGRATION = '0014-make-full-text-contentless'

const match = (query: string): FullTextMatch => toFullTextMatch(parseTextQuery(query))

// PostgreSQL's table is left as it was; only SQLite's changes.
describe('making the SQLite full-text index contentless', () => {
  let store: TestStore
  let lighthouse: WorkId
  let tokyo: WorkId
  beforeEach(async () => {
    store = await openTestStore('sqlite')
    ;({ workId: lighthouse } = await store.works.importRescued(
      anImport({
        title: 'The Keeper',
        chapters: [
          aChapterDraft({ sections: [{ kind: 'paragraph', text: 'The fog came in.' }] }),
          aChapterDraft({
            sections: [{ kind: 'paragraph', text: 'At the café the lighthouse keeper lit the lamp.' }],
          }),
        ],
      }),
    ))
    ;({ workId: tokyo } = await store.works.importRescued(
      anImport({
        title: 'Tower',
        chapters: [aChapterDraft({ sections: [{ kind: 'paragraph', text: '東京タワーに行きました。' }] })],
      }),
    ))
    await putBackTheOldTable()
  })
  afterEach(async () => {
    await store.destroy()
  })

  // The archive as an older Quire left it: 0008's table, holding a copy of every chapter's text,
  // and 0014 not yet run.
  async function putBackTheOldTable() {
    await sql`drop table chapter_texts`.execute(store.db)
    await createFullText.up(store.db, SQLITE_DIALECT)
    for (const { chapterId, workId, position, text } of await findChapterTextsAfter(store.db, 0, 100)) {
      await sql`insert into chapter_texts (rowid, work_id, position, text)
        values (${chapterId}, ${workId}, ${position}, ${text})`.execute(store.db)
    }
    await sql`delete from kysely_migration where name = ${MIGRATION}`.execute(store.db)
  }

  const storedTexts = async () => {
    const { rows } = await sql<{ text: string | null }>`select text from chapter_texts`.execute(store.db)
    return rows.map(({ text }) => text)
  }

  const tableSql = async () => {
    const { rows } = await sql<{ sql: string }>`
      select sql from sqlite_master where name = 'chapter_texts'`.execute(store.db)
    return rows[0]?.sql ?? ''
  }

  it('rebuilds the index from the chapters and keeps no copy of their text', async () => {
    expect(await storedTexts()).toContain('At the café the lighthouse keeper lit the lamp.')

    expect(await store.migrate()).toEqual([MIGRATION])

    expect(await tableSql()).toMatch(/content = '', contentless_delete = 1/u)
    expect(await storedTexts()).toEqual([null, null, null])
    const { works, total } = await rankWorksByText(store.db, match('"lighthouse keeper"'), 10)
    expect(total).toBe(1)
    expect(works).toMatchObject([{ workId: lighthouse, position: 2 }])
    expect((await rankWorksByText(store.db, match('cafe'), 10)).works).toMatchObject([{ workId: lighthouse }])
    expect((await rankWorksByText(store.db, match('行きました'), 10)).works).toMatchObject([{ workId: tokyo }])
  })

  it('cuts snippets from the chapters once the index holds no text', async () => {
    await store.migrate()
    const lamp = match('lamp OR cafe')
    const { works } = await rankWorksByText(store.db, lamp, 10)
    const chapterId = works[0]?.chapterId ?? 0
    expect((await findSnippets(store.db, lamp, [chapterId])).get(chapterId)).toEqual([
      { text: 'At the ', match: false },
      { text: 'café', match: true },
      { text: ' the lighthouse keeper lit the ', match: false },
      { text: 'lamp', match: true },
      { text: '.', match: false },
    ])
  })

  it('deletes a work from the new index by its chapters, leaving the others', async () => {
    await store.migrate()
    await removeWorkText(store.db, lighthouse)
    expect(await storedTexts()).toHaveLength(1)
    expect((await rankWorksByText(store.db, match('lighthouse'), 10)).total).toBe(0)
    expect((await rankWorksByText(store.db, match('東京タワー'), 10)).total).toBe(1)
  })

  it('splits words in snippets with the tokenizer the table was made with', async () => {
    await store.migrate()
    expect(await tableSql()).toContain(`tokenize = "${CHAPTER_TEXT_TOKENIZER}"`)
  })

  it('puts the copy back when undone', async () => {
    await store.migrate()
    await makeFullTextContentless.down(store.db)
    expect(await storedTexts()).toContain('At the café the lighthouse keeper lit the lamp.')
    const { rows } = await sql<{ work_id: string; position: number }>`
      select work_id, position from chapter_texts where chapter_texts match 'lighthouse'`.execute(store.db)
    expect(rows).toEqual([{ work_id: lighthouse, position: 2 }])
  })
})
