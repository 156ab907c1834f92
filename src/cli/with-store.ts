import { openStore, type Store } from '../store/store.js'
import { databaseUrl, type GlobalOptions } from './config.js'

/** Opens the configured store, brings its schema up to date, runs `use`, and always closes it. */
export async function withStore<T>(
  options: GlobalOptions,
  use: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(databaseUrl(options), { cwd: process.cwd() })
  try {
    await store.migrate()
    return await use(store)
  } finally {
    await store.destroy()
  }
}
