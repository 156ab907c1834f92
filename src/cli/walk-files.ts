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
  let info: FileKind
  try {
    info = await lstat(file)
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT'
      ? 'no such file or folder'
      : `cannot read: ${String(error)}`
    yield { kind: 'skipped', file, reason }
    return
  }
  yield* walkKnown(file, info, named)
}

/** What `lstat` and a folder listing both tell of an entry. */
type FileKind = Readonly<{ isSymbolicLink(): boolean; isDirectory(): boolean; isFile(): boolean }>

async function* walkKnown(file: string, info: FileKind, named: boolean): AsyncGenerator<WalkEntry> {
  if (info.isSymbolicLink()) {
    yield { kind: 'skipped', file, reason: 'a symbolic link, not followed' }
  } else if (info.isDirectory()) {
    // A listing with types: no lstat per entry (the kernel's listing says what each one is).
    const entries = (await readdir(file, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      yield* walkKnown(path.join(file, entry.name), entry, false)
    }
  } else if (info.isFile()) {
    yield { kind: 'file', file }
  } else if (named) {
    yield { kind: 'skipped', file, reason: 'not a regular file' }
  }
}
