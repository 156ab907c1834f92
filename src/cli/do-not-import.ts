import { readFile } from 'node:fs/promises'
import { QuireError } from '../domain/errors.js'
import { nameKey } from '../store/name-key.js'
import { errorMessage } from './read-story-file.js'

/** Creators whose stories an import leaves out, by folded name (see `creatorKey`). */
export type DoNotImportList = ReadonlySet<string>

// A comment runs from a "#" at the start of a line, or after white space, to the line's end;
// a "#" inside a name ("Fan#1") is part of it.
const COMMENT = /(^|\s)#.*$/u

/**
 * The names in a do-not-import file: one a line, trimmed, blank lines and comments ignored,
 * folded so that case and runs of white space do not matter.
 */
export function parseDoNotImport(text: string): DoNotImportList {
  const names = new Set<string>()
  for (const line of text.split(/\r\n?|\n/u)) {
    const name = creatorKey(line.replace(COMMENT, ''))
    if (name !== '') names.add(name)
  }
  return names
}

/** Reads and parses `quire import --do-not-import FILE`. */
export async function readDoNotImport(file: string): Promise<DoNotImportList> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new QuireError('QUIRE_IMPORT_UNREADABLE', `${file}: cannot read the do-not-import list: ${errorMessage(error)}`, {
      cause: error,
    })
  }
  return parseDoNotImport(text)
}

/** The first of a story's creators, as the story names them, that the list names; or undefined. */
export function findListedCreator(list: DoNotImportList, creators: readonly string[]): string | undefined {
  return creators.find((creator) => list.has(creatorKey(creator)))?.trim()
}

// As the store matches creators ("Jen" and "jen" are one), with white space runs made one space.
function creatorKey(name: string): string {
  return nameKey(name.trim().replace(/\s+/gu, ' '))
}
