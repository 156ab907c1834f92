import { openStore, type OpenStoreOptions, type Store } from '../store/store.js'
import { databaseUrl, type GlobalOptions } from './config.js'

/** Opens the configured store, brings its schema up to date, runs `use`, and always closes it. */
export async function withStore<T>(
  options: GlobalOptions,
  use: (store: Store) => Promise<T>,
  storeOptions: Omit<OpenStoreOptions, 'cwd'> = {},
): Promise<T> {
  const store = await openStore(databaseUrl(options), { ...storeOptions, cwd: process.cwd() })
  try {
    await store.migrate()
    return await use(store)
  } finally {
    await store.destroy()
  }
}
