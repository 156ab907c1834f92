import { readFile, stat } from 'node:fs/promises'
import { QuireError } from '../domain/errors.js'

/** 64 MB: larger files are not stories, and would be read whole into memory. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024

/** Reads one file whole, refusing folders and files over `maxSize` with a named error. */
export async function readStoryFile(file: string, maxSize = DEFAULT_MAX_FILE_SIZE): Promise<Buffer> {
  let size: number
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new QuireError('QUIRE_IMPORT_UNREADABLE', `${file}: not a regular file`)
    size = info.size
  } catch (error) {
    if (error instanceof QuireError) throw error
    throw new QuireError('QUIRE_IMPORT_UNREADABLE', `${file}: cannot read: ${errorMessage(error)}`, {
      cause: error,
    })
  }
  if (size > maxSize) {
    throw new QuireError(
      'QUIRE_RESCUE_TOO_LARGE',
      `${file}: ${formatBytes(size)} is over the ${formatBytes(maxSize)} limit (raise it with --max-size)`,
    )
  }
  return readFile(file)
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${String(bytes)} bytes`
}
