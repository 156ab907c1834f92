/** Options every command accepts. */
export type GlobalOptions = { database?: string }

/** The database every command uses: --database, else QUIRE_DATABASE_URL, else the embedded file. */
export function databaseUrl(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string {
  return options.database ?? env['QUIRE_DATABASE_URL'] ?? 'sqlite:./quire-data/quire.db'
}
