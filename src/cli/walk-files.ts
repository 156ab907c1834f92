import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'

export type WalkEntry =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'skipped'; readonly file: string; readonly reason: string }

/**
 * The files under each path, depth first in name order: folders recursively, hidden files and
 * folders skipped, symbolic links never followed (an archive folder may link to anywhere).
 */
export async function* walkFiles(paths: readonly string[]): AsyncGenerator<WalkEntry> {
  for (const start of paths) yield* walkOne(start, true)
}

async function* walkOne(file: string, named: boolean): AsyncGenerator<WalkEntry> {
  let info
  try {
    info = await lstat(file)
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT'
      ? 'no such file or folder'
      : `cannot read: ${String(error)}`
    yield { kind: 'skipped', file, reason }
    return
  }
  if (info.isSymbolicLink()) {
    yield { kind: 'skipped', file, reason: 'a symbolic link, not followed' }
  } else if (info.isDirectory()) {
    const names = (await readdir(file)).sort()
    for (const name of names) {
      if (name.startsWith('.')) continue
      yield* walkOne(path.join(file, name), false)
    }
  } else if (info.isFile()) {
    yield { kind: 'file', file }
  } else if (named) {
    yield { kind: 'skipped', file, reason: 'not a regular file' }
  }
}
