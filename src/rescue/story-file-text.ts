import type { StoryFile } from './archive-story.js'
import { decodeText } from './decode-text.js'

/**
 * The text of a file an archive kept beside its database: as stored when it was UTF-8, else its
 * bytes decoded as rescue decodes any legacy file (a guessed codepage, mojibake repaired).
 */
export function decodeStoryFile(file: StoryFile): string {
  if ('text' in file) return file.text
  return decodeText(Buffer.from(file.base64, 'base64'), file.name).text
}
