import type { FastifyInstance } from 'fastify'
import type { WorkId } from '../../src/domain/work.js'
import { buildApp } from '../../src/web/app.js'
import { anImport, type ImportOverrides } from '../support/a-work.js'
import { openTestStore, type TestDialect, type TestStore } from '../support/test-store.js'

/** An app on a fresh store, for the reading tests; `close()` removes both. */
export type ReadingApp = Readonly<{
  store: TestStore
  app: FastifyInstance
  /** Imports `anImport(overrides)` and gives the new work's id. */
  importWork(overrides?: ImportOverrides): Promise<WorkId>
  /** The body of a GET, failing the test on any status but 200. */
  page(url: string, headers?: Readonly<Record<string, string>>): Promise<string>
  close(): Promise<void>
}>

export async function openReadingApp(dialect: TestDialect): Promise<ReadingApp> {
  const store = await openTestStore(dialect)
  const app = await buildApp({ store, logger: false })
  return {
    store,
    app,
    importWork: async (overrides = {}) =>
      (await store.works.importRescued(anImport(overrides))).workId,
    page: async (url, headers = {}) => {
      const response = await app.inject({ method: 'GET', url, headers })
      if (response.statusCode !== 200) {
        throw new Error(
          `GET ${url} answered ${String(response.statusCode)}: ${response.body.slice(0, 300)}`,
        )
      }
      return response.body
    },
    close: async () => {
      await app.close()
      await store.destroy()
    },
  }
}
